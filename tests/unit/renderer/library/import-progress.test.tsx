import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReaderEventSource } from '../../../../electron/shared/contract';
import type { ImportOutcome, ImportProgressEvent } from '../../../../electron/shared/models';
import type { Result } from '../../../../electron/shared/result';
import { createFakeApi, makeArticle } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

describe('Import progress', () => {
  it('uploads a few files at a time, shows the count and current file, and Cancel stops the rest', async () => {
    const api = createFakeApi();
    const pending: { fileName: string; finish: () => void }[] = [];
    api.importDocument.mockImplementation(
      ({ fileName }) =>
        new Promise<Result<ImportOutcome>>((resolve) => {
          pending.push({
            fileName,
            finish: () =>
              resolve({
                ok: true,
                value: { status: 'imported', source: fileName, article: makeArticle({ id: `id-${fileName}`, title: fileName }) },
              }),
          });
        }),
    );
    const { user } = renderWithApi(api);
    const files = Array.from({ length: 8 }, (_, i) => new File([`text ${i}`], `note-${i + 1}.txt`, { type: 'text/plain' }));
    await user.upload(screen.getByLabelText('Import files'), files);

    const progress = await screen.findByRole('region', { name: 'Import in progress' });
    await waitFor(() => expect(pending).toHaveLength(3));
    expect(within(progress).getByRole('status')).toHaveTextContent('Importing 0 of 8');
    expect(within(progress).getByRole('progressbar', { name: 'Files imported' })).toHaveAttribute('max', '8');
    expect(progress).toHaveTextContent(/note-3\.txt/);
    expect(progress).toHaveTextContent(/0:0\d elapsed/);

    pending[0]!.finish();
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Importing 1 of 8'));
    await waitFor(() => expect(pending).toHaveLength(4));

    await user.click(within(progress).getByRole('button', { name: 'Cancel import' }));
    expect(within(progress).getByRole('status')).toHaveTextContent('Cancelling… 1 of 8');
    for (const call of pending.slice(1)) call.finish();

    const summary = await screen.findByRole('region', { name: 'Import cancelled' });
    expect(summary).toHaveTextContent('Imported 4 · Already in library 0 · Failed 0 · Not imported (cancelled) 4');
    expect(api.importDocument).toHaveBeenCalledTimes(4);
    expect(screen.queryByRole('region', { name: 'Import in progress' })).not.toBeInTheDocument();
  });

  it("names the chapter of a long book being read, moves the bar within it, and keeps the live count quiet", async () => {
    const listeners = new Set<(event: ImportProgressEvent) => void>();
    const events = {
      on: (name: string, listener: (event: ImportProgressEvent) => void) => {
        if (name !== 'import-progress') return () => {};
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    } as unknown as ReaderEventSource;
    const emit = (jobId: string, part: number) =>
      act(() => {
        for (const listener of [...listeners]) {
          listener({
            jobId, done: 0, total: 1, current: 'moby-dick.epub', reading: { unit: 'chapter', part, parts: 720 },
            elapsedMs: 10, remainingMs: null, counts: { imported: 0, duplicates: 0, failed: 0, skipped: 0 },
          });
        }
      });
    const api = createFakeApi();
    let finish: () => void = () => {};
    api.importDocument.mockImplementation(
      ({ fileName }) =>
        new Promise<Result<ImportOutcome>>((resolve) => {
          finish = () => resolve({ ok: true, value: { status: 'imported', source: fileName, article: makeArticle({ id: 'moby', title: 'Moby-Dick' }) } });
        }),
    );
    const { user } = renderWithApi(api, undefined, null, events);
    await user.upload(screen.getByLabelText('Import files'), [new File(['PK'], 'moby-dick.epub', { type: 'application/epub+zip' })]);
    const progress = await screen.findByRole('region', { name: 'Import in progress' });
    await waitFor(() => expect(api.importDocument).toHaveBeenCalledTimes(1));
    const { progressId } = api.importDocument.mock.calls[0]![0];
    expect(progressId).toMatch(/^[0-9a-f]{24}$/);

    await emit('another-upload', 600); // another page's file
    const bar = within(progress).getByRole('progressbar', { name: 'Files imported' });
    expect(bar).toHaveAttribute('aria-valuetext', '0 of 1 file imported');
    await emit(progressId!, 41);
    expect(progress).toHaveTextContent('moby-dick.epub chapter 41 of 720');
    expect(bar).toHaveAttribute('aria-valuetext', '0 of 1 file imported; reading moby-dick.epub: chapter 41 of 720');
    expect(Number(bar.getAttribute('value'))).toBeCloseTo(40 / 720);
    await emit(progressId!, 361);
    expect(Number(bar.getAttribute('value'))).toBeCloseTo(0.5);
    // The live region counts files only: it is not read out at every chapter.
    expect(within(progress).getByRole('status')).toHaveTextContent(/^Importing 0 of 1$/);

    finish();
    await screen.findByRole('region', { name: 'Import finished' });
    expect(listeners.size).toBe(0);
  });
});
