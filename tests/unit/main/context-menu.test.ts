import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '../../../electron/shared/commands';
import { contextMenuTemplate, installContextMenu, selectionQuery } from '../../../electron/main/context-menu';
import { fake, FakeWebContents } from '../../support/fake-electron';

type Item = MenuItemConstructorOptions;
const describeItems = (items: Item[] | null) => items?.map((item) => item.role ?? item.label ?? item.type);

describe('context menu', () => {
  it('on selected text: Copy, Bookmark, Add note, Search for “…”, each reader item a command', () => {
    const sent: AppCommand[] = [];
    const items = contextMenuTemplate({ selectionText: '  Fuad   Hussein said\n', isEditable: false }, (c) => sent.push(c));
    expect(describeItems(items)).toEqual(['copy', 'separator', 'Bookmark Selection', 'Add Note…', 'separator', 'Search for “Fuad Hussein said”']);
    for (const item of items ?? []) (item.click as (() => void) | undefined)?.();
    expect(sent).toEqual([{ type: 'bookmark-selection' }, { type: 'add-note' }, { type: 'search', query: 'Fuad Hussein said' }]);
  });

  it('shortens a long selection in the label and bounds the query', () => {
    const long = 'word '.repeat(100);
    const items = contextMenuTemplate({ selectionText: long, isEditable: false }, vi.fn());
    expect(items?.at(-1)?.label).toMatch(/^Search for “.{1,30}…”$/);
    expect(selectionQuery(long).length).toBeLessThanOrEqual(200);
  });

  it('offers editing in text fields and nothing without a selection', () => {
    expect(describeItems(contextMenuTemplate({ selectionText: '', isEditable: true }, vi.fn()))).toContain('paste');
    expect(contextMenuTemplate({ selectionText: ' \n', isEditable: false }, vi.fn())).toBeNull();
  });

  it('pops the menu up on right click', () => {
    const contents = new FakeWebContents('file:///app/index.html');
    installContextMenu(contents as unknown as WebContents, vi.fn());
    contents.emit('context-menu', {}, { selectionText: 'text', isEditable: false });
    const menu = fake.Menu.buildFromTemplate.mock.results[0]?.value as { popup: () => void };
    expect(menu.popup).toHaveBeenCalled();
    contents.emit('context-menu', {}, { selectionText: '', isEditable: false });
    expect(fake.Menu.buildFromTemplate).toHaveBeenCalledTimes(1);
  });
});
