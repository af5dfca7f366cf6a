// Quire runs on Node 24 (the Node inside Electron 45), and its code uses what Node 24 has. This
// file is read first and written for any Node that can load an ES module, so an older one gets a
// sentence instead of a stack trace from deep inside a dependency.
export const REQUIRED_NODE_MAJOR = 24;

/** Null when this Node can run Quire, else one sentence saying what to do. */
export function nodeVersionProblem(version) {
  const major = Number(String(version).replace(/^v/, '').split('.')[0]);
  if (major >= REQUIRED_NODE_MAJOR) return null;
  return (
    'Quire needs Node.js ' + REQUIRED_NODE_MAJOR + ' or newer, but this is Node.js ' + String(version).replace(/^v/, '') +
    ': run it as `npx quire` inside the project (npm install brings Node ' + REQUIRED_NODE_MAJOR + ') or install Node.js ' +
    REQUIRED_NODE_MAJOR + '.'
  );
}
