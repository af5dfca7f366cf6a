/** Renders the measurements as the "Search" section of docs/benchmarks.md. */

const LABELS = {
  lunr: 'Plain Lunr 2.3.9 (one index, positions on)',
  quire: "Quire's engine (segments of compact postings, Lunr's stemmers, snippets for the top 20, up to 3 per article)",
  minisearch: 'MiniSearch 7.2.0',
  flexsearch: 'FlexSearch 0.8.212 (Document, forward tokenizer)',
  fts5: 'SQLite FTS5 (better-sqlite3 12, snippet() for the top 20)',
};

const CORPUS_ARTICLES = 10_000;
const labelOf = (r) => (r.engine === 'quire-baseline' ? `${LABELS.quire}, before: the baseline checkout (${r.baseline ?? '?'})` : (LABELS[r.engine] ?? r.engine));

/** Quire's targets at the corpus's size, and at a library ten times larger. */
function targetsOf(quire, articles) {
  const memory = `${quire.rssMb.toFixed(0)} MB`;
  if (articles > CORPUS_ARTICLES) {
    const worst = Math.max(...Object.values(quire.kinds).map((kind) => kind.p95));
    return [
      ['first answer from a cold start', '≤ 1 s', ms(quire.firstAnswerMs), quire.firstAnswerMs <= 1000],
      ['query p95, every kind (one word, several words, prefix, phrase)', '≤ 10 ms', Object.entries(quire.kinds).map(([kind, k]) => `${kind} ${ms(k.p95)}`).join(', '), worst <= 10],
      ['resident memory after the queries', '≤ 500 MB', memory, quire.rssMb <= 500],
    ];
  }
  return [
    ['first answer from a cold start', '≤ 0.5 s', ms(quire.firstAnswerMs), quire.firstAnswerMs <= 500],
    ...(quire.relevance?.title ? [['known-item search by title: MRR@10', '≥ 0.9', quire.relevance.title.mrr.toFixed(3), quire.relevance.title.mrr >= 0.9]] : []),
    ['query p95 (one word / several words), snippets for the top 20', '≤ 5 ms', `${ms(quire.kinds.single.p95)} / ${ms(quire.kinds.multi.p95)}`, Math.max(quire.kinds.single.p95, quire.kinds.multi.p95) <= 5],
    ['prefix p95', '≤ 10 ms', ms(quire.kinds.prefix.p95), quire.kinds.prefix.p95 <= 10],
    ['phrase p95', '≤ 10 ms', ms(quire.kinds.phrase.p95), quire.kinds.phrase.p95 <= 10],
    ['one new article searchable', '≤ 250 ms', ms(quire.addMs), quire.addMs <= 250],
    ['full build', '≤ 12 s', ms(quire.buildMs), quire.buildMs <= 12000],
    ['resident memory after the queries', '≤ 300 MB', memory, quire.rssMb <= 300],
  ];
}

const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pct = (share) => `${(share * 100).toFixed(1)} %`;
const pair = (kind) => (kind ? `${ms(kind.p50)} / ${ms(kind.p95)}` : 'n/a');

