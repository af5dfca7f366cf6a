/**
 * The message catalogs, one JSON file per interface language. `en.json` is the source: its keys
 * are every message there is, and its text is the default each formatter falls back to. A test
 * holds every other catalog to exactly the same keys and the same ICU arguments.
 */
import ar from './messages/ar.json';
import de from './messages/de.json';
import en from './messages/en.json';
import es from './messages/es.json';
import fr from './messages/fr.json';
import ja from './messages/ja.json';
import zhCN from './messages/zh-CN.json';
import type { InterfaceLocale } from './locales';

export type MessageId = keyof typeof en;
export type Catalog = Readonly<Record<MessageId, string>>;

export const CATALOGS: Readonly<Record<InterfaceLocale, Catalog>> = { en, ar, de, es, fr, ja, 'zh-CN': zhCN };

// Every `id` given to FormatJS (react-intl in the renderer, @formatjs/intl in main) is checked
// against en.json at compile time: a typo or a removed message is a type error.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
