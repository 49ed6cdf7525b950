import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { createClient } from './api/client';
import { AuthProvider } from './auth/AuthProvider';
import { i18n } from './i18n';
import { common } from './i18n/common';
import { App } from './App';
import './styles.css';

// The document is named in the reader's language from the start (index.html's title is English), until a page names itself.
document.title = i18n.t('appName', { ns: common.ns });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={createClient()}>
      <AuthProvider>
        <App />
      </AuthProvider>
    </Provider>
  </StrictMode>,
);
