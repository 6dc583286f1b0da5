import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN } from './zh-CN';
import { en } from './en';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'cg.lang';

function storedLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // Storage can be blocked (private mode, policies); the default language still works.
  }
  return 'zh-CN';
}

function applyLang(lang: Lang) {
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export async function setLang(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // See storedLang: not persisting is acceptable.
  }
  applyLang(lang);
  await i18n.changeLanguage(lang);
}

const initial = storedLang();
applyLang(initial);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  // React escapes on render; escaping again would show &quot; in names.
  interpolation: { escapeValue: false },
});

// The tab title follows the language too.
const applyTitle = () => {
  document.title = i18n.t('app.fullName');
};
i18n.on('initialized', applyTitle);
i18n.on('languageChanged', applyTitle);
if (i18n.isInitialized) applyTitle();

export default i18n;
