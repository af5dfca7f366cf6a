/**
 * The benchmark library and its queries. The library is `articles-10k.jsonl`, built from Debian's
 * documentation by bench/debian-docs.sh into .cache/corpus/ (ignored; about 75 s, needs
 * apt-get). Queries are drawn from the articles with a fixed seed, so every run and every engine
 * answers the same ones.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom as random } from '../scripts/seeded-random.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** The corpus's size; a larger library (`--articles N`, which run.mjs passes on as QUIRE_BENCH_ARTICLES) is made from it. */
const CORPUS_ARTICLES = 10_000;
export const ARTICLE_COUNT = Number(process.env.QUIRE_BENCH_ARTICLES ?? CORPUS_ARTICLES);
if (!Number.isSafeInteger(ARTICLE_COUNT) || ARTICLE_COUNT < 100) {
  throw new Error(`--articles needs a whole number of at least 100, not ${process.env.QUIRE_BENCH_ARTICLES}`);
}
/** Each library size has its own folder (library, indexes, queries, results). */
export const WORK = path.join(ROOT, '.cache', ARTICLE_COUNT === CORPUS_ARTICLES ? 'bench' : `bench-${ARTICLE_COUNT}`);
const CORPUS_DIR = path.join(ROOT, '.cache', 'corpus');
const CORPUS = path.join(CORPUS_DIR, 'articles-10k.jsonl');
const SCRIPT = path.join(ROOT, 'bench', 'debian-docs.sh');

export function ensureCorpus() {
  if (existsSync(CORPUS)) return CORPUS;
  console.error(`building ${path.relative(ROOT, CORPUS)} with ${SCRIPT} (about 75 s)…`);
  execFileSync('bash', [SCRIPT, CORPUS_DIR], { stdio: 'inherit' });
  return CORPUS;
}

/**
 * The library's articles, with ids the library accepts (`a00001`…): the corpus, or a larger
 * library made from it (`copyOf`).
 */
