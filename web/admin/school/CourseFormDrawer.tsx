// Create or edit a course: organizing unit (on create), title, description, the qualification a pass grants and
// how many months it lasts, open or closed. Field messages from the API land on their fields.
import { useEffect, useMemo } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { schoolApi, type Course, type CourseStatus } from '../../api/school';
import { applyApiErrors } from '../ui/form-errors';
import { UnitPicker } from '../ui/UnitPicker';
import { useSignedIn } from '../auth/use-me';

type Values = { unitId?: string; title: string; description?: string; qualification?: string; validMonths?: number | null; status: CourseStatus };
const FIELDS = ['unitId', 'title', 'description', 'qualification', 'validMonths', 'status'] as const;

type Props = { open: boolean; course?: Course; onClose: (saved?: Course) => void };

export function CourseFormDrawer({ open, course, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const qualification = Form.useWatch('qualification', form);
  const me = useSignedIn();
  const units = useMemo(() => [...new Set(me.grants.map((g) => g.unitId))], [me]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (course) form.setFieldsValue({ title: course.title, description: course.description, qualification: course.qualification ?? '', validMonths: course.validMonths, status: course.status });
    // Most staff hold one role on one unit: that unit organizes their courses unless they pick another.
    else if (units.length === 1) form.setFieldsValue({ unitId: units[0] });
  }, [open, course, form, units]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const q = v.qualification?.trim() || null;
      const body = { title: v.title.trim(), description: v.description ?? '', qualification: q, validMonths: q ? (v.validMonths ?? null) : null, status: v.status };
      return course ? schoolApi.updateCourse(course.id, body) : schoolApi.createCourse({ ...body, unitId: v.unitId! });
    },
    onSuccess: (saved) => {
      void message.success(course ? t('common.saved') : t('school.course.created'));
      void qc.invalidateQueries({ queryKey: ['school'] });
      onClose(saved);
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, FIELDS);
      if (rest) void message.error(rest);
    },
  });

  return (
    <Drawer
      open={open}
      size={520}
      title={course ? t('school.course.editTitle', { title: course.title }) : t('school.course.create')}
      onClose={() => onClose()}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ status: 'open' }} onFinish={(v) => save.mutate(v)}>
        {!course && (
          <Form.Item name="unitId" label={t('school.course.fields.unit')} rules={[{ required: true, message: t('common.required') }]}>
            <UnitPicker />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('school.course.fields.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('school.course.fields.description')}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="qualification" label={t('school.course.fields.qualification')} extra={t('school.course.qualificationHelp')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="validMonths" label={t('school.course.fields.validMonths')} extra={t('school.course.validMonthsHelp')}>
          <InputNumber min={1} max={600} precision={0} disabled={!qualification?.trim()} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="status" label={t('school.course.fields.status')}>
          <Radio.Group
            optionType="button"
            options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`school.course.status.${s}`) }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
