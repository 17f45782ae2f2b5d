// One certificate: what it says (for a request, a preview of the records it would cover), the decisions taken, the
// PDF and the verification link, and the actions its state allows: issue or reject a request, revoke an issued one.
import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { CloseCircleOutlined, DownloadOutlined, FilePdfOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getCertificate, hoursOf, recordPaths, type Certificate, type CertificateSnapshot } from '../../api/records';
import { useSignedIn } from '../auth/use-me';
import { formatDateTime } from '../ui/format';
import { PageState } from '../ui/PageState';
import { mayDo } from '../volunteers/volunteer-ui';
import { certificateStatusColor, CERTIFICATES_KEY, durationText } from '../hours/hours-ui';
import { IssueModal, ReasonModal } from './CertificateModals';

type Item = CertificateSnapshot['items'][number];

function Snapshot({ s, issued }: { s: CertificateSnapshot; issued: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'name', label: t('records.certs.snap.name'), children: s.name },
          { key: 'number', label: t('records.certs.snap.volunteerNumber'), children: s.volunteerNumber },
          { key: 'id', label: t('records.certs.snap.id'), children: `${s.idType} ${s.idMasked}`, span: 2 },
          { key: 'total', label: t('records.certs.snap.total'), children: <Typography.Text strong>{durationText(t, s.totalMinutes)}</Typography.Text>, span: 2 },
          ...(issued
            ? [
                { key: 'issuer', label: t('records.certs.snap.issuer'), children: s.issuer, span: 2 },
                { key: 'pic', label: t('records.certs.snap.personInCharge'), children: s.personInCharge },
                { key: 'handler', label: t('records.certs.snap.handler'), children: [s.handler, s.handlerPhone].filter(Boolean).join(' ') },
              ]
            : []),
        ]}
      />
      <Table<Item>
        size="small"
        style={{ marginTop: 12 }}
        rowKey={(r) => `${r.date}-${r.title}-${r.minutes}`}
        pagination={false}
        dataSource={s.items}
        scroll={{ y: 360 }}
        locale={{ emptyText: <PageState empty={t('records.certs.snap.noRecords')} /> }}
        columns={[
          { title: t('records.certs.snap.date'), dataIndex: 'date', width: 110 },
          { title: t('records.certs.snap.title'), dataIndex: 'title', ellipsis: true },
          { title: t('records.certs.snap.unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
          { title: t('records.certs.snap.hours'), dataIndex: 'minutes', width: 90, align: 'right', render: (m: number) => hoursOf(m) },
        ]}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>{t('records.certs.snap.sum', { n: s.items.length })}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Typography.Text strong data-testid="certificate-total">
                  {hoursOf(s.totalMinutes)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </>
  );
}

function Facts({ c }: { c: Certificate }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={2}
      items={[
        { key: 'v', label: t('records.certs.fields.volunteer'), children: `${c.volunteerName}（${c.volunteerNumber}）` },
        { key: 'p', label: t('records.certs.fields.period'), children: `${c.periodFrom} ~ ${c.periodTo}` },
        { key: 'i', label: t('records.certs.fields.issuer'), children: c.issuingUnitName },
        { key: 'u', label: t('records.certs.fields.purpose'), children: c.purpose || t('common.notSet') },
        { key: 'r', label: t('records.certs.fields.requestedAt'), children: `${formatDateTime(c.requestedAt)}${c.requestedByName ? ` · ${c.requestedByName}` : ''}` },
        ...(c.issuedAt ? [{ key: 'is', label: t('records.certs.fields.issuedAt'), children: formatDateTime(c.issuedAt) }] : []),
        ...(c.status === 'rejected' && c.decidedAt ? [{ key: 'd', label: t('records.certs.fields.decidedAt'), children: formatDateTime(c.decidedAt) }] : []),
        ...(c.revokedAt ? [{ key: 'rv', label: t('records.certs.fields.revokedAt'), children: formatDateTime(c.revokedAt) }] : []),
      ]}
    />
  );
}

