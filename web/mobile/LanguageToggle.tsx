// The zh ⇄ en switch in the mobile header; a plain button so it is large, focusable and announced.
import { useTranslation } from 'react-i18next';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      className="wm-lang"
      aria-label={t('switchLanguageLabel')}
      onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'zh' : 'en')}
    >
      {t('switchLanguage')}
    </button>
  );
}