export function loadArticles(count = ARTICLE_COUNT) {
  const lines = readFileSync(ensureCorpus(), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const corpus = lines.slice(0, count).map((line) => JSON.parse(line));
  const digits = Math.max(5, String(count).length);
  const id = (i) => `a${String(i + 1).padStart(digits, '0')}`;
  const articles = corpus.map(({ title, body }, i) => ({ id: id(i), title: String(title), body: String(body) }));
  for (let i = articles.length; i < count; i += 1) {
    const source = articles[i % corpus.length];
    articles.push({ id: id(i), ...copyOf(source, Math.floor(i / corpus.length)) });
  }
  return articles;
}

/** FNV-1a of a string and a number: which words a copy changes, the same in every run. */
function hashOf(word, copy) {
  let hash = 0x811c9dc5 ^ copy;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Copy number `copy` (1, 2, …) of an article, a distinct document: its title numbered
 * (`Title — copy 2`), and in its text about a third of the words of six letters or more, chosen per
 * copy, with two inner letters swapped. So copies share most of their words (the postings grow
 * tenfold, as in a library ten times larger) but most lines are their own (known-item queries
 * still name one article), and the vocabulary grows as a larger library's does.
 */
function copyOf(article, copy) {
  const body = article.body.replace(/[A-Za-z]{6,}/g, (word) => {
    const hash = hashOf(word, copy);
    if (hash % 3 !== 0) return word;
    const at = 1 + ((hash >>> 2) % (word.length - 3));
    return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  });
  return { title: `${article.title} — copy ${copy + 1}`, body };
}

/** mulberry32: small, seeded, the same sequence everywhere (shared with the tests). */
export { random };

// Lunr's English stop words plus a few more: a query made of them says nothing about speed.
const STOP = new Set(
  ('a able about across after all almost also among an and any are as at be because been but by can cannot could dear did do does either else ever every for from get got had has have he her hers him his how however i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only or other our own rather said say says she should since so some than that the their them then there these they this tis to too twas us wants was we were what when where which while who whom why will with would yet you your ' +
    'this that with from have were been will more than then they them these when which their there also into only other such each used using uses file files').split(' '),
);

const WORD = /^[a-z]{4,20}$/;

function wordsOf(text) {
  return text.toLowerCase().split(/[^a-z]+/).filter((word) => WORD.test(word) && !STOP.has(word));
}

/**
 * Per kind, `count` queries: one word; two words from one article (all must match); a 4-letter
 * prefix; a phrase of 2–3 consecutive words of one article.
 */
export function makeQueries(articles, seed = 2026, count = 200) {
  const next = random(seed);
  const pickArticle = () => articles[Math.floor(next() * articles.length)];
  const pick = (list) => list[Math.floor(next() * list.length)];
  const out = { single: [], multi: [], prefix: [], phrase: [] };
  while (out.single.length < count) {
    const words = wordsOf(pickArticle().body);
    if (words.length > 0) out.single.push({ words: [pick(words)] });
  }
  while (out.multi.length < count) {
    const words = [...new Set(wordsOf(pickArticle().body))];
    if (words.length < 2) continue;
    const a = pick(words);
    const b = pick(words.filter((word) => word !== a));
    out.multi.push({ words: [a, b] });
  }
  while (out.prefix.length < count) {
    const words = wordsOf(pickArticle().body).filter((word) => word.length >= 6);
    if (words.length > 0) out.prefix.push({ words: [pick(words).slice(0, 4)] });
  }
  while (out.phrase.length < count) {
    // Consecutive lowercase words on one line, none a stop word: what someone quotes.
    const lines = pickArticle().body.split('\n');
    const tokens = pick(lines).split(/\s+/);
    const length = 2 + Math.floor(next() * 2);
    const start = Math.floor(next() * Math.max(1, tokens.length - length));
    const words = tokens.slice(start, start + length);
    if (words.length === length && words.every((word) => WORD.test(word) && !STOP.has(word))) out.phrase.push({ words });
  }
  return out;
}

/** A word no article contains, for the "one new article" measurement. */
export const NEW_ARTICLE = {
  id: 'z99999',
  title: 'Quokkaflux calibration notes',
  body: 'The quokkaflux calibration routine was added to the library a moment ago.\nIt should be searchable at once.',
};

/**
 * Known-item queries: what someone types to find one article again. `title`: its title as it is
 * (only titles no other article has); `sentence`: a sentence of its text (one only it holds, 8–20
 * plain words) with one word replaced by a word of another article and one word of five letters
 * or more misspelt (two inner letters swapped). Each query names the one article that answers it.
 */
export function makeKnownItems(articles, seed = 4242, count = 200) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const titleCount = new Map();
  for (const article of articles) titleCount.set(article.title, (titleCount.get(article.title) ?? 0) + 1);
  const lineCount = new Map();
  for (const article of articles) {
    for (const line of new Set(article.body.split('\n'))) lineCount.set(line, (lineCount.get(line) ?? 0) + 1);
  }
  const title = [];
  const seen = new Set();
  while (title.length < count) {
    const article = pick(articles);
    if (titleCount.get(article.title) !== 1 || seen.has(article.id)) continue;
    seen.add(article.id);
    title.push({ text: article.title, id: article.id });
  }
  const PLAIN = /^[A-Za-z][a-z]*[,.;]?$/;
  const sentence = [];
  while (sentence.length < count) {
    const article = pick(articles);
    const lines = article.body
      .split('\n')
      .filter((line) => lineCount.get(line) === 1)
      .map((line) => line.trim().split(/\s+/))
      .filter((tokens) => tokens.length >= 8 && tokens.length <= 20 && tokens.every((token) => PLAIN.test(token)));
    if (lines.length === 0) continue;
    const tokens = [...pick(lines)];
    const content = tokens.map((token, i) => i).filter((i) => wordsOf(tokens[i]).length === 1);
    const long = content.filter((i) => tokens[i].replace(/[,.;]$/, '').length >= 5);
    if (content.length < 4 || long.length < 2) continue;
    const misspelt = pick(long);
    const changed = pick(content.filter((i) => i !== misspelt));
    const replacement = pick(wordsOf(pick(articles).body));
    if (replacement === undefined) continue;
    tokens[changed] = replacement;
    const word = tokens[misspelt];
    const at = 1 + Math.floor(next() * (word.replace(/[,.;]$/, '').length - 3));
    tokens[misspelt] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    sentence.push({ text: tokens.join(' '), id: article.id });
  }
  return { title, sentence };
}
