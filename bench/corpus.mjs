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
export const WORK = path.join(ROOT, '.cache', 'bench');
const CORPUS_DIR = path.join(ROOT, '.cache', 'corpus');
const CORPUS = path.join(CORPUS_DIR, 'articles-10k.jsonl');
const SCRIPT = path.join(ROOT, 'bench', 'debian-docs.sh');

export function ensureCorpus() {
  if (existsSync(CORPUS)) return CORPUS;
  console.error(`building ${path.relative(ROOT, CORPUS)} with ${SCRIPT} (about 75 s)…`);
  execFileSync('bash', [SCRIPT, CORPUS_DIR], { stdio: 'inherit' });
  return CORPUS;
}

/** The articles, with ids the library accepts (`a00001`…). */
export function loadArticles(limit = Infinity) {
  const lines = readFileSync(ensureCorpus(), 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, limit).map((line, i) => {
    const { title, body } = JSON.parse(line);
    return { id: `a${String(i + 1).padStart(5, '0')}`, title: String(title), body: String(body) };
  });
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
