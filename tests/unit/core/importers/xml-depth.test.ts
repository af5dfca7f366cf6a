import { describe, expect, it } from 'vitest';
import { xmlNestingDepth } from '../../../../electron/core/importers/epub/xml-depth';

describe('xmlNestingDepth', () => {
  it('counts elements, not self-closing tags, comments, CDATA or processing instructions', () => {
    expect(xmlNestingDepth('<?xml version="1.0"?><html><body><p>a<br/><b>b</b></p></body></html>')).toBe(4);
    expect(xmlNestingDepth('<html><!-- <a><b><c> --><![CDATA[<d><e>]]><?pi <f>?><body/></html>')).toBe(1);
  });

  it('reads attribute values holding > and />', () => {
    expect(xmlNestingDepth(`${'<div title="/>" data-x=\'a>b\'>'.repeat(300)}x${'</div>'.repeat(300)}`)).toBe(300);
  });

  it('counts 20,000 levels of well-formed or unclosed markup in linear time', () => {
    expect(xmlNestingDepth(`<html><body>${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}</body></html>`)).toBe(20_002);
    expect(xmlNestingDepth('<div>'.repeat(20_000))).toBe(20_000);
  });
});
