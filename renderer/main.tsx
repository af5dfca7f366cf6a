import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, createEventSource } from './api/api-client';
import { ApiProvider } from './api/api-context';
import { createQueryClient } from './api/query-client';
import { askForLibraryEarly } from './library/article-queries';
import { App } from './App';
import { BridgeMissingScreen } from './app/BridgeMissingScreen';
import { blockNavigationAway } from './app/navigation-guard';
import { DesktopProvider } from './app/desktop-context';
import { flushPendingWrites } from './app/pending-writes';
import { RecoveryNotice } from './app/RecoveryNotice';
import { SettingsProvider } from './app/settings-context';
import { StatusProvider } from './app/status-context';
import { ViewErrorBoundary } from './app/ViewErrorBoundary';
import { LocaleRoot, loadFirstCatalog } from './i18n/LocaleRoot';
import './styles/base.css';
import './styles/themes.css';
import './styles/app.css';
import './styles/library.css';
import './styles/search.css';
import './styles/reader.css';
import './styles/panel.css';
import './styles/dialog.css';
import './styles/collections.css';
// The dyslexia-friendly reading font, shipped with the app (SIL Open Font License).
import '@fontsource/opendyslexic/latin-400.css';
import '@fontsource/opendyslexic/latin-700.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const api = createApiClient();
const queryClient = createQueryClient();
if (api) askForLibraryEarly(queryClient, api);
// The desktop window's main process guards its navigations itself (electron/main/security.ts).
if (!window.quire) blockNavigationAway();
// The desktop app waits for the page's pending writes (a note being typed) before it closes.
window.quire?.onFlushRequest(flushPendingWrites);

// The library is asked for first; the system language's catalog loads meanwhile, and the first
// frame is already in that language.
void loadFirstCatalog().then(() =>
  createRoot(root).render(
    <StrictMode>
      <LocaleRoot>
      {api ? (
        <ApiProvider api={api} events={createEventSource()} queryClient={queryClient}>
          <DesktopProvider desktop={window.quire ?? null}>
            <StatusProvider>
              <RecoveryNotice />
              <SettingsProvider>
                {/* Last line of defence: a failure outside any view (the header, a dialog) restarts the app at the library. */}
                <ViewErrorBoundary region="main">
                  <App />
                </ViewErrorBoundary>
              </SettingsProvider>
            </StatusProvider>
          </DesktopProvider>
        </ApiProvider>
      ) : (
        <BridgeMissingScreen />
      )}
      </LocaleRoot>
    </StrictMode>,
  ),
);
