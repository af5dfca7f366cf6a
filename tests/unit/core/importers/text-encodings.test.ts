import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/importers/import-file';

// Real sentences: Article 1 of the Universal Declaration of Human Rights in Arabic, the opening
// lines of Anna Karenina, of "I Am a Cat" (Natsume Sōseki) and of a French proverb collection.
const ARABIC_TITLE = 'الإعلان العالمي لحقوق الإنسان';
const ARABIC = 'يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء.';
const RUSSIAN = 'Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива по-своему.';
const JAPANESE = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。';
const FRENCH = 'À cœur vaillant rien d’impossible. Déjà vu, ça ne coûte rien d’être poli; l’été, la fête est là.';

const read = async (fileName: string, bytes: Uint8Array) => (await importFile({ fileName, bytes })).document;

describe('plain text in the encodings people have', () => {
  it('Arabic in Windows-1256, read right-to-left', async () => {
    const document = await read('udhr.txt', iconv.encode(`${ARABIC_TITLE}\r\n${ARABIC}\r\n`, 'windows-1256'));
    expect(document.title).toBe(ARABIC_TITLE);
    expect(document.text).toBe(ARABIC);
    // Plain text declares no language: it is detected, so search stems it as Arabic.
    expect(document.lang).toBe('ar');
    expect(document.dir).toBe('rtl');
  });

  it('Arabic in UTF-16 with a byte-order mark, either byte order', async () => {
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const bytes = iconv.encode(`${ARABIC_TITLE}\n${ARABIC}`, encoding, { addBOM: true });
      expect((await read('udhr.txt', bytes)).text).toBe(ARABIC);
    }
  });

  it('English in UTF-16 without a byte-order mark', async () => {
    const document = await read('notes.txt', iconv.encode('Shopping list\nBread, milk and eggs.', 'utf-16le'));
    expect(document.title).toBe('Shopping list');
    expect(document.text).toBe('Bread, milk and eggs.');
  });

  it('French in Windows-1252', async () => {
    expect((await read('fr.txt', iconv.encode(`Proverbes\n${FRENCH}`, 'windows-1252'))).text).toBe(FRENCH);
  });

  it('Russian in KOI8-R and Japanese in Shift_JIS', async () => {
    expect((await read('ru.txt', iconv.encode(`Анна Каренина\n${RUSSIAN}`, 'koi8-r'))).text).toBe(RUSSIAN);
    expect((await read('ja.txt', iconv.encode(`吾輩は猫である\n${JAPANESE}`, 'shift_jis'))).text).toBe(JAPANESE);
  });

  it('UTF-8 stays UTF-8, even when it would also be valid in another encoding', async () => {
    expect((await read('ar.txt', Buffer.from(`${ARABIC_TITLE}\n${ARABIC}`, 'utf8'))).text).toBe(ARABIC);
  });
});

describe('Markdown front matter', () => {
  const md = (text: string) => read('note.md', Buffer.from(text, 'utf8'));

  it('gives title, authors and tags; the tags become the article tags', async () => {
    const document = await md('---\ntitle: "Whales: a survey"\nauthor:\n  - Ishmael\n  - name: Queequeg\ntags: [sea, Whales, whales, " long  tag "]\ndate: 1851-10-18\n---\n# Heading kept\n\nBody.\n');
    expect(document.title).toBe('Whales: a survey');
    expect(document.byline).toBe('Ishmael, Queequeg');
    expect(document.tags).toEqual(['sea', 'Whales', 'long tag']);
    expect(document.text).toBe('Heading kept\nBody.');
  });

  it('reads tags written as one comma-separated line', async () => {
    expect((await md('---\ntags: reading, notes\n---\nText.')).tags).toEqual(['reading', 'notes']);
  });

  it('removes a block that is not valid YAML and reads the rest', async () => {
    const document = await md('---\ntitle: [unclosed\n---\n# Real title\n\nText.');
    expect(document.title).toBe('Real title');
    expect(document.tags).toEqual([]);
    expect(document.text).toBe('Text.');
  });

  it('does not expand a YAML alias bomb', async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const name of 'bcdefghi') bomb.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(',')}]`);
    const document = await md(`---\n${bomb.join('\n')}\ntitle: Safe\n---\nText.`);
    expect(document.text).toBe('Text.');
    expect(document.tags).toEqual([]);
  });
});
