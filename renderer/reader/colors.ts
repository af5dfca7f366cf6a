import type { HighlightColor } from '../../electron/shared/models';

/** The highlight colours of the contract, with their names (renderer may import only types). */
export const HIGHLIGHT_COLOR_OPTIONS = [
  { value: 'yellow', label: 'Yellow' },
  { value: 'green', label: 'Green' },
  { value: 'blue', label: 'Blue' },
  { value: 'pink', label: 'Pink' },
  { value: 'purple', label: 'Purple' },
] as const satisfies readonly { value: HighlightColor; label: string }[];

type UnlistedColor = Exclude<HighlightColor, (typeof HIGHLIGHT_COLOR_OPTIONS)[number]['value']>;
const everyColorListed: UnlistedColor extends never ? true : never = true;
void everyColorListed;

export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';

export const colorLabel = (color: HighlightColor | null): string =>
  HIGHLIGHT_COLOR_OPTIONS.find((option) => option.value === color)?.label ?? 'No colour';
