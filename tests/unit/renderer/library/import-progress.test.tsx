import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../../electron/shared/models';
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
});
