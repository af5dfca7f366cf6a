/**
 * Nothing the core says reaches the page as English only. The contract's types already require
 * a sentence on every error (`QuireErrorInfo.sentence`), every failed import, every problem and
 * repair of the library check and every skipped annotation; this drives the failure paths of a
 * real library through the contract (as the page calls it) and checks each answer carries a
 * sentence this build knows and says it in German, not in the English the core sent.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../electron/shared/i18n/catalogs';
import { isKnownSentence, type CoreSentence } from '../../../electron/shared/i18n/core-sentences';
import { createDirectApi } from '../../../electron/shared/dispatch';
import type { Result } from '../../../electron/shared/result';
import { SEED_FILE } from '../core/support/corpus';
import { openTestLibrary } from '../core/support/import-library';
import { useTempDir } from '../core/support/temp-dir';

const tempDir = useTempDir('quire-sentences-');

const german = (sentence: CoreSentence): string => String(new IntlMessageFormat(CATALOGS.de[sentence.id], 'de').format(sentence.values));

/** The error of a failed call, which must be one this build says in German. */
function refusal(result: Result<unknown>): { message: string; sentence: CoreSentence } {
  if (result.ok) throw new Error('the call was expected to fail');
  const { message, sentence } = result.error;
  expect(isKnownSentence(sentence), `${message}: ${JSON.stringify(sentence)}`).toBe(true);
  expect(german(sentence), message).not.toBe(message);
  return { message, sentence };
}

describe('every failure the page can meet carries a sentence', () => {
  it('errors of calls, failed imports and skipped annotations', async () => {
    const root = tempDir();
    const { core } = await openTestLibrary(root);
    const api = createDirectApi(core);
    try {
      const imported = await api.importPaths([SEED_FILE]);
      if (!imported.ok || imported.value[0]?.status !== 'imported') throw new Error('the seed was not imported');
      const id = imported.value[0].article.id;
      const fifo = path.join(root, 'folder.md');
      mkdirSync(fifo);
      const garbage = path.join(root, 'garbage.html');
      writeFileSync(garbage, '');

      const failures = [
        await api.getArticle('ffffffffffffffff'),
        await api.getArticle(42 as unknown as string),
        await api.restoreArticle(id),
        await api.editArticle(id, { title: '' }),
        await api.setFirstPageCover(id, 'AAAA'),
        await api.setSettings({ language: 'tlh' } as never),
        await api.importAnnotations('not json'),
        await api.replaceArticleText(id, path.join(root, 'missing.txt')),
        await api.deleteAnnotation(id, 'no-such-note-1'),
        await api.createAnnotation({ articleId: id, kind: 'bookmark', passage: { quote: 'words that are nowhere in this text at all' }, note: '' }),
      ].map((result, index) => {
        if (result.ok) throw new Error(`call ${index} was expected to fail`);
        return refusal(result);
      });
      expect(failures.map((f) => f.sentence.id)).toEqual([
        'core.error.articleNotFound',
        'core.error.invalidArguments',
        'core.error.notInTrash',
        'core.edit.titleEmpty',
        'core.error.coverNotPdf',
        'core.error.invalidArguments',
        'core.error.notJson',
        'core.import.fileMissing',
        'core.error.annotationNotFound',
        'core.error.passageNotFound',
      ]);

      // Failed imports: the outcome's reason travels with its sentence.
      const outcomes = await api.importPaths([path.join(root, 'nothing-here.md'), garbage, fifo]);
      if (!outcomes.ok) throw new Error('importPaths failed as a call');
      for (const outcome of outcomes.value) {
        if (outcome.status !== 'failed') continue;
        expect(isKnownSentence(outcome.sentence), outcome.reason).toBe(true);
        expect(german(outcome.sentence!)).not.toBe(outcome.reason);
      }
      expect(outcomes.value.filter((o) => o.status === 'failed').length).toBeGreaterThanOrEqual(2);

      // Skipped annotations: one sentence per English reason, in order.
      const foreign = [{ type: 'Annotation' }, { type: 'Annotation' }];
      const summary = await api.importAnnotations(JSON.stringify(foreign));
      if (!summary.ok) throw new Error('the annotations were refused as a whole');
      expect(summary.value.skippedSentences).toHaveLength(summary.value.skipped.length);
      expect(summary.value.skipped.length).toBe(2);
      for (const sentence of summary.value.skippedSentences) expect(isKnownSentence(sentence)).toBe(true);
      expect(summary.value.skippedSentences.map(german)).toEqual([
        expect.stringMatching(/^Eintrag 1: keine Web Annotation, die Quire lesen kann \(.+\)\.$/),
        expect.stringMatching(/^Eintrag 2: keine Web Annotation, die Quire lesen kann \(.+\)\.$/),
      ]);
    } finally {
      await core.close();
    }
  });
});
