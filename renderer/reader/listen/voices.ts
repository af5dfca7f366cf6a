/**
 * The system's voices (Web Speech API: the operating system's own, offline — speech-dispatcher on
 * Linux, SAPI on Windows, AVSpeech on macOS) and which one reads an article: the one chosen for its
 * language before, else the system's default for the language, else a local one.
 */
import { useEffect, useState } from 'react';

/** `en` from `en-GB`, `en_US` or `EN`. */
export const primaryLanguage = (tag: string): string => tag.split(/[-_]/)[0]!.toLowerCase();

/** The voices that speak `lang`: the system's default for it first, then those on this machine. */
export function voicesFor(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice[] {
  const wanted = primaryLanguage(lang);
  const rank = (voice: SpeechSynthesisVoice): number => (voice.default ? 0 : 1) + (voice.localService ? 0 : 2);
  return voices.filter((voice) => primaryLanguage(voice.lang) === wanted).sort((a, b) => rank(a) - rank(b));
}

export function chooseVoice(voices: readonly SpeechSynthesisVoice[], lang: string, remembered: string | undefined): SpeechSynthesisVoice | null {
  const byName = remembered ? voices.find((voice) => voice.name === remembered) : undefined;
  return byName ?? voicesFor(voices, lang)[0] ?? null;
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

