/**
 * `useText()`: the interface's words in the chosen language, by catalog id
 * (electron/shared/i18n/messages/en.json). A plain function of (id, values) for props, aria-labels
 * and status messages; `<FormattedMessage id=…/>` does the same inside JSX.
 */
import { useCallback } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { MessageId } from '../../electron/shared/i18n/catalogs';

export type MessageValues = Record<string, string | number | Date>;
export type Text = (id: MessageId, values?: MessageValues) => string;

/** The formatter as a function, for helpers outside React that build sentences. */
export const textOf =
  (intl: IntlShape): Text =>
  (id, values) =>
    intl.formatMessage({ id }, values);

export function useText(): Text {
  const intl = useIntl();
  return useCallback<Text>((id, values) => intl.formatMessage({ id }, values), [intl]);
}
