// A volunteer's star level as ★ marks: the confirmed level in red, a level reached but not yet confirmed by the
// home unit in grey with "待确认". Screen readers hear the level in words instead of the marks.
import { useTranslation } from 'react-i18next';
import { stars } from './record-format';
import './records.css';

export function StarLevel({ level, pending, className }: { level: number; pending: number | null; className?: string }) {
  const { t } = useTranslation();
  const waiting = pending !== null && pending > level ? pending : null;
  const words = [level > 0 ? t('records.stars.level', { n: level }) : t('records.stars.none'), waiting ? t('records.stars.pendingLevel', { n: waiting }) : '']
    .filter(Boolean)
    .join(t('records.stars.separator'));
  return (
    <span className={`wm-rec-stars ${className ?? ''}`} data-testid="star-level">
      <span aria-hidden="true">
        {level > 0 && <span className="wm-rec-star-on">{stars(level)}</span>}
        {waiting !== null && <span className="wm-rec-star-wait">{stars(waiting - level)}</span>}
        {level === 0 && waiting === null && <span className="wm-rec-star-none">—</span>}
      </span>
      <span className="wm-sr">{words}</span>
      {waiting !== null && (
        <span className="wm-rec-wait-tag" aria-hidden="true">
          {t('records.stars.pending')}
        </span>
      )}
    </span>
  );
}
