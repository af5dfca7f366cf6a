import { IntlMessageFormat } from 'intl-messageformat';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishSentence } from '../../../electron/shared/i18n/english-sentence';
import { say } from '../../../electron/shared/i18n/core-sentences';

describe('englishSentence', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  // V8's first `supportedLocalesOf` loads ICU's locale data (20 ms or more of the thread that says
  // the process's first sentence).
  it('says its first sentences without looking up which locales there are', () => {
    const lookUp = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    expect(englishSentence(say('core.import.unexpected'))).toBe('Quire could not import this file; details are in the log.');
    expect(englishSentence(say('core.error.restoreMissing', { count: 3 }))).toBe('3 of these articles are no longer in the trash; nothing was restored.');
    expect(englishSentence(say('core.error.restoreMissing', { count: 1 }))).toBe('One of these articles is no longer in the trash; nothing was restored.');
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('gives English the locale the lookup gives, and still looks up any other', () => {
    const looked = Intl.NumberFormat.supportedLocalesOf('en');
    expect(IntlMessageFormat.resolveLocale('en')?.toString()).toBe(new Intl.Locale(looked[0]!).toString());
    const lookUp = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    expect(IntlMessageFormat.resolveLocale('fr-CA')?.toString()).toBe('fr-CA');
    expect(lookUp).toHaveBeenCalledWith('fr-CA');
  });
});
