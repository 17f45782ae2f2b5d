// 短信记录: what the built-in SMS channel recorded (codes, review notices), newest first, filtered by phone.
// Staff see the messages about units in their scope; district admins also see district-wide ones (codes).
import { Card, Input, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { listOutbox, type SmsRecord } from '../../api/volunteers';
import { CursorPager } from '../ui/CursorPager';
import { formatDateTimeSeconds } from '../ui/format';
import { PageState } from '../ui/PageState';
import { useCursorPages } from '../ui/use-cursor-pages';

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const phone = params.get('phone') ?? '';
  const pages = useCursorPages(phone);
  const list = useQuery({
    queryKey: ['sms-outbox', { phone, cursor: pages.cursor, limit: pages.pageSize }],
    queryFn: ({ signal }) => listOutbox({ phone: phone || undefined, cursor: pages.cursor, limit: pages.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const purposeLabel = (p: string) => {
    const key = `volunteers.outbox.purposes.${p.replace(':', '_')}`;
    return i18n.exists(key) ? t(key) : p;
  };
  return (
    <Card title={t('volunteers.outbox.title')} size="small">
      <Typography.Paragraph type="secondary">{t('volunteers.outbox.hint')}</Typography.Paragraph>
      <div role="search" style={{ marginBottom: 12 }}>
        <Input.Search
          key={`phone-${phone}`}
          defaultValue={phone}
          allowClear
          inputMode="numeric"
          maxLength={11}
          placeholder={t('volunteers.outbox.phoneFilter')}
          aria-label={t('volunteers.outbox.phoneFilter')}
          onSearch={(v) => {
            const next = new URLSearchParams(params);
            const digits = v.replace(/\D/g, '');
            if (digits) next.set('phone', digits);
            else next.delete('phone');
            setParams(next, { replace: true });
          }}
          style={{ width: 260 }}
        />
      </div>
      {list.isError ? (
        <PageState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<SmsRecord>
            size="small"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <PageState empty={list.isPending ? t('common.loading') : t('volunteers.outbox.noneFound')} /> }}
            columns={[
              { title: t('volunteers.outbox.sentAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTimeSeconds(v) },
              { title: t('volunteers.outbox.phone'), dataIndex: 'phone', width: 120 },
              { title: t('volunteers.outbox.purpose'), dataIndex: 'purpose', width: 130, render: (p: string) => <Tag>{purposeLabel(p)}</Tag> },
              { title: t('volunteers.outbox.text'), dataIndex: 'text' },
              { title: t('volunteers.outbox.unit'), dataIndex: 'unitCode', width: 120 },
            ]}
          />
          <CursorPager pages={pages} total={undefined} nextCursor={list.data?.nextCursor} />
        </>
      )}
    </Card>
  );
}
