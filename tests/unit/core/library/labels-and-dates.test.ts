/**
 * Tags and titles carry no bidi controls, zero-width characters or lone surrogates (an override
 * makes a tag read backwards; two tags that look equal must be equal); dates a caller hands in
 * (restoring a deleted bookmark, importing an annotation export) are ISO 8601 or refused.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../../../electron/shared/validators';
import { openTestLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-labels-');

const RLO = '\u202E';
const tagsGiven = (tags: string[]) => validateArgs('tagArticles', [['a1b2c3d4e5f60718'], tags]);

describe('labels', () => {
  it('tags lose bidi controls, zero-width characters and lone surrogates; one made only of them is refused', () => {
    expect(tagsGiven([`${RLO}gpj.exe`, 'to\u200Bread', '\u2066isolated\u2069', 'half\uD800', '\uDC00lone', 'bom\uFEFF'])).toEqual({
      ok: true,
      args: [['a1b2c3d4e5f60718'], ['gpj.exe', 'toread', 'isolated', 'half', 'lone', 'bom']],
    });
    // Persian spelling needs the zero-width non-joiner, emoji sequences the joiner: they stay.
    expect(tagsGiven(['می\u200Cخواهم', '👩\u200D💻'])).toMatchObject({ ok: true, args: [expect.anything(), ['می\u200Cخواهم', '👩\u200D💻']] });
    expect(tagsGiven(['\u200B\u202E\u200F'])).toEqual({ ok: false, message: 'tagArticles: argument 1.0 is an empty tag' });
  });

  it('an imported title and its front-matter tags lose them too', async () => {
    const root = tempDir();
    const note = path.join(root, 'note.md');
    writeFileSync(note, `---\ntitle: "Invoice ${RLO}fdp.exe"\ntags: ["fin\u200Bance"]\n---\n\nThe body of a note whose title hides a bidi override.\n`);
    const { core } = await openTestLibrary(root);
    try {
      const [outcome] = await core.importPaths([note]);
      expect(outcome).toMatchObject({ status: 'imported', article: { title: 'Invoice fdp.exe', tags: ['finance'] } });
    } finally {
      await core.close();
    }
  });
});

describe('dates', () => {
  const annotation = {
    id: 'c1b2c3d4e5f60718',
    articleId: 'a1b2c3d4e5f60718',
    kind: 'note',
    target: null,
    color: null,
    note: 'restored',
    anchorState: 'exact',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:05:00+01:00',
  };

  it('restoreAnnotation takes ISO 8601 dates and refuses anything else in one sentence', () => {
    expect(validateArgs('restoreAnnotation', [annotation]).ok).toBe(true);
    expect(validateArgs('restoreAnnotation', [{ ...annotation, createdAt: 'yesterday' }])).toEqual({
      ok: false,
      message: 'restoreAnnotation: argument 0.createdAt is not an ISO 8601 date',
    });
    expect(validateArgs('restoreAnnotation', [{ ...annotation, updatedAt: '2026-02-30T00:00:00Z' }])).toEqual({
      ok: false,
      message: 'restoreAnnotation: argument 0.updatedAt is not a real date',
    });
    expect(validateArgs('restoreAnnotation', [{ ...annotation, updatedAt: '<img src=x onerror=alert(1)>' }]).ok).toBe(false);
  });

  it('an annotation export whose date is not ISO 8601 adds nothing; the same with a real date is added', async () => {
    const root = tempDir();
    const note = path.join(root, 'note.txt');
    writeFileSync(note, 'A note\n\nA note to hang an imported annotation on.');
    const { core } = await openTestLibrary(root);
    try {
      const [outcome] = await core.importPaths([note]);
      if (outcome?.status !== 'imported') throw new Error('note not imported');
      const id = outcome.article.id;
      const item = (created: string) => ({
        type: 'Annotation',
        id: `quire://article/${id}/annotation/c1b2c3d4e5f60718`,
        motivation: 'commenting',
        created,
        body: { type: 'TextualBody', value: 'a note' },
        target: { source: `quire://article/${id}` },
      });
      const refused = await core.importAnnotations(JSON.stringify(item('last Tuesday')));
      expect(refused).toMatchObject({ added: 0, updated: 0 });
      expect(refused.skipped).toHaveLength(1);
      expect(await core.listAnnotations(id)).toEqual([]);
      expect(await core.importAnnotations(JSON.stringify(item('2026-12-01T10:00:00.000Z')))).toMatchObject({ added: 1, skipped: [] });
      expect(await core.listAnnotations(id)).toHaveLength(1);
    } finally {
      await core.close();
    }
  });
});
