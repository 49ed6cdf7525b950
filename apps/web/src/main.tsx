import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { createClient } from './api/client';
import { AuthProvider } from './auth/AuthProvider';
import { i18n } from './i18n';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={createClient()}>
      <AuthProvider>
        <App />
      </AuthProvider>
    </Provider>
  </StrictMode>,
);
