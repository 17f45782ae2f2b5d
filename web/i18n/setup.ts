// Creates the i18next instance for one web face with its zh and en resources.
import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { rememberLanguage, storedLanguage, type Lang } from './language';

export function createI18n(resources: Resource): i18n {
  const lng = storedLanguage();
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  setApiLanguage(lng);
  document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
  instance.on('languageChanged', (l) => {
    setApiLanguage(l);
    rememberLanguage(l as Lang);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  });
  return instance;
}
