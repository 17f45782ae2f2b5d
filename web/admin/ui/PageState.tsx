// Loading, error, empty and not-found states, the same on every page.
import { Button, Empty, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

type Props = { loading?: boolean; error?: unknown; empty?: boolean | string; notFound?: boolean; onRetry?: () => void };

export function errorText(err: unknown, t: (k: string) => string): string {
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : t('common.loadFailed');
}

export function PageState({ loading, error, empty, notFound, onRetry }: Props) {
  const { t } = useTranslation();
  if (loading)
    return (
      <div role="status" style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
        <div style={{ marginTop: 8, color: '#8c8c8c' }}>{t('common.loading')}</div>
      </div>
    );
  if (notFound) return <Result status="404" title={t('common.notFound')} />;
  if (error) {
    const forbidden = error instanceof ApiError && error.status === 403;
    return (
      <Result
        status={forbidden ? '403' : 'error'}
        title={forbidden ? t('common.forbidden') : t('common.loadFailed')}
        subTitle={errorText(error, t)}
        extra={
          onRetry && !forbidden ? (
            <Button type="primary" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          ) : undefined
        }
      />
    );
  }
  if (empty) return <Empty description={typeof empty === 'string' ? empty : t('common.empty')} />;
  return null;
}
