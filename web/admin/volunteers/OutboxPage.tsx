// 短信记录: what the built-in SMS channel recorded (codes, review notices), newest first, filtered by phone.
// Staff see the messages about units in their scope; district admins also see district-wide ones (codes).
import { Card, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listOutbox, type SmsRecord } from '../../api/volunteers';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTimeSeconds } from '../ui/format';
import { useCursorList } from '../ui/use-cursor-pages';
import { useUrlFilters } from '../ui/use-url-filters';

const OUTBOX_FILTERS = ['phone'] as const;

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const [{ phone }, setFilter] = useUrlFilters(OUTBOX_FILTERS);
  const { pages, list } = useCursorList(['sms-outbox'], { phone }, (query, signal) => listOutbox({ ...query, phone: query.phone || undefined }, signal));
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
          onSearch={(v) => setFilter('phone', v.replace(/\D/g, ''))}
          style={{ width: 260 }}
        />
      </div>
      <CursorTable<SmsRecord>
        list={list}
        pages={pages}
        total={null}
        emptyText={t('volunteers.outbox.noneFound')}
        scroll={{ x: 900 }}
        columns={[
          { title: t('volunteers.outbox.sentAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTimeSeconds(v) },
          { title: t('volunteers.outbox.phone'), dataIndex: 'phone', width: 120 },
          { title: t('volunteers.outbox.purpose'), dataIndex: 'purpose', width: 130, render: (p: string) => <Tag>{purposeLabel(p)}</Tag> },
          { title: t('volunteers.outbox.text'), dataIndex: 'text' },
          { title: t('volunteers.outbox.unit'), dataIndex: 'unitCode', width: 120 },
        ]}
      />
    </Card>
  );
}