export function renderSearchSection({ results, machine, date, articles, semiSpaceMb }) {
  const rows = results.map((r) => {
    const add = r.engine === 'lunr' ? `${ms(r.addMs)} (full rebuild)` : ms(r.addMs);
    return `| ${labelOf(r)} | ${ms(r.buildMs)} | ${mb(r.diskBytes)} | ${ms(r.firstAnswerMs)} | ${pair(r.kinds.single)} | ${pair(r.kinds.multi)} | ${pair(r.kinds.prefix)} | ${pair(r.kinds.phrase)} | ${add} | ${r.rssMb.toFixed(0)} MB (peak ${r.queryPeakRssMb.toFixed(0)}) | ${r.buildPeakRssMb.toFixed(0)} MB |`;
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
  const background = results.filter((r) => (r.backgroundCpuMs ?? 0) > 0).map((r) => `${r.engine} ${ms(r.backgroundCpuMs)}`);
  const queryCpu = results
    .filter((r) => Object.values(r.kinds).every((k) => k.cpuPerQueryMs !== undefined))
    .map((r) => `${r.engine} ${Object.entries(r.kinds).map(([kind, k]) => `${kind} ${ms(k.cpuPerQueryMs)}`).join(', ')}`);
  const relevanceRows = results
    .filter((r) => r.relevance !== undefined)
    .map((r) => {
      const cells = ['title', 'sentence'].map((kind) => {
        const k = r.relevance[kind];
        return k ? `${k.mrr.toFixed(3)} | ${pct(k.recall)} | ${pct(k.first)} | ${pair(k)}` : 'n/a | n/a | n/a | n/a';
      });
      return `| ${labelOf(r)} | ${cells.join(' | ')} |`;
    });
  const afterKnownItems = results
    .filter((r) => r.rssAfterKnownItemsMb !== undefined)
    .map((r) => `${r.engine} ${r.rssAfterKnownItemsMb.toFixed(0)} MB`);
  const errorLines = results
    .filter((r) => r.errors !== undefined && Object.keys(r.errors).length > 0)
    .map((r) => {
      const counts = [
        ...Object.entries(r.kinds).filter(([, k]) => k.errors > 0).map(([kind, k]) => `${kind} ${k.errors}/${k.count}`),
        ...Object.entries(r.relevance ?? {}).filter(([, k]) => k.errors > 0).map(([kind, k]) => `known-item ${kind} ${k.errors}/${k.count}`),
      ];
      const first = Object.entries(r.errors).map(([kind, message]) => `${kind}: “${message}”`).join('; ');
      return `- ${r.engine}: ${counts.join(', ')} (first of each: ${first})`;
    });
  const quire = results.find((r) => r.engine === 'quire');
  const targets = quire
    ? targetsOf(quire, articles).map(([what, target, got, met]) => `| ${what} | ${target} | ${got} | ${met ? 'met' : '**not met**'} |`)
    : [];
  const title = articles === CORPUS_ARTICLES ? 'Search' : `Search at ${articles.toLocaleString('en')} articles`;
  const library =
    articles === CORPUS_ARTICLES
      ? `${articles.toLocaleString('en')} articles (\`articles-10k.jsonl\` from \`bench/debian-docs.sh\`: Linux kernel, Python 3.11 and PostgreSQL 15 manuals and man pages, cut into 4–5 KB articles)`
      : `${articles.toLocaleString('en')} articles made by \`npm run bench -- --articles ${articles}\` from the ${CORPUS_ARTICLES.toLocaleString('en')} of \`articles-10k.jsonl\` (from \`bench/debian-docs.sh\`): the corpus, then numbered copies of it, each its own document (title \`… — copy N\`, and in its text about a third of the words of six letters or more, chosen per copy, with two inner letters swapped: most lines are the copy's own, and the vocabulary grows as a larger library's does)`;
  return {
    title,
    section: `## ${title}

Written by \`npm run bench\` on ${date} (\`node bench/run.mjs ENGINE…\` measures only the engines named and keeps the others' last figures: when each was measured is in the load line below). Machine: ${machine}.

Library: ${library}. Queries drawn from the articles with a fixed seed, 200 of each kind: one word; two words of one article (all must match); a 4-letter prefix; a quoted phrase of 2–3 consecutive words. Each engine builds in one process and answers in a fresh one. Latencies are per query, top 20, after 200 warm-up queries of every kind drawn with another seed (none of them measured). "Cold start" is from process start (Node's time origin) to the first answer, loading the engine's code and index. Resident memory is the query process's RSS after all queries.

| engine | build | on disk | cold start → first answer | one word p50 / p95 | several words p50 / p95 | prefix p50 / p95 | phrase p50 / p95 | one new article searchable | memory (query process) | peak memory (build) |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Queries answered (at least one hit): ${answered.join('; ')}.
${relevanceRows.length > 0 ? `
### Relevance: known-item search

Can each engine find an article again from what someone remembers of it? 200 queries of each kind, drawn with a fixed seed, each naming the one article it should find: **title** — an article's title as it is (only titles no other article shares); **sentence** — a sentence of the article (8–20 plain words, a line no other article holds) with one word replaced by a word of another article and one word of five letters or more misspelt (two letters swapped). Every engine gets the text as typed into a search box, in its own natural mode: Quire's query language (every word required, common words optional, a typo or most of the words when nothing holds all), FTS5 with each word quoted and OR'ed, ranked by bm25 (title weight 10), MiniSearch with any word, fuzzy 0.2 and prefixes, FlexSearch with \`suggest\`, plain Lunr with \`idx.search(text)\`. MRR@10 is the mean of 1/rank of the article within the first 10 results (0 when absent); recall@10 the share found in the first 10; first the share ranked first.

| engine | titles MRR@10 | titles recall@10 | titles first | titles p50 / p95 | sentences MRR@10 | sentences recall@10 | sentences first | sentences p50 / p95 |
|---|---|---|---|---|---|---|---|---|
${relevanceRows.join('\n')}
${afterKnownItems.length > 0 ? `\nResident memory of the query process after the known-item queries too (the table's memory is before them): ${afterKnownItems.join('; ')}.\n` : ''}` : ''}
${errorLines.length > 0 ? `Exceptions thrown by an engine on a query are counted (the query counts as unanswered) and the run goes on:\n\n${errorLines.join('\n')}\n` : 'No engine threw on any query.\n'}
Load average (1 min) at the end of the build / query process, and when each engine was measured: ${loads.join('; ')}. This machine is shared: with a load far above its core count every figure is inflated, and engines measured at different times are not comparable within about 2×.

${cpu.length > 0 ? `CPU time (all threads, so garbage collection and worker threads count) of the build, and from process start to the first answer — the work each needed, which contention inflates far less than wall time: ${cpu.join('; ')}.${queryCpu.length > 0 ? ` Mean CPU time per query: ${queryCpu.join('; ')}.` : ''}${background.length > 0 ? ` Work left for after the first answer (Quire: verifying its segments' checksums and building the lookups a change needs, between requests in the app), done before the queries were timed: ${background.join('; ')} of CPU.` : ''}` : ''}

What limits Quire's engine: each query reads \`text.txt\` of its 20 best hits and searches it for the matched words (no positions in the index: one case-insensitive native search per text, the snippet window in one pass), and of its 30 best to rank a word as typed above other forms of it; reading the files and building the snippets is about half of a one-word query's CPU time in profiles. At 100,000 articles a common word matches most of the library: its postings are scored over typed arrays, and only the best few hundred matches become objects. A quoted phrase is confirmed against the text of candidates, best first, until 20 hold it; a next-word filter per document in the segments (a Bloom filter of its neighbouring word pairs, a few hundred bytes) rules out most candidates that cannot hold it before any is looked at, so a rare phrase of common words no longer reads hundreds of files. A query of four words or more (the known-item titles and sentences) is matched by most of its words and has the text of its 30 best candidates read to score the order of its words, so it costs more than a short one; a typo is looked for only among words no document holds, with the same first letter. The cold start is mostly Node starting and loading the engine's modules, reading the segment files (one read each, as typed-array views; their checksums are verified after the first answer), parsing the manifest (the documents as columns, no object per document) and the first query running before V8 has optimized it; a language's stemmer loads when first needed. The live tail keeps a new article searchable in milliseconds. Memory: the query process runs with the young generation the app gives its search worker (${semiSpaceMb.quire} MB semi-spaces, \`electron/core/search/worker-limits.ts\`${semiSpaceMb['quire-baseline'] !== undefined && semiSpaceMb['quire-baseline'] !== semiSpaceMb.quire ? `; the baseline's engine with its own, ${semiSpaceMb['quire-baseline']} MB` : ''}); left to itself V8 grows it to 64 MB semi-spaces of mostly dead objects. At 100,000 articles most of the rest is the segments themselves (postings, term lists, next-word filters, read whole into memory) and the documents' stored fields (columns of strings).

Notes: MiniSearch and FlexSearch have no phrase operator (a phrase is run as all its words); plain Lunr runs the phrase's words as required terms and cannot add an article without rebuilding everything. Quire confirms phrases against each hit's text and builds snippets from text.txt for every returned hit; FTS5 builds snippets with \`snippet()\`; the others return ids only.
${targets.length > 0 ? `
Quire's engine against its targets:

| target | goal | measured | |
|---|---|---|---|
${targets.join('\n')}
` : ''}`,
  };
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
