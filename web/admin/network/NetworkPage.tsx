// 网络: the unit tree on the left; the selected unit's details, actions and sites on the right.
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageState } from '../ui/PageState';
import { UnitTree } from './UnitTree';
import { UnitDetails } from './UnitDetails';
import { useNetworkTree } from './use-network';
import { CoverageAlert } from '../home/CoverageAlert';

export function NetworkPage() {
  const { t } = useTranslation();
  const tree = useNetworkTree();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit') ?? tree.roots[0]?.id;
  const select = (id: string) => setParams({ unit: id });

  if (tree.isPending) return <PageState loading />;
  if (tree.isError) return <PageState error={tree.error} onRetry={() => void tree.refetch()} />;
  if (tree.roots.length === 0) return <PageState empty={t('unit.noneInScope')} />;
  return (
    <>
      {/* The console's home page: warn when the coming week has stations without any activity. */}
      <CoverageAlert />
      <Row gutter={16} wrap={false}>
        <Col flex="400px" style={{ minWidth: 320 }}>
          <Card title={t('menu.network')} size="small" styles={{ body: { padding: 12 } }}>
            <UnitTree roots={tree.roots} selectedId={selectedId} onSelect={select} />
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {selectedId ? <UnitDetails key={selectedId} unitId={selectedId} onSelectUnit={select} /> : <PageState empty={t('unit.selectHint')} />}
        </Col>
      </Row>
    </>
  );
}
