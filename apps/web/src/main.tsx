import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { createClient } from './api/client';
import { AuthProvider } from './auth/AuthProvider';
import { i18n, useMessages } from './i18n';
import { common } from './i18n/common';
import { App } from './App';
import './styles.css';

// The document is named in the reader's language from the start (index.html's title is English) and whenever the
// language changes (a page still loading has not named itself), until the page names itself.
const nameDocument = () => {
  document.title = i18n.t('appName', { ns: common.ns });
};
nameDocument();
i18n.on('languageChanged', nameDocument);

/**
 * The API answers in the page's language (its refusals, histories and
 * explanations), so a change of language starts a new client: every page
 * asks again, and nothing cached in the other language is shown.
 */
function ApiProvider({ children }: { children: ReactNode }) {
  const { language } = useMessages(common);
  const client = useMemo(() => createClient(language), [language]);
  return <Provider value={client}>{children}</Provider>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider>
      <AuthProvider>
        <App />
      </AuthProvider>
    </ApiProvider>
  </StrictMode>,
);
