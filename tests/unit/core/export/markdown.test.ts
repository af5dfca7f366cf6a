import { describe, expect, it } from 'vitest';
import { annotationsToMarkdown } from '../../../../electron/core/export/markdown';
import { sampleArticle, sampleBookmark } from '../../../support/fake-reader-service';

describe('annotationsToMarkdown', () => {
  const article = sampleArticle();

  it('gives the title, the source, then each passage as a quote with its note, colour and link', () => {
    const markdown = annotationsToMarkdown(article, [sampleBookmark()]);
    expect(markdown.startsWith(`# ${article.title}\n`)).toBe(true);
    expect(markdown).toContain('Source: <https://news.example/iraq>');
    expect(markdown).toContain('> bridge the views\n');
    expect(markdown).toContain('Mediation between *Gulf* neighbours');
    expect(markdown).toContain('colour: green');
    expect(markdown).toContain('(quire://article/a1b2c3d4e5f60718?passage=120-136)');
  });

  it('orders whole-article notes first, then passages in reading order', () => {
    const later = sampleBookmark({ id: 'ann-0002', target: { ...sampleBookmark().target!, quote: { ...sampleBookmark().target!.quote, exact: 'LATER' }, position: { type: 'TextPositionSelector', start: 900, end: 905 } } });
    const note = sampleBookmark({ id: 'ann-0003', kind: 'note', target: null, color: null, note: 'WHOLE' });
    const markdown = annotationsToMarkdown(article, [later, sampleBookmark(), note]);
    expect(markdown.indexOf('WHOLE')).toBeLessThan(markdown.indexOf('bridge the views'));
    expect(markdown.indexOf('bridge the views')).toBeLessThan(markdown.indexOf('LATER'));
    expect(markdown).toContain('(quire://article/a1b2c3d4e5f60718)');
  });

  it('keeps every line of a multi-line quote inside the blockquote', () => {
    const bookmark = sampleBookmark({ target: { ...sampleBookmark().target!, quote: { ...sampleBookmark().target!.quote, exact: 'one\n\ntwo' } } });
    expect(annotationsToMarkdown(article, [bookmark])).toContain('> one\n>\n> two');
  });

  it('does not let a file name pass for a link or an HTML tag', () => {
    const markdown = annotationsToMarkdown(sampleArticle({ url: null, source: 'notes <b>.txt' }), []);
    expect(markdown).toContain('Source: `notes <b>.txt`');
    expect(markdown).toContain('_No bookmarks or notes._');
  });
});
