// The district's star level thresholds (hours for one to five stars), each higher than the one before. A change
// applies to everyone from then on, so it is saved only after a confirmation.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { getStarLevels, putStarLevels } from '../../api/records';
import { applyApiErrors } from '../ui/form-errors';
import { PageState } from '../ui/PageState';
import { STARS_KEY } from './hours-ui';

const LEVELS = [1, 2, 3, 4, 5] as const;
type Values = Record<`l${(typeof LEVELS)[number]}`, number | null>;
const field = (level: number) => `l${level}` as keyof Values;

export function StarLevelsCard() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const q = useQuery({ queryKey: [...STARS_KEY, 'levels'], queryFn: ({ signal }) => getStarLevels(signal) });
  const current = q.data?.levels;
  useEffect(() => {
    if (current) form.setFieldsValue(Object.fromEntries(current.map((l) => [field(l.level), l.minHours])) as Values);
  }, [current, form]);

  const save = useMutation({
    mutationFn: (v: Values) => putStarLevels(LEVELS.map((level) => ({ level, minHours: v[field(level)]! }))),
    onSuccess: (saved) => {
      setFailure(null);
      qc.setQueryData([...STARS_KEY, 'levels'], saved);
      void qc.invalidateQueries({ queryKey: STARS_KEY });
      void message.success(t('records.levels.saved'));
    },
    onError: (err) => {
      setFailure(applyApiErrors(form, err, []));
      // "body.levels.2.minHours" is the third level's field.
      if (err instanceof ApiError)
        form.setFields(
          err.fields.flatMap((f) => {
            const m = /levels\.(\d)/.exec(f.field);
            return m ? [{ name: field(Number(m[1]) + 1), errors: [f.message] }] : [];
          }),
        );
    },
  });
  const submit = (v: Values) =>
    modal.confirm({
      title: t('records.levels.confirmTitle'),
      content: t('records.levels.confirmBody', { levels: LEVELS.map((l) => t('records.stars.levelAt', { level: l, hours: v[field(l)] })).join(t('records.stars.separator')) }),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutateAsync(v).catch(() => undefined),
    });

  return (
    <Card title={t('records.levels.title')} size="small">
      {q.isPending ? (
        <PageState loading />
      ) : q.isError ? (
        <PageState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('records.levels.hint')}</Typography.Paragraph>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
          <Form<Values> form={form} layout="inline" onFinish={submit} aria-label={t('records.levels.title')}>
            {LEVELS.map((level) => (
              <Form.Item
                key={level}
                name={field(level)}
                label={t('records.stars.levelName', { n: level })}
                dependencies={level > 1 ? [field(level - 1)] : []}
                style={{ marginBottom: 12 }}
                rules={[
                  { required: true, message: t('records.levels.required') },
                  ({ getFieldValue }) => ({
                    validator: async (_, v: number | null) => {
                      const before = level > 1 ? (getFieldValue(field(level - 1)) as number | null) : null;
                      if (v != null && before != null && v <= before) throw new Error(t('records.levels.increasing', { level: level - 1, hours: before }));
                    },
                  }),
                ]}
              >
                <InputNumber min={1} max={100000} precision={0} suffix={t('records.levels.hoursUnit')} style={{ width: 130 }} aria-label={t('records.levels.inputLabel', { n: level })} />
              </Form.Item>
            ))}
            <Form.Item style={{ marginBottom: 12 }}>
              <Space>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('common.save')}
                </Button>
                <Button onClick={() => current && form.setFieldsValue(Object.fromEntries(current.map((l) => [field(l.level), l.minHours])) as Values)}>{t('common.reset')}</Button>
              </Space>
            </Form.Item>
          </Form>
        </>
      )}
    </Card>
  );
}
