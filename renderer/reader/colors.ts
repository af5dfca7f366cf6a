import type { MessageId } from '../../electron/shared/i18n/catalogs';
import type { HighlightColor } from '../../electron/shared/models';
import type { Text } from '../i18n/use-text';

/**
 * The highlight colours of the contract, in menu order, with the catalog ids of their names: a
 * label on its own ("Yellow") and the word inside a sentence ("Highlighted in yellow").
 */
export const HIGHLIGHT_COLOR_OPTIONS = [
  { value: 'yellow', label: 'color.yellow', word: 'color.yellow.word' },
  { value: 'green', label: 'color.green', word: 'color.green.word' },
  { value: 'blue', label: 'color.blue', word: 'color.blue.word' },
  { value: 'pink', label: 'color.pink', word: 'color.pink.word' },
  { value: 'purple', label: 'color.purple', word: 'color.purple.word' },
] as const satisfies readonly { value: HighlightColor; label: MessageId; word: MessageId }[];

type UnlistedColor = Exclude<HighlightColor, (typeof HIGHLIGHT_COLOR_OPTIONS)[number]['value']>;
const everyColorListed: UnlistedColor extends never ? true : never = true;
void everyColorListed;

export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';

const optionOf = (color: HighlightColor | null) => HIGHLIGHT_COLOR_OPTIONS.find((option) => option.value === color);

/** The colour's name as a label ("Yellow"; "No colour" for none). */
export const colorLabel = (color: HighlightColor | null, text: Text): string => text(optionOf(color)?.label ?? 'color.none');

/** The colour's name inside a sentence ("yellow"; "no colour"). */
export const colorWord = (color: HighlightColor | null, text: Text): string => text(optionOf(color)?.word ?? 'color.none.word');

/** The colours as select options, named in the interface language. */
export const colorOptions = (text: Text): { value: HighlightColor; label: string }[] =>
  HIGHLIGHT_COLOR_OPTIONS.map((option) => ({ value: option.value, label: text(option.label) }));
