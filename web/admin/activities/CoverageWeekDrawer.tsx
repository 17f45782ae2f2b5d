// The activities of one unit (and the units under it) in one week, opened from a grid cell. Activities that do
// not count (drafts, submitted, cancelled) are shown greyed so staff see why a week is red.
import { Drawer, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getCoverageWeek } from '../../api/coverage';
import { formatDateTime } from '../ui/format';
import { PageState } from '../ui/PageState';

type Props = { target: { unitId: string; unitName: string; week: string } | null; onClose: () => void };

export function CoverageWeekDrawer({ target, onClose }: Props) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['coverage-week', target?.unitId, target?.week],
    queryFn: () => getCoverageWeek(target!.unitId, target!.week),
    enabled: !!target,
  });
  const d = q.data;
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={560}
      title={d ? t('coverage.drawerTitle', { unit: d.unit.name, week: d.week.key, start: d.week.start, end: d.week.end }) : target?.unitName}
    >
      {q.isPending || q.error ? (
        <PageState loading={q.isPending} error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <List
          dataSource={d?.items ?? []}
          locale={{ emptyText: t('coverage.drawerEmpty') }}
          renderItem={(a) => (
            <List.Item style={{ opacity: a.counted ? 1 : 0.55 }}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{a.title}</span>
                    <Tag>{t(`coverage.status.${a.status}`)}</Tag>
                    {!a.counted && <Tag color="default">{t('coverage.notCounted')}</Tag>}
                    {a.theme && <Tag color="red">{a.theme}</Tag>}
                  </Space>
                }
                description={
                  <Typography.Text type="secondary">
                    {formatDateTime(a.startsAt)} – {formatDateTime(a.endsAt).slice(11)} · {a.unit.name}
                    {a.place ? ` · ${t('coverage.place')}：${a.place}` : ''}
                    {a.team ? ` · ${t('coverage.team')}：${a.team}` : ''}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
