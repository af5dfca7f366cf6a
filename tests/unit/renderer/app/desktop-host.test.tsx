import { LocaleRoot } from '../../../../renderer/i18n/LocaleRoot';
import { englishText } from '../support/intl';
import { act, render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BridgeMissingScreen } from '../../../../renderer/app/BridgeMissingScreen';
import { flushPendingWrites } from '../../../../renderer/app/pending-writes';
import { RecoveryNotice, recoveryMessage } from '../../../../renderer/app/RecoveryNotice';
import { StatusProvider, StatusRegion } from '../../../../renderer/app/status-context';
import { useAutosave } from '../../../../renderer/notes/use-autosave';

describe('saving before the desktop window closes', () => {
  it('saves a note being typed at once when the app asks, before the autosave pause', async () => {
    const save = vi.fn(async (_text: string) => true);
    const { result, unmount } = renderHook(() => useAutosave('note-1', '', save));
    act(() => result.current.setText('Ask Layla about the mediation'));
    expect(save).not.toHaveBeenCalled();
    await act(() => flushPendingWrites());
    expect(save).toHaveBeenCalledWith('Ask Layla about the mediation');
    expect(result.current.state).toBe('saved');
    unmount();
    // An unmounted editor is no longer asked.
    save.mockClear();
    await flushPendingWrites();
    expect(save).not.toHaveBeenCalled();
  });

  it('answers even when a save fails', async () => {
    const { result } = renderHook(() => useAutosave('note-2', '', async () => false));
    act(() => result.current.setText('draft'));
    await expect(act(() => flushPendingWrites())).resolves.toBeUndefined();
    expect(result.current.state).toBe('failed');
  });
});

describe('a desktop page without its bridge', () => {
  it('says plainly that Quire cannot reach its library', () => {
    render(<BridgeMissingScreen />, { wrapper: LocaleRoot });
    expect(screen.getByRole('alert')).toHaveAccessibleName('Quire cannot reach its library');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Quire cannot reach its library');
  });
});

describe('a page the desktop app reloaded', () => {
  it('names the reason, and nothing for other addresses', () => {
    expect(recoveryMessage('?recovered=crashed', englishText)).toMatch(/stopped unexpectedly and was reloaded/);
    expect(recoveryMessage('?recovered=unresponsive', englishText)).toMatch(/stopped responding and was reloaded/);
    expect(recoveryMessage('', englishText)).toBeNull();
    expect(recoveryMessage('?recovered=toString', englishText)).toBeNull();
  });

  it('tells the user once and takes the reason off the address', async () => {
    window.history.replaceState(null, '', '/index.html?recovered=crashed');
    render(
      <StatusProvider>
        <RecoveryNotice />
        <StatusRegion />
      </StatusProvider>,
      { wrapper: LocaleRoot },
    );
    expect(await screen.findByRole('status')).toHaveTextContent(/stopped unexpectedly and was reloaded/);
    expect(window.location.search).toBe('');
  });
});
