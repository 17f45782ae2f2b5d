// Staff correct a volunteer's details (name, phone, home station, skills, availability). The ID number is not
// editable here: a wrong one means a different person, handled by de-duplication and merge.
import { App, Button, Checkbox, Drawer, Form, Input, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MOBILE_PATTERN } from '../../../common/mobile';
import { listSkillTags, updateVolunteer, type Slot, type VolunteerDetail } from '../../api/volunteers';
import { applyApiErrors } from '../ui/form-errors';
import { UnitPicker } from '../ui/UnitPicker';
import { VOLUNTEERS_KEY } from './volunteer-ui';

type Values = { name: string; phone: string; homeUnitId: string; skills: string[]; days: number[]; slots: Slot[] };

const known = ['name', 'phone', 'homeUnitId', 'skills', 'availability'] as const;

export function VolunteerEditDrawer({ volunteer: v, open, onClose }: { volunteer: VolunteerDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const tags = useQuery({ queryKey: ['skill-tags'], queryFn: listSkillTags, staleTime: 60_000, enabled: open });

  const save = useMutation({
    mutationFn: (x: Values) =>
      updateVolunteer(v.id, {
        name: x.name.trim(),
        phone: x.phone.trim(),
        homeUnitId: x.homeUnitId,
        skills: x.skills ?? [],
        availability: { days: x.days ?? [], slots: x.slots ?? [] },
      }),
    onSuccess: (updated) => {
      void message.success(t('common.saved'));
      qc.setQueryData([...VOLUNTEERS_KEY, 'detail', v.id], updated);
      void qc.invalidateQueries({ queryKey: [...VOLUNTEERS_KEY, 'list'] });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, known);
      if (rest) void message.error(rest);
    },
  });

  // Tags that were switched off stay on the people who have them.
  const options = [...new Set([...(tags.data?.items.filter((s) => s.active).map((s) => s.name) ?? []), ...v.skills])].map((s) => ({ value: s, label: s }));
  const required = { required: true, message: t('volunteers.entry.required') };
  return (
    <Drawer
      title={t('volunteers.edit.title', { name: v.name })}
      open={open}
      onClose={onClose}
      size={480}
      destroyOnHidden
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(x) => save.mutate(x)}
        initialValues={{ name: v.name, phone: v.phone, homeUnitId: v.homeUnit?.id, skills: v.skills, days: v.availability.days, slots: v.availability.slots }}
      >
        <Form.Item name="name" label={t('volunteers.fields.name')} rules={[required, { max: 50 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('volunteers.fields.phone')} rules={[required, { pattern: MOBILE_PATTERN, message: t('volunteers.entry.phoneInvalid') }]}>
          <Input inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item name="homeUnitId" label={t('volunteers.fields.homeUnit')} rules={[required]}>
          <UnitPicker aria-label={t('volunteers.fields.homeUnit')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="skills" label={t('volunteers.fields.skills')}>
          <Select mode="multiple" allowClear loading={tags.isPending} options={options} aria-label={t('volunteers.fields.skills')} />
        </Form.Item>
        <Form.Item name="days" label={t('volunteers.fields.days')}>
          <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`volunteers.days.${d}`) }))} />
        </Form.Item>
        <Form.Item name="slots" label={t('volunteers.fields.slots')}>
          <Checkbox.Group options={(['morning', 'afternoon', 'evening'] as const).map((s) => ({ value: s, label: t(`volunteers.slots.${s}`) }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
