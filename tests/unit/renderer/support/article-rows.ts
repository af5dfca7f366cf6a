import { screen, within } from '@testing-library/react';

/** The titles of the library list's rows, top to bottom. */
export const rowTitles = (): (string | null)[] =>
  within(screen.getByRole('list', { name: 'Articles' }))
    .getAllByRole('listitem')
    .map((row) => within(row).getAllByRole('button')[0]!.textContent);
