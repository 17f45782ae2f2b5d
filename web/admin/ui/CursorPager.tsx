// Previous / next paging with the total, for keyset-paginated lists.
import { Button, Select, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CursorPages } from './use-cursor-pages';

export function CursorPager({ pages, total, nextCursor }: { pages: CursorPages; total: number | undefined; nextCursor: string | null | undefined }) {
  const { t } = useTranslation();
  const pageCount = total !== undefined ? Math.max(1, Math.ceil(total / pages.pageSize)) : undefined;
  return (
    <nav aria-label={t('common.pagination')} style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
      <Space wrap>
        {total !== undefined && <Typography.Text type="secondary">{t('common.total', { total })}</Typography.Text>}
        <Button icon={<LeftOutlined />} disabled={pages.page <= 1} onClick={pages.prev} aria-label={t('common.prev')}>
          {t('common.prev')}
        </Button>
        <Typography.Text aria-live="polite">{pageCount !== undefined ? t('common.pageOf', { page: pages.page, pages: pageCount }) : t('common.page', { page: pages.page })}</Typography.Text>
        <Button disabled={!nextCursor} onClick={() => pages.next(nextCursor)} aria-label={t('common.next')}>
          {t('common.next')} <RightOutlined />
        </Button>
        <Select
          aria-label={t('common.pageSize')}
          value={pages.pageSize}
          onChange={pages.setPageSize}
          options={[10, 20, 50, 100].map((n) => ({ value: n, label: t('common.perPage', { n }) }))}
          style={{ width: 110 }}
        />
      </Space>
    </nav>
  );
}
