import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { ReaderApi, ReaderEventSource } from '../../../../electron/shared/contract';
import { ApiProvider } from '../../../../renderer/api/api-context';
import { App } from '../../../../renderer/App';
import { DesktopProvider, type DesktopHost } from '../../../../renderer/app/desktop-context';
import { SettingsProvider } from '../../../../renderer/app/settings-context';
import { StatusProvider } from '../../../../renderer/app/status-context';
import { LocaleRoot } from '../../../../renderer/i18n/LocaleRoot';

/**
 * Renders `ui` (the whole app by default) with the providers main.tsx sets up; `desktop` stands
 * in for the Electron preload's bridge (null: browser mode), `events` for the core's events.
 */
export function renderWithApi(
  api: ReaderApi,
  ui: ReactElement = <App />,
  desktop: DesktopHost | null = null,
  events: ReaderEventSource | null = null,
) {
  const user = userEvent.setup();
  const result = render(
    <LocaleRoot>
      <ApiProvider api={api} events={events}>
        <DesktopProvider desktop={desktop}>
          <StatusProvider>
            <SettingsProvider>{ui}</SettingsProvider>
          </StatusProvider>
        </DesktopProvider>
      </ApiProvider>
    </LocaleRoot>,
  );
  return { user, ...result };
}
