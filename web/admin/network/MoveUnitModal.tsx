// Move a unit under a new parent; its code must then extend the new parent's code.
import { useMemo, useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import type { UnitLevel } from '../../../common/roles';
import { applyApiErrors } from '../ui/form-errors';
import { UnitPicker } from '../ui/UnitPicker';
import { TREE_KEY, useNetworkTree } from './use-network';
import { nextChildCode, type UnitNode } from './unit-tree';

type Values = { parentId: string; code: string };
const parentLevel: Record<UnitLevel, UnitLevel[]> = { center: [], institute: ['center'], station: ['institute'] };

export function MoveUnitModal({ unit, open, onClose }: { unit: Unit; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { byId } = useNetworkTree();
  const [form] = Form.useForm<Values>();
  const parentId = Form.useWatch('parentId', form);
  const parent = parentId ? byId.get(parentId) : undefined;

  const ownSubtree = useMemo(() => {
    const ids = new Set<string>();
    const walk = (n: UnitNode | undefined) => {
      if (!n) return;
      ids.add(n.id);
      n.children.forEach(walk);
    };
    walk(byId.get(unit.id));
    if (unit.parentId) ids.add(unit.parentId);
    return ids;
  }, [byId, unit.id, unit.parentId]);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const onParentChange = (id: string | undefined) => {
    const p = id ? byId.get(id) : undefined;
    // Suggest the first free code under the new parent; the user may change it.
    if (p) form.setFieldsValue({ code: nextChildCode(p) });
  };

  const move = useMutation({
    mutationFn: (v: Values) => api<Unit>(`/api/units/${unit.id}/move`, { body: v }),
    onSuccess: () => {
      void message.success(t('unit.moved'));
      void qc.invalidateQueries({ queryKey: TREE_KEY });
      void qc.invalidateQueries({ queryKey: ['unit'] });
      void qc.invalidateQueries({ queryKey: ['sites'] });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, ['parentId', 'code']);
      if (rest) void message.error(rest);
    },
  });

  return (
    <Modal
      open={open}
      title={t('unit.moveTitle', { name: unit.name })}
      okText={t('unit.move')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => move.mutate(v)} preserve={false}>
        <Form.Item name="parentId" label={t('unit.newParent')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitPicker disabledIds={ownSubtree} levels={parentLevel[unit.level]} onChange={onParentChange} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('unit.newCode')}
          extra={parent ? t('unit.codeHint', { parent: parent.code }) : undefined}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^\d+$/, message: t('unit.codeDigits') },
            {
              validator: (_, v: string) =>
                !v || !parent || (v.startsWith(parent.code) && v.length > parent.code.length)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('unit.codeHint', { parent: parent.code }))),
            },
          ]}
        >
          <Input inputMode="numeric" maxLength={24} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
