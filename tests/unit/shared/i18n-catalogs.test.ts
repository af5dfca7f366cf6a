/**
 * The interface catalogs: every language has exactly the messages of en.json, each parses as ICU
 * MessageFormat, and uses the same arguments (a translation that drops {title} or renames it
 * would show a hole or a raw brace to the user).
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGS, type MessageId } from '../../../electron/shared/i18n/catalogs';
import { CORE_SENTENCES, isKnownSentence, say } from '../../../electron/shared/i18n/core-sentences';
import { englishSentence } from '../../../electron/shared/i18n/english-sentence';
import { INTERFACE_LOCALES, LANGUAGE_CHOICES, localeDirection, matchInterfaceLocale, resolveInterfaceLocale } from '../../../electron/shared/i18n/locales';

/** The argument names a message uses, with their kinds (plural, select, plain…), anywhere in it. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(`${element.value}:${TYPE[element.type]}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, found);
  }
  return found;
}

const english = CATALOGS.en;
const englishIds = Object.keys(english).sort();

describe('interface catalogs', () => {
  it('ship the seven languages, English first as the source', () => {
    expect([...INTERFACE_LOCALES].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'ja', 'zh-CN']);
    expect(LANGUAGE_CHOICES[0]).toBe('system');
  });

  it.each(INTERFACE_LOCALES)('%s has exactly the messages of en.json', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual(englishIds);
  });

  it.each(INTERFACE_LOCALES)('%s: every message parses, with the arguments of the English one', (locale) => {
    const catalog = CATALOGS[locale];
    for (const id of englishIds) {
      const key = id as keyof typeof english;
      const ours = argumentsOf(parse(catalog[key], { ignoreTag: false }));
      const source = argumentsOf(parse(english[key], { ignoreTag: false }));
      expect([...ours].sort(), `${locale} ${id}`).toEqual([...source].sort());
    }
  });

  it.each(INTERFACE_LOCALES.filter((locale) => locale !== 'en'))('%s is translated, not a copy of English', (locale) => {
    // Names, formats and symbols stay the same in every language; most sentences must not.
    const same = englishIds.filter((id) => CATALOGS[locale][id as keyof typeof english] === english[id as keyof typeof english]);
    expect(same.length, same.join(', ')).toBeLessThan(englishIds.length / 8);
  });

  it('gives a plural message every form its language has', () => {
    // Arabic has six; a count in Arabic that lacks one would fall back to "other" and read wrong.
    for (const [id, message] of Object.entries(CATALOGS.ar)) {
      for (const element of parse(message)) {
        if (element.type !== TYPE.plural || '=0' in element.options) continue;
        expect(Object.keys(element.options).sort(), `ar ${id}`).toEqual(expect.arrayContaining(['few', 'many', 'one', 'other', 'two']));
      }
    }
  });
});

describe("the core's sentences", () => {
  // How each kind of value may appear in a message: a string as itself or a choice, a number also
  // as a formatted number or a plural.
  const ALLOWED_KINDS = { string: ['argument', 'select'], number: ['argument', 'number', 'plural'] };

  it.each(INTERFACE_LOCALES)('%s says every sentence of the core, with exactly the values the core sends', (locale) => {
    for (const [id, values] of Object.entries(CORE_SENTENCES)) {
      const message = CATALOGS[locale][id as MessageId];
      expect(message, `${locale} ${id}`).toBeTypeOf('string');
      const used = [...argumentsOf(parse(message))].map((argument) => argument.split(':') as [string, string]);
      expect(new Set(used.map(([name]) => name)), `${locale} ${id}`).toEqual(new Set(Object.keys(values)));
      for (const [name, kind] of used) {
        const declared = (values as Record<string, 'string' | 'number'>)[name]!;
        expect(ALLOWED_KINDS[declared], `${locale} ${id}: {${name}} is a ${declared}`).toContain(kind);
      }
    }
  });

  it('makes the English the command line and the log print from en.json', () => {
    expect(englishSentence(say('core.import.epubNoChapter'))).toBe('This EPUB has no chapter Quire can read.');
    expect(englishSentence(say('core.import.tooLargeMegabytes', { megabytes: 200 }))).toBe('The file is larger than 200 MB, the most Quire can import.');
    expect(englishSentence(say('core.error.restoreMissing', { count: 1 }))).toBe('One of these articles is no longer in the trash; nothing was restored.');
    expect(englishSentence(say('core.error.restoreMissing', { count: 3 }))).toBe('3 of these articles are no longer in the trash; nothing was restored.');
    expect(englishSentence(say('core.edit.titleTooLong', { max: 500, length: 1234 }))).toBe('A title can be at most 500 characters long; this one has 1,234.');
    // The check's repair lines keep the column `quire check` aligns them in.
    expect(englishSentence(say('core.check.rebuiltText', { where: 'articles/a1/text.txt', reanchored: 0 }))).toBe('rebuilt     articles/a1/text.txt from content.html');
    expect(englishSentence(say('core.check.sanitized', { where: 'articles/a1/content.html', reanchored: 1 }))).toBe(
      'sanitized   articles/a1/content.html (text.txt derived again, 1 bookmark re-anchored)',
    );
    expect(englishSentence(say('core.check.joined', { where: 'trash/a1', whole: 'articles/a1', moved: 0 }))).toBe(
      'joined      trash/a1 to articles/a1 (0 bookmarks and notes moved)',
    );
  });

  it('says each kind of refused web address in words in every language, never its code', () => {
    for (const locale of INTERFACE_LOCALES) {
      const format = new IntlMessageFormat(CATALOGS[locale]['core.import.web.refusedHost'], locale);
      const said = ['loopback', 'unspecified', 'linkLocal', 'ipv4Compatible', 'notAddress'].map((kind) =>
        String(format.format({ host: 'localhost', address: '127.0.0.1', kind })),
      );
      expect(new Set(said).size, locale).toBe(said.length);
      for (const sentence of said) expect(sentence, locale).not.toMatch(/linkLocal|ipv4Compatible|notAddress/);
    }
    const german = new IntlMessageFormat(CATALOGS.de['core.import.web.refusedAddress'], 'de');
    expect(german.format({ address: '127.0.0.1', kind: 'loopback' })).toBe(
      'Quire ruft nichts von 127.0.0.1 ab: Das ist eine Loopback-Adresse (dieser Computer), und die darf eine Webseite nicht erreichen können.',
    );
  });

  it("says each state of a damaged file, each quarantine cause and each conflict outcome in words in every language, never its code", () => {
    const STATES = ['missing', 'unreadable', 'empty', 'notJson', 'wrongFormatAt', 'wrongFormat'];
    const CODES = /notJson|wrongFormat|orphanAnnotations|noText|emptyOriginal|putBack|removedSame|movedOther|movedUnreadable|\bunreadable\b/;
    const quarantined = [
      { cause: 'orphanAnnotations', file: '', state: '', field: '' },
      { cause: 'noText', file: '', state: '', field: '' },
      { cause: 'emptyOriginal', file: 'original.pdf', state: '', field: '' },
      ...STATES.map((state) => ({ cause: 'unreadable', file: 'n1.json', state, field: state === 'wrongFormatAt' ? 'tags.3' : '' })),
    ];
    const settled = [
      ...['putBackMissing', 'removedSame', 'merged'].map((outcome) => ({ outcome, file: 'article.json', moved: '', state: '', field: '' })),
      { outcome: 'movedOther', file: 'text.txt', moved: 'quarantine/x', state: '', field: '' },
      ...STATES.map((state) => ({ outcome: 'movedUnreadableCopy', file: '', moved: 'quarantine/x', state, field: state === 'wrongFormatAt' ? 'tags.3' : '' })),
      // (a missing file put back says what putBackMissing says)
      ...STATES.filter((state) => state !== 'missing').map((state) => ({ outcome: 'putBackUnreadable', file: 'article.json', moved: '', state, field: state === 'wrongFormatAt' ? 'tags.3' : '' })),
    ];
    for (const locale of INTERFACE_LOCALES) {
      const say = (id: MessageId, values: Record<string, string>) =>
        String(new IntlMessageFormat(CATALOGS[locale][id], locale).format({ where: 'articles/a1', ...values }));
      for (const [id, cases] of [
        ['core.check.quarantined', quarantined],
        ['core.check.settled', settled],
      ] as const) {
        const said = cases.map((values) => say(id, { moved: 'quarantine/x', ...values }));
        // Every choice has its own words.
        expect(new Set(said).size, `${locale} ${id}`).toBe(said.length);
        for (const sentence of said) expect(sentence, `${locale} ${id}`).not.toMatch(CODES);
      }
      expect(say('core.check.problem.articleUnreadable', { state: 'wrongFormatAt', field: 'tags.3' }), locale).toContain('tags.3');
    }
  });

  it('knows only its own sentences: anything else is shown in the English the core sent', () => {
    expect(isKnownSentence(say('core.import.empty'))).toBe(true);
    expect(isKnownSentence({ id: 'core.import.fromANewerQuire', values: {} })).toBe(false);
    expect(isKnownSentence({ id: 'toString', values: {} })).toBe(false);
    expect(isKnownSentence({ id: 'core.import.empty' })).toBe(false);
    expect(isKnownSentence('core.import.empty')).toBe(false);
  });
});

describe('choosing the interface language', () => {
  it('follows the system: an exact tag, else the same language, else English', () => {
    expect(matchInterfaceLocale(['ar-EG', 'en-US'])).toBe('ar');
    expect(matchInterfaceLocale(['fr-CA'])).toBe('fr');
    expect(matchInterfaceLocale(['zh-TW'])).toBe('zh-CN');
    expect(matchInterfaceLocale(['ja-JP'])).toBe('ja');
    expect(matchInterfaceLocale(['nl-NL', 'de-AT'])).toBe('de');
    expect(matchInterfaceLocale(['nl-NL'])).toBe('en');
    expect(matchInterfaceLocale([])).toBe('en');
  });

  it('takes the chosen language over the system, and sets the direction from it', () => {
    expect(resolveInterfaceLocale('ja', ['ar-EG'])).toBe('ja');
    expect(resolveInterfaceLocale('system', ['ar-EG'])).toBe('ar');
    expect(localeDirection('ar')).toBe('rtl');
    expect(localeDirection('ja')).toBe('ltr');
  });
});
