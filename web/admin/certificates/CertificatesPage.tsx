// 记录证明: the register of service record certificates of the scope (status, unit, search; XLSX), requesting one
// for a volunteer, and one certificate in a drawer (its snapshot, issue / reject / revoke, the PDF and the
// verification link). The open certificate is in the URL (?open=<id>) so it can be linked to.
import { useState } from 'react';
import { Button, Card, Input, Space, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { certificateStatuses, listCertificates, recordPaths, type Certificate, type CertificateStatus } from '../../api/records';
import { useSignedIn } from '../auth/use-me';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTime } from '../ui/format';
import { PageState } from '../ui/PageState';
import { UnitPicker } from '../ui/UnitPicker';
import { useCursorList } from '../ui/use-cursor-pages';
import { useUrlFilters } from '../ui/use-url-filters';
import { mayDo } from '../volunteers/volunteer-ui';
import { certificateStatusColor, CERTIFICATES_KEY, durationText } from '../hours/hours-ui';
import { CertificateDrawer } from './CertificateDrawer';
import { RequestCertificateModal } from './CertificateModals';

export function CertificatesPage() {
  return (
    <Routes>
      <Route index element={<Register />} />
      <Route path="*" element={<PageState notFound />} />
    </Routes>
  );
}

const KEYS = ['status', 'unit', 'q', 'open'] as const;

function Register() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [filters, setFilter] = useUrlFilters(KEYS);
  const [requesting, setRequesting] = useState(false);
  const query = { status: filters.status || undefined, unit: filters.unit || undefined, q: filters.q || undefined };
  const { pages, list } = useCursorList([...CERTIFICATES_KEY, 'list'], query, (q, signal) => listCertificates(q, signal));
  const canIssue = mayDo(me, 'certificate.issue');

  return (
    <Card
      title={t('menu.certificates')}
      size="small"
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={recordPaths.certificatesXlsx(query)} target="_blank" rel="noopener">
            {t('records.certs.export')}
          </Button>
          {canIssue && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setRequesting(true)}>
              {t('records.certs.request')}
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        size="small"
        activeKey={filters.status || 'all'}
        onChange={(k) => setFilter('status', k === 'all' ? undefined : k)}
        items={[{ key: 'all', label: t('records.certs.tabs.all') }, ...certificateStatuses.map((s) => ({ key: s, label: t(`records.certs.status.${s}`) }))]}
      />
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          key={`q-${filters.q}`}
          defaultValue={filters.q}
          placeholder={t('records.certs.searchPlaceholder')}
          aria-label={t('records.certs.searchPlaceholder')}
          allowClear
          onSearch={(v) => setFilter('q', v.trim())}
          style={{ width: 280 }}
        />
        <UnitPicker value={filters.unit || undefined} onChange={(v) => setFilter('unit', v)} allowClear placeholder={t('records.certs.filterUnit')} aria-label={t('records.certs.filterUnit')} />
      </Space>
      <CursorTable<Certificate>
        list={list}
        pages={pages}
        emptyText={t('records.certs.none')}
        scroll={{ x: 1150 }}
        onRow={(c) => ({ onDoubleClick: () => setFilter('open', c.id) })}
        columns={[
          { title: t('records.certs.fields.number'), dataIndex: 'number', width: 150, render: (n: string | null) => n ?? <Typography.Text type="secondary">{t('records.certs.noNumber')}</Typography.Text> },
          { title: t('records.certs.fields.volunteer'), key: 'v', width: 180, render: (_, c) => `${c.volunteerName}（${c.volunteerNumber}）` },
          { title: t('records.certs.fields.period'), key: 'p', width: 200, render: (_, c) => `${c.periodFrom} ~ ${c.periodTo}` },
          { title: t('records.certs.fields.total'), dataIndex: 'totalMinutes', width: 160, render: (m: number | null) => (m == null ? '' : durationText(t, m)) },
          { title: t('records.certs.fields.purpose'), dataIndex: 'purpose', ellipsis: true },
          { title: t('records.certs.fields.issuer'), dataIndex: 'issuingUnitName', width: 170, ellipsis: true },
          {
            title: t('records.certs.fields.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: CertificateStatus) => <Tag color={certificateStatusColor[s]}>{t(`records.certs.status.${s}`)}</Tag>,
          },
          { title: t('records.certs.fields.requestedAt'), dataIndex: 'requestedAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            fixed: 'right',
            render: (_, c) => (
              <Button size="small" type="link" onClick={() => setFilter('open', c.id)} aria-label={`${t('records.certs.view')} ${c.volunteerName} ${c.number ?? c.periodFrom}`}>
                {c.status === 'requested' && canIssue ? t('records.certs.handle') : t('records.certs.view')}
              </Button>
            ),
          },
        ]}
      />
      <RequestCertificateModal open={requesting} onClose={() => setRequesting(false)} onCreated={(c) => setFilter('open', c.id)} />
      <CertificateDrawer id={filters.open || null} onClose={() => setFilter('open', undefined)} />
    </Card>
  );
}
