/**
 * The next-word filter lets a quoted phrase skip documents without reading their text: it must
 * never rule out a phrase a document holds (the hit would be lost), and it must rule out most
 * that it does not hold (or it saves nothing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../electron/core/search/engine';
import { buildPairFilter, mayHoldPairs, phrasePairs } from '../../../../electron/core/search/pair-filter';
import { foldWord, tokenize } from '../../../../electron/core/search/text-pipeline';
import { articleDocuments, corpusArticles, fingerprintOf, tempLibrary, type TempLibrary, type TestArticle } from './search-fixtures';

/** The words of a text as a phrase check compares them. */
const wordsOf = (text: string): string[] =>
  tokenize(text)
    .map((token) => foldWord(token.text))
    .filter((word): word is string => word !== null);

describe('next-word filter', () => {
  it('never rules out two words that are neighbours in a text, in any language of the test pages', () => {
    let pairs = 0;
    for (const article of corpusArticles()) {
      const filter = buildPairFilter([article.title, article.text]);
      for (const text of [article.title, article.text]) {
        const words = wordsOf(text);
        for (let i = 1; i < words.length; i += 1) {
          pairs += 1;
          if (!mayHoldPairs(filter, phrasePairs([words[i - 1]!, words[i]!]))) {
            throw new Error(`“${words[i - 1]} ${words[i]}” of ${article.id} ruled out`);
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(5000);
  });

  it('rules out most pairs of words a text holds, but never as neighbours', () => {
    const article = corpusArticles().find((candidate) => candidate.id === 'seed-article')!;
    const words = wordsOf(article.text);
    const neighbours = new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`));
    const filter = buildPairFilter([article.text]);
    let absent = 0;
    let passed = 0;
    for (let i = 0; i + 5 < words.length; i += 1) {
      const [first, second] = [words[i]!, words[i + 5]!];
      if (neighbours.has(`${first} ${second}`)) continue;
      absent += 1;
      if (mayHoldPairs(filter, phrasePairs([first, second]))) passed += 1;
    }
    expect(absent).toBeGreaterThan(500);
    // About 3 % by design; a filter that lets most through would read every candidate's text again.
    expect(passed / absent).toBeLessThan(0.1);
  });

  it('keeps no pair running from one text into the next (a phrase never runs from one tag into another)', () => {
    const filter = buildPairFilter(['alpha beta', 'gamma delta']);
    expect(mayHoldPairs(filter, phrasePairs(['alpha', 'beta']))).toBe(true);
    expect(mayHoldPairs(filter, phrasePairs(['gamma', 'delta']))).toBe(true);
    expect(mayHoldPairs(filter, phrasePairs(['beta', 'gamma']))).toBe(false);
  });
});

describe('phrases with the filter, through the engine', () => {
  let library: TempLibrary;
  afterEach(() => library.remove());

  const engineOf = (): SearchEngine =>
    // Tiny segments, merged often: filters must survive sealing, merging and a reload.
    new SearchEngine({ indexDir: library.indexDir, libraryDir: library.libraryDir, log: () => undefined, tailMaxDocs: 3, maxSealedSegments: 2 });

  it('finds a phrase in a title, a tag, a note and the text after segments are merged and the index reopened', async () => {
    library = tempLibrary();
    const filler = (i: number): TestArticle => ({ id: `filler-${i}`, title: `Filler ${i}`, text: `Harbour cranes unload containers. Number ${i} quay.` });
    const articles: TestArticle[] = [
      { id: 'titled', title: 'Quiet harbour mornings', text: 'Cranes and gulls.' },
      { id: 'tagged', title: 'Port log', text: 'Nothing to report.', tags: ['night shift', 'harbour pilot'] },
      { id: 'noted', title: 'Ferry times', text: 'The ferry leaves at nine.', annotations: [{ id: 'n1', kind: 'note', note: 'Ask the harbour master about tides' }] },
      { id: 'bodied', title: 'Dock workers', text: 'At dawn the container crane operators start their shift.' },
      ...Array.from({ length: 8 }, (_, i) => filler(i)),
    ];
    const engine = engineOf();
    await engine.open([]);
    for (const article of articles) {
      library.write(article);
      await engine.replaceArticles([{ fingerprint: fingerprintOf(article), documents: articleDocuments(article) }]);
    }
    engine.mergeSegments();
    await engine.close();

    const reopened = engineOf();
    expect(await reopened.open(articles.map((article) => fingerprintOf(article)))).toEqual([]);
    const found = async (query: string) => (await reopened.search(query)).map((hit) => hit.articleId).sort();
    expect(await found('"quiet harbour"')).toEqual(['titled']);
    expect(await found('"harbour pilot"')).toEqual(['tagged']);
    expect(await found('"shift harbour"')).toEqual([]);
    expect(await found('"harbour master"')).toEqual(['noted']);
    expect(await found('"container crane operators"')).toEqual(['bodied']);
    expect((await found('"cranes unload"')).length).toBe(8);
    expect(await found('"cranes unload" -"number 3"')).not.toContain('filler-3');
    await reopened.close();
  });
});
