import { englishText } from '../support/intl';
import { describe, expect, it } from 'vitest';
import { splitFolderFiles } from '../../../../renderer/library/folder-documents';
import type { PickedFile } from '../../../../renderer/library/dropped-files';

const picked = (...names: string[]): PickedFile[] => names.map((name) => ({ name, file: new File(['x'], name.split('/').pop()!) }));

describe('the files of a picked or dropped folder', () => {
  it('imports the documents, skips what is not one, and leaves a saved page’s own folder to it', () => {
    const { documents, skipped } = splitFolderFiles(
      picked(
        'saved/Story.html',
        'saved/Story_files/logo.png',
        'saved/Story_files/frame.html',
        'saved/notes.md',
        'saved/book.EPUB',
        'saved/style.css',
        'saved/README',
        'saved/other_files/kept.html',
      ),
      englishText,
    );
    expect(documents.map((f) => f.name)).toEqual(['saved/Story.html', 'saved/notes.md', 'saved/book.EPUB', 'saved/other_files/kept.html']);
    expect(skipped).toEqual([
      { status: 'skipped', source: 'saved/style.css', reason: 'Not a document Quire reads (.css).' },
      { status: 'skipped', source: 'saved/README', reason: 'Not a document Quire reads (no extension).' },
    ]);
  });

  it('always tries a file picked by itself, so an unknown format gets the importer’s own message', () => {
    const { documents, skipped } = splitFolderFiles(picked('photo.png'), englishText);
    expect(documents.map((f) => f.name)).toEqual(['photo.png']);
    expect(skipped).toEqual([]);
  });
});
