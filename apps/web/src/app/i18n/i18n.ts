import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN } from './zh-CN';

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
  if (lang === 'en') await loadEnglish();
  applyLang(lang);
  await i18n.changeLanguage(lang);
}

// English is fetched only when chosen: most users never need it, and the first load is the one that counts.
async function loadEnglish() {
  if (i18n.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./en');
  i18n.addResourceBundle('en', 'translation', en);
}

const initial = storedLang();
applyLang('zh-CN');

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  partialBundledLanguages: true,
  lng: 'zh-CN',
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
if (initial === 'en') void setLang('en');

export default i18n;
