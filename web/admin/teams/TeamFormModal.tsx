// Create or edit a team. Staff choose the unit and whether the team is a unit's own or an outside
// organization's; a team leader edits only the introduction, contact and specialty. API field messages land on
// their fields.
import { useEffect } from 'react';
import { App, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { teamPaths, type Team, type TeamInput } from '../../api/teams';
import { applyApiErrors } from '../ui/form-errors';
import { UnitPicker } from '../ui/UnitPicker';
import { TEAMS_KEY, useTeamLabels } from './team-labels';

type Values = Required<Pick<TeamInput, 'name' | 'kind' | 'unitId' | 'specialty'>> & TeamInput;
const FIELDS = ['name', 'kind', 'unitId', 'orgName', 'orgType', 'specialty', 'intro', 'contactName', 'contactPhone'] as const;

type Props = { open: boolean; team?: Team; staff: boolean; defaultUnitId?: string; onClose: (saved?: Team) => void };

export function TeamFormModal({ open, team, staff, defaultUnitId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const labels = useTeamLabels();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (team) form.setFieldsValue({ ...team, orgName: team.orgName ?? undefined, orgType: team.orgType ?? undefined });
    else form.setFieldsValue({ kind: 'unit', unitId: defaultUnitId });
  }, [open, team, defaultUnitId, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const details = { specialty: v.specialty, intro: v.intro ?? '', contactName: v.contactName ?? '', contactPhone: v.contactPhone ?? '' };
      const org = v.kind === 'organization' ? { orgName: v.orgName?.trim() ?? '', orgType: v.orgType } : {};
      if (!team) return api<Team>(teamPaths.list, { body: { name: v.name.trim(), kind: v.kind, unitId: v.unitId, ...org, ...details } });
      const body = staff
        ? { name: v.name.trim(), kind: v.kind, unitId: v.unitId, ...(v.kind === 'organization' ? org : { orgName: null, orgType: null }), ...details }
        : details;
      return api<Team>(teamPaths.one(team.id), { method: 'PATCH', body });
    },
    onSuccess: (saved) => {
      void message.success(team ? t('common.saved') : t('teams.created'));
      void qc.invalidateQueries({ queryKey: TEAMS_KEY });
      onClose(saved);
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, FIELDS);
      if (rest) void message.error(rest);
    },
  });

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <Modal
      open={open}
      width={640}
      title={team ? t('teams.editTitle', { name: team.name }) : t('teams.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={save.isPending}>
        <Form.Item name="name" label={t('teams.fields.name')} rules={required}>
          <Input maxLength={60} disabled={!staff} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('teams.fields.kind')} rules={[{ required: true }]}>
              <Radio.Group disabled={!staff} options={(['unit', 'organization'] as const).map((k) => ({ value: k, label: t(`teams.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="specialty" label={t('teams.fields.specialty')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={labels.specialties} aria-label={t('teams.fields.specialty')} />
            </Form.Item>
          </Col>
        </Row>
        {staff ? (
          <Form.Item name="unitId" label={kind === 'organization' ? t('teams.fields.overseeingUnit') : t('teams.fields.unit')} rules={[{ required: true, message: t('common.required') }]}>
            <UnitPicker aria-label={t('teams.fields.unit')} />
          </Form.Item>
        ) : (
          <Form.Item label={t('teams.fields.unit')}>
            <Input disabled value={team?.unitName} />
          </Form.Item>
        )}
        {kind === 'organization' && (
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item name="orgName" label={t('teams.fields.orgName')} rules={required}>
                <Input maxLength={100} disabled={!staff} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="orgType" label={t('teams.fields.orgType')} rules={[{ required: true, message: t('common.required') }]}>
                <Select options={labels.orgTypes} disabled={!staff} aria-label={t('teams.fields.orgType')} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="contactName" label={t('teams.fields.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label={t('teams.fields.contactPhone')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="intro" label={t('teams.fields.intro')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
