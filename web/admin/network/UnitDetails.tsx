// One unit: its fields, what can be done to it (create child, edit, move, close / reopen, print codes), its sites.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { EditOutlined, FilePdfOutlined, PlusOutlined, PoweroffOutlined, RedoOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { formatDateTime } from '../ui/format';
import { PageState } from '../ui/PageState';
import { UnitFormModal } from './UnitFormModal';
import { MoveUnitModal } from './MoveUnitModal';
import { UnitSites } from './UnitSites';
import { TREE_KEY, useNetworkTree, useUnit } from './use-network';

type Dialog = null | 'create' | 'edit' | 'move';

export function UnitDetails({ unitId, onSelectUnit }: { unitId: string; onSelectUnit: (id: string) => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const unit = useUnit(unitId);
  const { byId } = useNetworkTree();
  const [dialog, setDialog] = useState<Dialog>(null);

  const setStatus = useMutation({
    mutationFn: (action: 'close' | 'reopen') => api<Unit>(`/api/units/${unitId}/${action}`, { method: 'POST' }),
    onSuccess: (_u, action) => {
      void message.success(action === 'close' ? t('unit.closedDone') : t('unit.reopenedDone'));
      void qc.invalidateQueries({ queryKey: TREE_KEY });
      void qc.invalidateQueries({ queryKey: ['unit', unitId] });
    },
    onError: (err) => void message.error(err.message),
  });

  if (unit.isPending) return <PageState loading />;
  if (unit.isError) return <PageState error={unit.error} onRetry={() => void unit.refetch()} />;
  const u = unit.data;
  // Moving, closing and reopening a unit take a role on its parent (the server checks it too); a unit whose
  // parent lies outside the caller's tree is the top of their scope.
  const parentInScope = !!u.parentId && byId.has(u.parentId);
  const dash = <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  const confirmClose = () =>
    modal.confirm({
      title: t('unit.closeConfirmTitle', { name: u.name }),
      content: t('unit.closeConfirmBody'),
      okText: t('unit.close'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => setStatus.mutateAsync('close'),
    });
  const confirmReopen = () =>
    modal.confirm({
      title: t('unit.reopenConfirmTitle', { name: u.name }),
      okText: t('unit.reopen'),
      cancelText: t('common.cancel'),
      onOk: () => setStatus.mutateAsync('reopen'),
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            <span>{u.name}</span>
            <Tag>{t(`levels.${u.level}`)}</Tag>
            <Tag color={u.status === 'active' ? 'green' : 'default'}>{t(`unit.status.${u.status}`)}</Tag>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }} aria-label={t('unit.actions')}>
          {u.level !== 'station' && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('create')} disabled={u.status === 'closed'}>
              {t('unit.createChild')}
            </Button>
          )}
          <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
            {t('common.edit')}
          </Button>
          {parentInScope && (
            <Button icon={<SwapOutlined />} onClick={() => setDialog('move')}>
              {t('unit.move')}
            </Button>
          )}
          {!parentInScope ? null : u.status === 'active' ? (
            <Button danger icon={<PoweroffOutlined />} onClick={confirmClose}>
              {t('unit.close')}
            </Button>
          ) : (
            <Button icon={<RedoOutlined />} onClick={confirmReopen}>
              {t('unit.reopen')}
            </Button>
          )}
          <Button icon={<FilePdfOutlined />} href={`/api/units/${u.id}/civic-code-sheet.pdf`} target="_blank" rel="noopener">
            {t('unit.printSheet')}
          </Button>
        </Space>
        <Descriptions size="small" column={2} bordered styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('unit.fields.code')}>{u.code}</Descriptions.Item>
          <Descriptions.Item label={t('unit.fields.level')}>{t(`levels.${u.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t('unit.fields.address')} span={2}>
            {u.address || dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('unit.fields.contactName')}>{u.contactName || dash}</Descriptions.Item>
          <Descriptions.Item label={t('unit.fields.contactPhone')}>{u.contactPhone || dash}</Descriptions.Item>
          <Descriptions.Item label={t('unit.fields.openingHours')}>{u.openingHours || dash}</Descriptions.Item>
          <Descriptions.Item label={t('unit.fields.coordinates')}>
            {u.lat != null && u.lng != null ? `${u.lat.toFixed(5)}, ${u.lng.toFixed(5)}` : dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('unit.fields.intro')} span={2}>
            {u.intro || dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('unit.fields.updatedAt')} span={2}>
            {formatDateTime(u.updatedAt)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <UnitSites unit={u} />
      {dialog === 'create' && (
        <UnitFormModal
          mode="create"
          parent={u}
          open
          onClose={(saved) => {
            setDialog(null);
            if (saved) onSelectUnit(saved.id);
          }}
        />
      )}
      {dialog === 'edit' && <UnitFormModal mode="edit" unit={u} open onClose={() => setDialog(null)} />}
      {dialog === 'move' && <MoveUnitModal unit={u} open onClose={() => setDialog(null)} />}
    </Space>
  );
}
