import { describe, expect, it } from 'vitest';
import { annotationsToMarkdown } from '../../../../electron/core/export/markdown';
import { sampleArticle, sampleBookmark } from '../../../support/fake-reader-service';

describe('annotationsToMarkdown', () => {
  const article = sampleArticle();

  it('gives the title, the source, then each passage as a quote with its note, colour and link', () => {
    const markdown = annotationsToMarkdown(article, [sampleBookmark()]);
    expect(markdown.startsWith(`---\ntitle: "${article.title}"\nauthor: "A. Reporter"\nsource: "https://news.example/iraq"\nquire: "quire://article/a1b2c3d4e5f60718"\n---\n`)).toBe(true);
    expect(markdown).toContain(`\n# ${article.title}\n`);
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

  it('says when a passage was placed approximately or could not be found, and links unplaced ones to the article', () => {
    const fuzzy = annotationsToMarkdown(article, [sampleBookmark({ anchorState: 'fuzzy' })]);
    expect(fuzzy).toContain('placed approximately');
    const unplaced = annotationsToMarkdown(article, [sampleBookmark({ anchorState: 'unplaced' })]);
    expect(unplaced).toContain('not found in the current text of the article · [open in Quire](quire://article/a1b2c3d4e5f60718)');
  });

  it('lists tags as front-matter properties, quoted so no title or tag breaks the YAML', () => {
    const markdown = annotationsToMarkdown(sampleArticle({ title: 'A "quoted": title', tags: ['gulf', 'to read'] }), []);
    expect(markdown).toContain('title: "A \\"quoted\\": title"\n');
    expect(markdown).toContain('tags:\n  - "gulf"\n  - "to read"\n');
  });

  it('does not let a file name pass for a link or an HTML tag', () => {
    const markdown = annotationsToMarkdown(sampleArticle({ url: null, source: 'notes <b>.txt' }), []);
    expect(markdown).toContain('Source: `notes <b>.txt`');
    expect(markdown).toContain('_No bookmarks or notes._');
  });
});
