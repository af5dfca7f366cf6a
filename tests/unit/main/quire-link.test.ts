import { describe, expect, it } from 'vitest';
import { isQuireLink, parseQuireLink } from '../../../electron/main/quire-link';

const id = 'a1b2c3d4-e5f6-4718-9abc-def012345678';

describe('quire:// links', () => {
  it('reads the article links the exports write', () => {
    expect(parseQuireLink(`quire://article/${id}`)).toEqual({ ok: true, target: { articleId: id, passage: null, annotationId: null } });
    expect(parseQuireLink(`quire://article/${id}?passage=120-136`)).toEqual({
      ok: true,
      target: { articleId: id, passage: { start: 120, end: 136 }, annotationId: null },
    });
    expect(parseQuireLink(`quire://article/${id}/annotation/ann-0001`)).toEqual({
      ok: true,
      target: { articleId: id, passage: null, annotationId: 'ann-0001' },
    });
  });

  it.each([
    ['not a URL', 'quire:'],
    ['another scheme', `https://article/${id}`],
    ['unknown kind', `quire://settings/${id}`],
    ['no id', 'quire://article/'],
    ['id with capitals', 'quire://article/ABCDEF'],
    ['encoded path escape', 'quire://article/..%2F..%2Fetc'],
    ['dot segments', 'quire://article/../../etc/passwd'],
    ['extra path', `quire://article/${id}/content.html`],
    ['malformed annotation id', `quire://article/${id}/annotation/<script>`],
    ['passage on an annotation link', `quire://article/${id}/annotation/ann-0001?passage=1-2`],
    ['reversed passage', `quire://article/${id}?passage=20-10`],
    ['passage not numbers', `quire://article/${id}?passage=a-b`],
    ['negative passage', `quire://article/${id}?passage=-1-5`],
    ['huge passage', `quire://article/${id}?passage=1-99999999999`],
    ['unknown parameter', `quire://article/${id}?open=file:///etc/passwd`],
    ['repeated parameter', `quire://article/${id}?passage=1-2&passage=3-4`],
    ['fragment', `quire://article/${id}#x`],
    ['user info', `quire://me@article/${id}`],
    ['port', `quire://article:80/${id}`],
    ['too long', `quire://article/${id}?passage=${'1'.repeat(3000)}-2`],
  ])('refuses %s with a reason', (_name, link) => {
    const parsed = parseQuireLink(link);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).not.toBe('');
  });

  it('tells quire: links from paths', () => {
    expect(isQuireLink('QUIRE://article/x')).toBe(true);
    expect(isQuireLink('/home/me/quire://x')).toBe(false);
    expect(isQuireLink('notes.md')).toBe(false);
  });
});
