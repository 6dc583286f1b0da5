import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { setApiHandlers, setApiLanguage } from '../lib/api';
import { meQueryKey } from './auth';
import i18n, { currentLang } from './i18n/i18n';
import { queryClient } from './query-client';
import { router } from './router';

setApiHandlers({
  // Dropping the cached user makes <RequireAuth> send the browser to /login with the page to come back to.
  onUnauthorized: () => queryClient.setQueryData(meQueryKey, null),
  onPasswordChangeRequired: () => {
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
    void router.navigate('/profile?mustChange=1');
  },
});

// Server-side messages (validation texts) follow the UI language where the API supports it.
setApiLanguage(currentLang());
i18n.on('languageChanged', (lng) => setApiLanguage(lng));

const theme = { token: { colorPrimary: '#1668dc', borderRadius: 6 } };

export function App() {
  const { i18n: active } = useTranslation();
  const lang = active.language === 'en' ? 'en' : 'zh-CN';

  return (
    <ConfigProvider locale={lang === 'en' ? enUSLocale : zhCNLocale} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
