// The red header of every mobile page: an optional way back (to the page above this one, for people who do not
// use the phone's back gesture), the brand, and the language switch.
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from './LanguageToggle';
import { navigate } from './volunteer/navigation';

export function MobileHeader({ back }: { back?: string } = {}) {
  const { t } = useTranslation();
  return (
    <header className="wm-header">
      <span className="wm-header-start">
        {back && (
          <button type="button" className="wm-back" aria-label={t('back')} onClick={() => navigate(back)}>
            <span aria-hidden="true">‹</span>
          </button>
        )}
        <span className="wm-brand">
          <svg className="wm-brand-mark" viewBox="0 0 24 24" aria-hidden="true">
            <rect width="24" height="24" rx="4" fill="#fff" />
            <path d="M4 4h6v6H4zm10 0h6v6h-6zM4 14h6v6H4zm10 0h2v2h-2zm4 0h2v2h-2zm-2 2h2v2h-2zm2 2h2v2h-2zm-4 0h2v2h-2z" fill="#c8161d" />
            <path d="M6 6h2v2H6zm10 0h2v2h-2zM6 16h2v2H6z" fill="#fff" />
          </svg>
          {t('brand')}
        </span>
      </span>
      <LanguageToggle />
    </header>
  );
}