export function CertificateDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [action, setAction] = useState<'issue' | 'reject' | 'revoke' | null>(null);
  const q = useQuery({ queryKey: [...CERTIFICATES_KEY, 'one', id], queryFn: ({ signal }) => getCertificate(id!, signal), enabled: !!id });
  const c = q.data?.certificate;
  const snapshot = q.data?.snapshot ?? null;
  const canIssue = mayDo(me, 'certificate.issue');
  const hasPdf = c?.status === 'issued' || c?.status === 'revoked';
  const empty = c?.status === 'requested' && snapshot !== null && snapshot.items.length === 0;

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        c ? (
          <Space>
            <SafetyCertificateOutlined />
            <span>{c.number ?? t('records.certs.unnumbered')}</span>
            <Tag color={certificateStatusColor[c.status]} data-testid="certificate-status">
              {t(`records.certs.status.${c.status}`)}
            </Tag>
          </Space>
        ) : (
          t('records.certs.detail')
        )
      }
      extra={
        c &&
        canIssue && (
          <Space>
            {c.status === 'requested' && (
              <>
                <Button danger icon={<CloseCircleOutlined />} onClick={() => setAction('reject')}>
                  {t('records.certs.reject')}
                </Button>
                <Button type="primary" icon={<SafetyCertificateOutlined />} disabled={empty} onClick={() => setAction('issue')}>
                  {t('records.certs.issue')}
                </Button>
              </>
            )}
            {c.status === 'issued' && (
              <Button danger icon={<StopOutlined />} onClick={() => setAction('revoke')}>
                {t('records.certs.revoke')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {q.isPending ? (
        <PageState loading />
      ) : q.isError ? (
        <PageState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        c && (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {c.status === 'requested' && <Alert type={empty ? 'warning' : 'info'} showIcon title={empty ? t('records.certs.emptyPeriod') : t('records.certs.previewNote')} />}
            {c.status === 'rejected' && <Alert type="error" showIcon title={t('records.certs.rejectedBecause', { reason: c.rejectReason ?? '' })} />}
            {c.status === 'revoked' && <Alert type="warning" showIcon title={t('records.certs.revokedBecause', { reason: c.revokeReason ?? '' })} />}
            <Facts c={c} />
            {hasPdf && (
              <Space wrap>
                <Button icon={<FilePdfOutlined />} href={recordPaths.certificatePdf(c.id)} target="_blank" rel="noopener" data-testid="certificate-pdf">
                  {t('records.certs.openPdf')}
                </Button>
                <Button icon={<DownloadOutlined />} href={recordPaths.certificatePdf(c.id)} download={`${c.number ?? 'certificate'}.pdf`}>
                  {t('records.certs.downloadPdf')}
                </Button>
              </Space>
            )}
            {c.verifyUrl && (
              <div>
                <Typography.Text type="secondary">{t('records.certs.verifyLink')}</Typography.Text>
                <Typography.Paragraph copyable={{ text: c.verifyUrl, tooltips: [t('records.certs.copy'), t('records.certs.copied')] }} style={{ marginBottom: 0 }}>
                  <Typography.Link href={c.verifyUrl} target="_blank" rel="noopener" data-testid="certificate-verify">
                    {c.verifyUrl}
                  </Typography.Link>
                </Typography.Paragraph>
              </div>
            )}
            {snapshot ? (
              <>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {c.status === 'requested' ? t('records.certs.previewTitle') : t('records.certs.contentTitle')}
                </Typography.Title>
                <Snapshot s={snapshot} issued={c.status !== 'requested'} />
              </>
            ) : (
              c.totalMinutes != null && <Typography.Text>{t('records.certs.totalLine', { duration: durationText(t, c.totalMinutes) })}</Typography.Text>
            )}
          </Space>
        )
      )}
      {c && action === 'issue' && <IssueModal certificate={c} onClose={() => setAction(null)} />}
      {c && (action === 'reject' || action === 'revoke') && <ReasonModal certificate={c} kind={action} onClose={() => setAction(null)} />}
    </Drawer>
  );
}
