import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

export const LANGUAGES = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
] as const;
type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'redline-map.language';

function storedLanguage(): LanguageCode {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // No storage (private mode): the default.
  }
  return 'zh-CN';
}

/** zh-CN is the default whatever the browser says: the product is for Chinese planners first. */
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Ignored: the choice lasts for this page.
  }
});
document.documentElement.lang = i18n.language;

