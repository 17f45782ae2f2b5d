// What a mobile page shows while it loads or when loading failed, the "load more" button under a paged list, and
// the words for a volunteer's status.
import './antd-react19';
import { Button, DotLoading, Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="wm-loading" role="status">
      <DotLoading color="primary" />
      <span>{t('loading')}</span>
    </div>
  );
}

export function LoadFailed({ onRetry, message }: { onRetry: () => void; message?: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Result
        status="waiting"
        title={<span className="wm-result-title">{t('failed.title')}</span>}
        description={<p className="wm-result-body">{message ?? t('failed.body')}</p>}
      />
      <div className="wm-actions">
        <Button block color="primary" size="large" onClick={onRetry}>
          {t('retry')}
        </Button>
      </div>
    </div>
  );
}

/** Under a list with a next page: the button (a retry after a failed page, with the failure above it). */
export function LoadMore({ more, label, onLoad }: { more: 'idle' | 'loading' | 'failed'; label: string; onLoad: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="wm-form-actions">
      {more === 'failed' && (
        <p className="wm-alert" role="alert">
          {t('failed.body')}
        </p>
      )}
      <Button block size="large" loading={more === 'loading'} onClick={onLoad}>
        {more === 'failed' ? t('retry') : label}
      </Button>
    </div>
  );
}

const STATUSES = ['pending', 'active', 'suspended', 'left'];

export function statusText(t: (k: string) => string, status: string): string {
  return STATUSES.includes(status) ? t(`volunteer.status.${status}`) : status;
}
