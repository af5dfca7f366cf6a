/** Renders the measurements as the "Search" section of docs/benchmarks.md. */

const LABELS = {
  lunr: 'Plain Lunr 2.3.9 (one index, positions on)',
  quire: "Quire's engine (segments of compact postings, Lunr's stemmers, snippets for the top 20)",
  minisearch: 'MiniSearch 7.2.0',
  flexsearch: 'FlexSearch 0.8.212 (Document, forward tokenizer)',
  fts5: 'SQLite FTS5 (better-sqlite3 12, snippet() for the top 20)',
};

const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pair = (kind) => (kind ? `${ms(kind.p50)} / ${ms(kind.p95)}` : 'n/a');

export function renderSearchSection({ results, machine, date, articles }) {
  const rows = results.map((r) => {
    const add = r.engine === 'lunr' ? `${ms(r.addMs)} (full rebuild)` : ms(r.addMs);
    return `| ${LABELS[r.engine] ?? r.engine} | ${ms(r.buildMs)} | ${mb(r.diskBytes)} | ${ms(r.firstAnswerMs)} | ${pair(r.kinds.single)} | ${pair(r.kinds.multi)} | ${pair(r.kinds.prefix)} | ${pair(r.kinds.phrase)} | ${add} | ${r.rssMb.toFixed(0)} MB (peak ${r.queryPeakRssMb.toFixed(0)}) | ${r.buildPeakRssMb.toFixed(0)} MB |`;
  });
  const loads = results.map(
    (r) =>
      `${r.engine} ${r.buildLoad === undefined ? '?' : r.buildLoad.toFixed(1)} / ${r.queryLoad === undefined ? '?' : r.queryLoad.toFixed(1)}${r.measuredAt ? ` (${r.measuredAt.slice(0, 16).replace('T', ' ')})` : ''}`,
  );
  const answered = results.map(
    (r) => `${r.engine}: ${Object.entries(r.kinds).map(([kind, k]) => `${kind} ${k.answered}/${k.count}`).join(', ')}`,
  );
  // Engines measured before these were recorded have none: left out rather than shown as n/a.
  const cpu = results
    .filter((r) => r.buildCpuMs !== undefined && r.firstAnswerCpuMs !== undefined)
    .map((r) => `${r.engine} ${ms(r.buildCpuMs)} / ${ms(r.firstAnswerCpuMs)}`);
  const queryCpu = results
    .filter((r) => Object.values(r.kinds).every((k) => k.cpuPerQueryMs !== undefined))
    .map((r) => `${r.engine} ${Object.entries(r.kinds).map(([kind, k]) => `${kind} ${ms(k.cpuPerQueryMs)}`).join(', ')}`);
  const quire = results.find((r) => r.engine === 'quire');
  const targets = quire
    ? [
        ['first answer from a cold start', '≤ 0.5 s', ms(quire.firstAnswerMs), quire.firstAnswerMs <= 500],
        ['query p95 (one word / several words), snippets for the top 20', '≤ 5 ms', `${ms(quire.kinds.single.p95)} / ${ms(quire.kinds.multi.p95)}`, Math.max(quire.kinds.single.p95, quire.kinds.multi.p95) <= 5],
        ['prefix p95', '≤ 10 ms', ms(quire.kinds.prefix.p95), quire.kinds.prefix.p95 <= 10],
        ['one new article searchable', '≤ 250 ms', ms(quire.addMs), quire.addMs <= 250],
        ['full build', '≤ 12 s', ms(quire.buildMs), quire.buildMs <= 12000],
        ['resident memory after the queries', '≤ 300 MB', `${quire.rssMb.toFixed(0)} MB`, quire.rssMb <= 300],
      ].map(([what, target, got, met]) => `| ${what} | ${target} | ${got} | ${met ? 'met' : '**not met**'} |`)
    : [];
  return `## Search

Measured by \`npm run bench\` on ${date}. Machine: ${machine}.

Library: ${articles.toLocaleString('en')} articles (\`articles-10k.jsonl\` from \`bench/debian-docs.sh\`: Linux kernel, Python 3.11 and PostgreSQL 15 manuals and man pages, cut into 4–5 KB articles). Queries drawn from the articles with a fixed seed, 200 of each kind: one word; two words of one article (all must match); a 4-letter prefix; a quoted phrase of 2–3 consecutive words. Each engine builds in one process and answers in a fresh one. Latencies are per query, top 20, after 200 warm-up queries of every kind drawn with another seed (none of them measured). "Cold start" is from process start (Node's time origin) to the first answer, loading the engine's code and index. Resident memory is the query process's RSS after all queries.

| engine | build | on disk | cold start → first answer | one word p50 / p95 | several words p50 / p95 | prefix p50 / p95 | phrase p50 / p95 | one new article searchable | memory (query process) | peak memory (build) |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Queries answered (at least one hit): ${answered.join('; ')}.

Load average (1 min) at the end of the build / query process, and when each engine was measured: ${loads.join('; ')}. This machine is shared: with a load far above its core count every figure is inflated, and engines measured at different times are not comparable within about 2×.

${cpu.length > 0 ? `CPU time (all threads, so garbage collection and worker threads count) of the build, and from process start to the first answer — the work each needed, which contention inflates far less than wall time: ${cpu.join('; ')}.${queryCpu.length > 0 ? ` Mean CPU time per query: ${queryCpu.join('; ')}.` : ''}` : ''}

What limits Quire's engine: each query reads \`text.txt\` of its 20 best hits and searches it for the matched words (no positions in the index: one case-insensitive native search per text, the snippet window in one pass); reading the files is now the largest part of a query in profiles (about a quarter). A quoted phrase is confirmed against the text of candidates, best first, until 20 hold it (one native search per text for plain phrases in texts without accented letters), so a rare phrase of common words reads many files (the phrase p95). The cold start is mostly Node starting and loading the engine's modules, parsing the manifest of every document (rows, not objects) and the first query running before V8 has optimized it; the segments themselves load as typed-array views over the files, and a language's stemmer loads when first needed. The live tail keeps a new article searchable in milliseconds.

Notes: MiniSearch and FlexSearch have no phrase operator (a phrase is run as all its words); plain Lunr runs the phrase's words as required terms and cannot add an article without rebuilding everything. Quire confirms phrases against each hit's text and builds snippets from text.txt for every returned hit; FTS5 builds snippets with \`snippet()\`; the others return ids only.
${targets.length > 0 ? `
Quire's engine against the targets of issue 4:

| target | goal | measured | |
|---|---|---|---|
${targets.join('\n')}
` : ''}`;
}

/** Replaces `## <title>` up to the next `## ` heading (or appends it), leaving other sections alone. */
export function replaceSection(markdown, title, section) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  if (start === -1) return `${markdown.trimEnd()}\n\n${section.trimEnd()}\n`;
  let end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  if (end === -1) end = lines.length;
  return [...lines.slice(0, start), ...section.trimEnd().split('\n'), '', ...lines.slice(end)].join('\n').trimEnd() + '\n';
}
