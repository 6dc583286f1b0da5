import 'i18next';
import type { zhCN } from './zh-CN';

// Typed keys: a misspelt t('...') key fails the typecheck instead of showing the raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
