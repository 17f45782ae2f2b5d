// The chosen interface language, remembered in this browser. Chinese unless the user switched.
export type Lang = 'zh' | 'en';
const KEY = 'wm.lang';

export function storedLanguage(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function rememberLanguage(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // private mode without storage: the switch still works for this page
  }
}
