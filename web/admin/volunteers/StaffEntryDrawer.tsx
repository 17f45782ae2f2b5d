// 代为登记: staff register someone without a smartphone. The ID number is checked as it is typed (the same rule
// as the server, common/id-card.ts) and shows what it says (gender, birth date, age); under-14s need a guardian.
import { App, Alert, Button, Checkbox, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ageOn, GUARDIAN_CONSENT_AGE, idCardInfo, idNumberProblem, MINOR_AGE } from '../../../common/id-card';
import { consentTexts } from '../../../common/consents';
import { MOBILE_PATTERN } from '../../../common/mobile';
import { createVolunteer, type SkillTag, type Slot, type StaffEntryInput, type VolunteerDetail } from '../../api/volunteers';
import { applyApiErrors } from '../ui/form-errors';
import { UnitPicker } from '../ui/UnitPicker';
import { VOLUNTEERS_KEY } from './volunteer-ui';

type Values = {
  name: string;
  phone: string;
  idNumber: string;
  skills?: string[];
  days?: number[];
  slots?: Slot[];
  homeUnitId: string;
  guardianName?: string;
  guardianPhone?: string;
  guardianRelation?: string;
  paperConsent?: boolean;
};

const known = ['name', 'phone', 'idNumber', 'skills', 'homeUnitId', 'guardian', 'guardianName', 'guardianPhone', 'guardianRelation'] as const;

/** What a valid ID number says about its holder, or null while it is not valid. */
function idFacts(raw: string | undefined): { gender: 'male' | 'female'; birthDate: string; age: number } | null {
  if (!raw || idNumberProblem(raw)) return null;
  const info = idCardInfo(raw);
  return { ...info, age: ageOn(info.birthDate, new Date()) };
}

export function StaffEntryDrawer({ open, onClose, onCreated, skills }: { open: boolean; onClose: () => void; onCreated: (v: VolunteerDetail) => void; skills: SkillTag[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const idNumber = Form.useWatch('idNumber', form);
  const facts = idFacts(idNumber);
  const needsGuardian = facts !== null && facts.age < GUARDIAN_CONSENT_AGE;

  const create = useMutation({
    mutationFn: (v: Values) => {
      const input: StaffEntryInput = {
        name: v.name.trim(),
        phone: v.phone.trim(),
        idNumber: v.idNumber.trim(),
        skills: v.skills ?? [],
        availability: { days: v.days ?? [], slots: v.slots ?? [] },
        homeUnitId: v.homeUnitId,
        ...(needsGuardian
          ? { guardian: { name: v.guardianName!.trim(), phone: v.guardianPhone!.trim(), relation: v.guardianRelation!.trim(), consentVersion: consentTexts.guardian.version } }
          : {}),
      };
      return createVolunteer(input);
    },
    onSuccess: (v) => {
      void message.success(t('volunteers.entry.created', { number: v.number }));
      void qc.invalidateQueries({ queryKey: VOLUNTEERS_KEY });
      form.resetFields();
      onClose();
      onCreated(v);
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, known);
      if (rest) void message.error(rest);
    },
  });

  const required = { required: true, message: t('volunteers.entry.required') };
  return (
    <Drawer
      title={t('volunteers.entry.title')}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      extra={
        <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
          {t('volunteers.entry.submit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('volunteers.entry.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => create.mutate(v)} requiredMark>
        <Form.Item name="name" label={t('volunteers.fields.name')} rules={[required, { max: 50 }]}>
          <Input placeholder={t('volunteers.entry.namePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('volunteers.fields.phone')} rules={[required, { pattern: MOBILE_PATTERN, message: t('volunteers.entry.phoneInvalid') }]}>
          <Input placeholder={t('volunteers.entry.phonePlaceholder')} inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('volunteers.fields.idNumber')}
          validateFirst
          rules={[
            required,
            {
              validator: async (_, v: string | undefined) => {
                const problem = v ? idNumberProblem(v) : null;
                if (problem) throw new Error(problem);
              },
            },
          ]}
          extra={facts ? t('volunteers.entry.idDerived', { gender: t(`volunteers.gender.${facts.gender}`), birthDate: facts.birthDate, age: facts.age }) : undefined}
        >
          <Input placeholder={t('volunteers.entry.idPlaceholder')} maxLength={18} autoComplete="off" />
        </Form.Item>
        {facts && facts.age < MINOR_AGE && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={needsGuardian ? t('volunteers.entry.guardianNeeded') : t('volunteers.entry.minorNote')} />}
        {needsGuardian && (
          <Space.Compact block style={{ marginBottom: 8 }}>
            <Form.Item name="guardianName" label={t('volunteers.entry.guardianName')} rules={[required]} style={{ flex: 1 }}>
              <Input />
            </Form.Item>
            <Form.Item name="guardianPhone" label={t('volunteers.entry.guardianPhone')} rules={[required, { pattern: MOBILE_PATTERN, message: t('volunteers.entry.phoneInvalid') }]} style={{ flex: 1 }}>
              <Input maxLength={11} inputMode="numeric" />
            </Form.Item>
            <Form.Item name="guardianRelation" label={t('volunteers.entry.guardianRelation')} rules={[required]} style={{ flex: 1 }}>
              <Input placeholder={t('volunteers.entry.relationPlaceholder')} />
            </Form.Item>
          </Space.Compact>
        )}
        <Form.Item name="homeUnitId" label={t('volunteers.fields.homeUnit')} rules={[required]}>
          <UnitPicker placeholder={t('volunteers.entry.homePlaceholder')} aria-label={t('volunteers.fields.homeUnit')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="skills" label={t('volunteers.fields.skills')}>
          <Select mode="multiple" allowClear options={skills.filter((s) => s.active).map((s) => ({ value: s.name, label: s.name }))} aria-label={t('volunteers.fields.skills')} />
        </Form.Item>
        <Form.Item name="days" label={t('volunteers.fields.days')}>
          <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`volunteers.days.${d}`) }))} />
        </Form.Item>
        <Form.Item name="slots" label={t('volunteers.fields.slots')}>
          <Checkbox.Group options={(['morning', 'afternoon', 'evening'] as const).map((s) => ({ value: s, label: t(`volunteers.slots.${s}`) }))} />
        </Form.Item>
        <Form.Item
          name="paperConsent"
          valuePropName="checked"
          rules={[{ validator: async (_, v) => { if (!v) throw new Error(t('volunteers.entry.paperConsentRequired')); } }]}
        >
          <Checkbox>{t('volunteers.entry.paperConsent', { version: consentTexts.id_processing.version })}</Checkbox>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
