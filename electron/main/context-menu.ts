/**
 * The context menu of the window (Electron shows none by default). On selected text: Copy, then
 * the reader's own actions, which go to the page as commands; the page acts on the passage
 * selected in the reader (and says so when there is none, e.g. text selected in the library). In
 * a text field: the usual editing items.
 */
import { Menu, type ContextMenuParams, type MenuItemConstructorOptions, type WebContents } from 'electron';
import type { AppCommand } from '../shared/commands';
import { mainText as t } from './interface-language';
import { commandItem, editItems } from './menu';

/** The search query taken from a selection, and the part of it shown in the menu. */
const MAX_QUERY = 200;
const MAX_LABEL = 30;

export const selectionQuery = (selection: string): string => selection.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);

function quoteLabel(query: string): string {
  return query.length > MAX_LABEL ? `${query.slice(0, MAX_LABEL - 1).trimEnd()}…` : query;
}

export type ContextParams = Pick<ContextMenuParams, 'selectionText' | 'isEditable'>;

/** The menu for a right click, or null when there is nothing to offer. */
export function contextMenuTemplate(params: ContextParams, send: (command: AppCommand) => void): MenuItemConstructorOptions[] | null {
  const separator = { type: 'separator' } as const;
  if (params.isEditable) {
    return editItems();
  }
  const query = selectionQuery(params.selectionText);
  if (query === '') return null;
  return [
    { role: 'copy', label: t('menu.copy') },
    separator,
    commandItem(send, t('contextMenu.bookmarkSelection'), { type: 'bookmark-selection' }),
    commandItem(send, t('contextMenu.addNote'), { type: 'add-note' }),
    separator,
    commandItem(send, t('contextMenu.searchFor', { query: quoteLabel(query) }), { type: 'search', query }),
  ];
}

/** Shows the menu on right click in `contents`. */
export function installContextMenu(contents: WebContents, send: (command: AppCommand) => void): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, send);
    if (template) Menu.buildFromTemplate(template).popup();
  });
}
