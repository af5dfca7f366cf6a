/** A formatter over a shipped catalog, for tests of the helpers that build sentences outside React. */
import { createIntl, type IntlShape } from 'react-intl';
import { CATALOGS } from '../../../../electron/shared/i18n/catalogs';
import type { InterfaceLocale } from '../../../../electron/shared/i18n/locales';
import { textOf, type Text } from '../../../../renderer/i18n/use-text';

export const intlFor = (locale: InterfaceLocale): IntlShape => createIntl({ locale, defaultLocale: 'en', messages: CATALOGS[locale] });

export const englishIntl = intlFor('en');
export const englishText: Text = textOf(englishIntl);
