// Every version of a record, oldest first: who asked for each change and why, who decided and what they said.
import { Descriptions, Drawer, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getHour, type HourRecord } from '../../api/records';
import { timeRange } from '../activities/activity-ui';
import { formatDateTime } from '../ui/format';
import { PageState } from '../ui/PageState';
import { durationText, hourStatusColor, HOURS_KEY } from './hours-ui';

const timelineColor: Record<HourRecord['status'], string> = { pending: 'gold', approved: 'green', rejected: 'red', superseded: 'gray' };

function Version({ v }: { v: HourRecord }) {
  const { t } = useTranslation();
  return (
    <div>
      <div>
        <Typography.Text strong>{timeRange(v.startedAt, v.endedAt)}</Typography.Text>
        <Typography.Text style={{ marginInlineStart: 8 }}>{durationText(t, v.minutes)}</Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {v.requestedByName
          ? t('records.hours.history.created', { at: formatDateTime(v.createdAt), by: v.requestedByName })
          : t('records.hours.history.fromCheckin', { at: formatDateTime(v.createdAt) })}
      </Typography.Text>
      {v.version > 1 && v.reason && <div>{t('records.hours.history.reason', { reason: v.reason })}</div>}
      {v.content && <div>{t('records.hours.history.content', { content: v.content })}</div>}
      {v.flags.length > 0 && (
        <div>
          {v.flags.map((f) => (
            <Tag key={f} color="warning">
              {t(`records.flags.${f}`, { defaultValue: f })}
            </Tag>
          ))}
        </div>
      )}
      {v.decidedAt && (
        <div>
          {t(v.status === 'rejected' ? 'records.hours.history.rejected' : 'records.hours.history.approved', { at: formatDateTime(v.decidedAt), by: v.decidedByName ?? '' })}
          {v.decisionNote ? `：${v.decisionNote}` : ''}
        </div>
      )}
    </div>
  );
}

export function HourHistoryDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: [...HOURS_KEY, 'one', id], queryFn: ({ signal }) => getHour(id!, signal), enabled: !!id });
  const r = q.data?.record;
  return (
    <Drawer open={!!id} onClose={onClose} size={560} title={t('records.hours.history.title')} destroyOnHidden>
      {q.isPending ? (
        <PageState loading />
      ) : q.isError ? (
        <PageState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        r && (
          <>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'v', label: t('records.hours.fields.volunteer'), children: `${r.volunteerName}（${r.volunteerNumber}）` },
                { key: 'a', label: t('records.hours.fields.activity'), children: r.activityTitle },
                { key: 'u', label: t('records.hours.fields.organizer'), children: [r.unitName, r.teamName].filter(Boolean).join(' · ') },
                { key: 's', label: t('records.hours.fields.status'), children: <Tag color={hourStatusColor[r.status]}>{t(`records.hours.status.${r.status}`)}</Tag> },
                ...(r.frozen ? [{ key: 'f', label: t('records.hours.frozen'), children: t('records.hours.frozenHint') }] : []),
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('records.hours.history.versions', { n: q.data.history.length })}
            </Typography.Title>
            <Timeline
              items={q.data.history.map((v) => ({
                key: v.id,
                color: timelineColor[v.status],
                content: (
                  <>
                    <div style={{ marginBottom: 4 }}>
                      {t('records.hours.versionTag', { n: v.version })} <Tag color={hourStatusColor[v.status]}>{t(`records.hours.status.${v.status}`)}</Tag>
                      {v.id === r.id && <Tag>{t('records.hours.history.thisOne')}</Tag>}
                    </div>
                    <Version v={v} />
                  </>
                ),
              }))}
            />
          </>
        )
      )}
    </Drawer>
  );
}
