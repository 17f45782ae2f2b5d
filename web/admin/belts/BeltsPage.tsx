// 实践带: the themed routes of sites. Pick a belt to see its description and edit its ordered stops.
import { useState } from 'react';
import { Button, Card, Col, Descriptions, Menu, Row, Space, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { Belt } from '../../api/types';
import { PageState } from '../ui/PageState';
import { BeltFormModal } from './BeltFormModal';
import { BeltStopsEditor } from './BeltStopsEditor';

export function BeltsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<null | 'create' | 'edit'>(null);
  const belts = useQuery({
    queryKey: ['belts'],
    // The list may come bare or wrapped as {items}; both are accepted.
    queryFn: async () => {
      const data = await api<Belt[] | { items: Belt[] }>('/api/belts', { query: { limit: 100 } });
      return Array.isArray(data) ? data : data.items;
    },
  });
  if (belts.isPending) return <PageState loading />;
  if (belts.isError) return <PageState error={belts.error} onRetry={() => void belts.refetch()} />;
  const selected = belts.data.find((b) => b.id === params.get('belt')) ?? belts.data[0];

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="300px">
        <Card
          size="small"
          title={t('menu.belts')}
          extra={
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
              {t('belt.create')}
            </Button>
          }
          styles={{ body: { padding: 0 } }}
        >
          {belts.data.length === 0 ? (
            <PageState empty={t('belt.none')} />
          ) : (
            <Menu
              aria-label={t('menu.belts')}
              selectedKeys={selected ? [selected.id] : []}
              items={belts.data.map((b) => ({ key: b.id, label: `${b.name}（${b.stops.length}）` }))}
              onClick={(e) => setParams({ belt: e.key })}
              style={{ borderInlineEnd: 'none' }}
            />
          )}
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {selected ? (
          <Card
            size="small"
            title={
              <Space>
                {selected.name}
                <Tag color="red">{selected.theme}</Tag>
              </Space>
            }
            extra={
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            }
          >
            <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('belt.fields.description')}>{selected.description || t('common.notSet')}</Descriptions.Item>
              <Descriptions.Item label={t('belt.fields.stops')}>{t('belt.stopCount', { n: selected.stops.length })}</Descriptions.Item>
            </Descriptions>
            <BeltStopsEditor key={selected.id} belt={selected} />
          </Card>
        ) : (
          <PageState empty={t('belt.none')} />
        )}
      </Col>
      <BeltFormModal
        open={dialog !== null}
        belt={dialog === 'edit' ? selected : undefined}
        onClose={(saved) => {
          setDialog(null);
          if (saved) setParams({ belt: saved.id });
        }}
      />
    </Row>
  );
}
