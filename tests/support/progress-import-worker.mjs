// An import worker for the import pool's tests: it says how far it has "read" on the task's
// progress port, malformed messages among well-formed ones (a worker is not trusted to send only
// well-formed ones), then answers with an article titled with the file's name.
export default async function extractWithProgress(task) {
  const port = task.progress;
  port.postMessage({ type: 'progress', unit: 'chapter', part: 1, parts: 3 });
  port.postMessage({ type: 'progress', unit: 'chapter', part: 9, parts: 3 });
  port.postMessage({ type: 'progress', unit: 'verse', part: 2, parts: 3 });
  port.postMessage('chapter 2 of 3');
  port.postMessage({ type: 'progress', unit: 'chapter', part: 2, parts: 3 });
  // The messages cross the port before the answer does.
  await new Promise((resolve) => setTimeout(resolve, 50));
  port.close();
  return { ok: true, article: { document: { title: task.fileName } } };
}
