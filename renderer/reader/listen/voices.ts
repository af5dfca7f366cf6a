/**
 * The system's voices (Web Speech API: the operating system's own, offline — speech-dispatcher on
 * Linux, SAPI on Windows, AVSpeech on macOS) and which one reads an article: the one chosen for its
 * language before, else the system's default for the language, else a local one.
 */
import { useEffect, useState } from 'react';

/** `en` from `en-GB`, `en_US` or `EN`. */
export const primaryLanguage = (tag: string): string => tag.split(/[-_]/)[0]!.toLowerCase();

/**
 * Languages that voices name by a member of the macrolanguage articles are tagged with: espeak-ng
 * has no `zh` voice, only Mandarin (`cmn`), Cantonese (`yue`) and Hakka (`hak`); Norwegian articles
 * say `no`, voices `nb`. The members in the order that fits an article tagged with the
 * macrolanguage alone (a `zh` article is most likely Mandarin).
 */
const MACROLANGUAGE_MEMBERS: Readonly<Record<string, readonly string[]>> = { zh: ['cmn', 'yue', 'hak'], no: ['nb', 'nn'] };
const MACROLANGUAGE_OF = new Map(Object.entries(MACROLANGUAGE_MEMBERS).flatMap(([macro, members]) => members.map((member) => [member, macro] as const)));

/** The language a voice or article speaks, as voices and articles are matched: `zh` for `cmn-…`. */
const spokenLanguage = (tag: string): string => {
  const primary = primaryLanguage(tag);
  return MACROLANGUAGE_OF.get(primary) ?? primary;
};

const normalTag = (tag: string): string => tag.replace(/_/g, '-').toLowerCase();
/** `gb` from `en-GB`; '' when the tag names no region. */
const regionOf = (tag: string): string => /^[a-z]+-([a-z]{2}|\d{3})(?:-|$)/.exec(normalTag(tag))?.[1] ?? '';

/**
 * The voices that speak `lang`, the likeliest first: the system's default for it; then one for
 * the article's own variety (`en-GB` for an article in `en-GB`); then the reader's (an `en-US`
 * reader hears an English article in American English); then the language's home country
 * (`fr-FR`, `de-DE`: without it French would start with Belgium, first in alphabetical order);
 * then those on this machine; then, for a macrolanguage, its likeliest member. Voices otherwise
 * keep the system's order, which puts a voice's plain form before its variants (espeak-ng's
 * "English (America)" before "English (America)+Max").
 */
export function voicesFor(
  voices: readonly SpeechSynthesisVoice[],
  lang: string,
  readerLanguages: readonly string[] = typeof navigator !== 'undefined' ? navigator.languages : [],
): SpeechSynthesisVoice[] {
  const wanted = spokenLanguage(lang);
  const article = normalTag(lang);
  const members = MACROLANGUAGE_MEMBERS[wanted] ?? [];
  const readerRegions = readerLanguages.filter((tag) => spokenLanguage(tag) === wanted).map(regionOf);
  const rank = (voice: SpeechSynthesisVoice): number => {
    const region = regionOf(voice.lang);
    const member = members.indexOf(primaryLanguage(voice.lang));
    return (
      (voice.default ? 0 : 1000) +
      (normalTag(voice.lang) === article ? 0 : 500) +
      (region && readerRegions.includes(region) ? 0 : 250) +
      (region === wanted ? 0 : 100) +
      (voice.localService ? 0 : 50) +
      (member === -1 ? 0 : member)
    );
  };
  return voices.filter((voice) => spokenLanguage(voice.lang) === wanted).sort((a, b) => rank(a) - rank(b));
}

export function chooseVoice(voices: readonly SpeechSynthesisVoice[], lang: string, remembered: string | undefined): SpeechSynthesisVoice | null {
  const byName = remembered ? voices.find((voice) => voice.name === remembered) : undefined;
  return byName ?? voicesFor(voices, lang)[0] ?? null;
}

/** The likeliest voice of each language there are voices for, in the system's order. */
function oneVoicePerLanguage(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice[] {
  const byLanguage = new Map<string, SpeechSynthesisVoice[]>();
  for (const voice of voices) {
    const language = spokenLanguage(voice.lang);
    const group = byLanguage.get(language);
    if (group) group.push(voice);
    else byLanguage.set(language, [voice]);
  }
  return [...byLanguage].map(([language, group]) => voicesFor(group, language)[0]!);
}

/**
 * What the voice menu offers: the voices for the article's language, and the chosen voice
 * whatever its language. With none for the language, the likeliest voice of every other language:
 * a system can have thousands (Debian's speech-dispatcher lists every espeak-ng voice in every
 * variant, 13,362 of them), a menu no one could use and that takes a second to draw.
 */
export function voiceChoices(voices: readonly SpeechSynthesisVoice[], lang: string, chosen: SpeechSynthesisVoice | null): readonly SpeechSynthesisVoice[] {
  const forLanguage = voicesFor(voices, lang);
  const offered = forLanguage.length > 0 ? forLanguage : oneVoicePerLanguage(voices);
  return chosen && !offered.includes(chosen) ? [chosen, ...offered] : offered;
}

/** The speech engine of this page, or null where there is none. */
export function speechEngine(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function' ? window.speechSynthesis : null;
}

/** The system's voices, as they arrive (Chromium lists them a moment after the page asks). */
export function useVoices(engine: SpeechSynthesis | null): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => engine?.getVoices() ?? []);
  useEffect(() => {
    if (!engine) return;
    const update = (): void => setVoices(engine.getVoices());
    update();
    engine.addEventListener('voiceschanged', update);
    return () => engine.removeEventListener('voiceschanged', update);
  }, [engine]);
  return voices;
}

