import { describe, expect, it } from 'vitest';
import { chooseCover } from '../../../../electron/core/library/cover-image';

const asset = (name: string, bytes: number) => ({ path: `assets/${name}`, bytes: new Uint8Array(bytes) });

describe('the cover an article shows in the grid', () => {
  it('is the first picture of the text that is more than an icon', () => {
    const html = '<p><img src="assets/dot.gif" alt=""></p><figure><img alt="Lead" src="assets/lead.jpg"></figure><img src="assets/later.png">';
    expect(chooseCover(html, [asset('dot.gif', 43), asset('lead.jpg', 48_000), asset('later.png', 90_000)])).toBe('assets/lead.jpg');
  });

  it('is none when the text shows no stored picture big enough', () => {
    expect(chooseCover('<p>Only words.</p>', [asset('unused.jpg', 48_000)])).toBeUndefined();
    expect(chooseCover('<img src="assets/icon.png">', [asset('icon.png', 600)])).toBeUndefined();
    // A picture the importer did not store (a remote address) is never a cover.
    expect(chooseCover('<img src="https://example.com/a.jpg">', [])).toBeUndefined();
  });
});
