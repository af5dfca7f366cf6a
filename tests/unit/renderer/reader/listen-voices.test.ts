/**
 * Which of the system's voices reads an article, against voice lists as real systems report them
 * (espeak-ng through speech-dispatcher in Chromium: every dialect and variant, alphabetical).
 */
import { describe, expect, it } from 'vitest';
import { chooseVoice, voiceChoices, voicesFor } from '../../../../renderer/reader/listen/voices';

const voice = (name: string, lang: string): SpeechSynthesisVoice =>
  ({ name, lang, default: false, localService: true, voiceURI: name }) as SpeechSynthesisVoice;

// Chromium lists speech-dispatcher's voices sorted by name, and marks the first of all as default.
const ESPEAK = [
  { ...voice('Afrikaans espeak-ng', 'af'), default: true },
  voice('Chinese (Cantonese) espeak-ng', 'yue'),
  voice('Chinese (Mandarin, latin as English) espeak-ng', 'cmn'),
  voice('English (America) espeak-ng', 'en-US'),
  voice('English (America)+Max espeak-ng', 'en-US'),
  voice('English (Caribbean) espeak-ng', 'en-029'),
  voice('English (Great Britain) espeak-ng', 'en-GB'),
  voice('French (Belgium) espeak-ng', 'fr-BE'),
  voice('French (France) espeak-ng', 'fr-FR'),
  voice('French (Switzerland) espeak-ng', 'fr-CH'),
  voice('Norwegian Bokmål espeak-ng', 'nb'),
] as SpeechSynthesisVoice[];

const names = (voices: readonly SpeechSynthesisVoice[]) => voices.map((v) => v.name);

describe('voices for an article', () => {
  it('a French article is read in the French of France, not in the first French voice alphabetically', () => {
    expect(chooseVoice(ESPEAK, 'fr', undefined)?.name).toBe('French (France) espeak-ng');
  });

  it('an English article is read in the reader’s own English, else the article’s', () => {
    expect(voicesFor(ESPEAK, 'en', ['en-GB', 'en'])[0]?.name).toBe('English (Great Britain) espeak-ng');
    expect(voicesFor(ESPEAK, 'en', ['en-US'])[0]?.name).toBe('English (America) espeak-ng');
    expect(voicesFor(ESPEAK, 'en-GB', ['en-US'])[0]?.name).toBe('English (Great Britain) espeak-ng');
  });

  it('Chinese and Norwegian articles find the voices named by Mandarin, Cantonese and Bokmål, Mandarin first', () => {
    expect(names(voicesFor(ESPEAK, 'zh', []))).toEqual(['Chinese (Mandarin, latin as English) espeak-ng', 'Chinese (Cantonese) espeak-ng']);
    expect(chooseVoice(ESPEAK, 'no', undefined)?.name).toBe('Norwegian Bokmål espeak-ng');
  });

  it('the voice menu holds the language’s voices and the chosen one; with none for the language, the likeliest of every other', () => {
    const menu = names(voiceChoices(ESPEAK, 'fr', ESPEAK[0]!));
    expect(menu[0]).toBe('Afrikaans espeak-ng');
    expect(menu.slice(1).every((name) => name.startsWith('French'))).toBe(true);
    expect(names(voiceChoices(ESPEAK, 'yo', null))).toEqual([
      'Afrikaans espeak-ng',
      'Chinese (Mandarin, latin as English) espeak-ng',
      'English (America) espeak-ng',
      'French (France) espeak-ng',
      'Norwegian Bokmål espeak-ng',
    ]);
  });
});
