// 地图: a schematic of every site in scope plotted from its coordinates (no map tiles: the deployment may have
// no internet), coloured by institute; hover or focus names a site, click shows it beside the map.
import { useMemo, useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageState } from '../ui/PageState';
import { useNetworkTree } from '../network/use-network';
import { instituteOf, shortUnitName } from '../network/unit-tree';
import { siteStatusColor } from '../sites/site-status';
import { useKindLabel } from '../sites/use-kind-label';
import { palette } from './map-projection';
import { SiteMap, type Plotted } from './SiteMap';
import { useAllSites } from './use-all-sites';

const OTHER = '#8c8c8c';

export function MapPage() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const tree = useNetworkTree();
  const sites = useAllSites();
  const [hover, setHover] = useState<Plotted | null>(null);
  const [selected, setSelected] = useState<Plotted | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);

  const { points, groups, labels, missing } = useMemo(() => {
    const institutes = tree.units.filter((u) => u.level === 'institute');
    const colorOf = new Map(institutes.map((u, i) => [u.id, palette[i % palette.length]]));
    const groups = new Map<string, { name: string; fullName: string; color: string; count: number; lng: number; top: number }>();
    const points: Plotted[] = [];
    let missing = 0;
    for (const s of sites.data ?? []) {
      if (s.lat == null || s.lng == null) {
        missing++;
        continue;
      }
      const inst = instituteOf(s.unitId, tree.byId);
      const group = inst?.id ?? 'other';
      const color = inst ? colorOf.get(inst.id) ?? OTHER : OTHER;
      const name = inst?.name ?? t('map.otherGroup');
      const g = groups.get(group) ?? { name: shortUnitName(name), fullName: name, color, count: 0, lng: 0, top: -90 };
      g.count++;
      g.lng += s.lng;
      g.top = Math.max(g.top, s.lat);
      groups.set(group, g);
      points.push({ site: { ...s, lat: s.lat, lng: s.lng }, color, group });
    }
    const labels = [...groups.entries()]
      .filter(([k]) => k !== 'other')
      .map(([, g]) => ({ name: g.name, color: g.color, lat: g.top, lng: g.lng / g.count }));
    return { points, groups, labels, missing };
  }, [sites.data, tree.units, tree.byId, t]);

  if (tree.isPending || sites.isPending) return <PageState loading />;
  if (tree.isError || sites.isError) return <PageState error={tree.error ?? sites.error} onRetry={() => void sites.refetch()} />;
  if (points.length === 0) return <PageState empty={t('map.noPoints')} />;
  const shown = selected ?? hover;

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Card size="small" title={t('menu.map')} extra={<Typography.Text type="secondary">{t('map.summary', { n: points.length, missing })}</Typography.Text>}>
          <SiteMap points={points} labels={labels} selectedId={selected?.site.id} highlight={highlight} onHover={setHover} onSelect={setSelected} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('map.hint')}
          </Typography.Text>
        </Card>
      </Col>
      <Col flex="300px">
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={shown ? shown.site.name : t('map.pickSite')} aria-live="polite">
            {shown ? (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('site.fields.kind')}>{kindLabel(shown.site.kind)}</Descriptions.Item>
                <Descriptions.Item label={t('site.fields.unit')}>{shown.site.unitName}</Descriptions.Item>
                <Descriptions.Item label={t('site.fields.address')}>{shown.site.address || t('common.notSet')}</Descriptions.Item>
                <Descriptions.Item label={t('site.fields.openingHours')}>{shown.site.openingHours || t('common.notSet')}</Descriptions.Item>
                <Descriptions.Item label={t('site.fields.status')}>
                  <Tag color={siteStatusColor[shown.site.status]}>{t(`site.status.${shown.site.status}`)}</Tag>
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('map.pickSiteHint')}</Typography.Text>
            )}
            {selected && (
              <Link to={`/sites?q=${encodeURIComponent(selected.site.name)}`}>
                <Button size="small" style={{ marginTop: 8 }}>{t('map.openInSites')}</Button>
              </Link>
            )}
          </Card>
          <Card size="small" title={t('map.legend')}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              {[...groups.entries()].map(([key, g]) => (
                <Button
                  key={key}
                  type={highlight === key ? 'primary' : 'text'}
                  ghost={highlight === key}
                  size="small"
                  block
                  aria-pressed={highlight === key}
                  onClick={() => setHighlight((h) => (h === key ? null : key))}
                  style={{ justifyContent: 'flex-start' }}
                  title={g.fullName}
                >
                  <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: g.color, marginInlineEnd: 6 }} />
                  {g.name}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
                    {g.count}
                  </Typography.Text>
                </Button>
              ))}
            </Space>
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
