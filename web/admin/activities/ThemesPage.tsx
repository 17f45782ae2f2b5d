// 月度主题: the center's theme for each month of a year (月月有主题), as a 12-month grid. District admins set a
// month's theme (modal) or remove it (after a confirmation; the server refuses while activities use it); other
// staff read it to plan their activities.
import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Row, Space, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import dayjs from 'dayjs';
import { deleteTheme, listThemes, putTheme, type Theme } from '../../api/activities';
import { useSignedIn } from '../auth/use-me';
import { applyApiErrors } from '../ui/form-errors';
import { PageState } from '../ui/PageState';
import { useUrlFilters } from '../ui/use-url-filters';
import { isThemeManager, THEMES_KEY } from './activity-ui';

export function ThemesPage() {
  return (
    <Routes>
      <Route index element={<ThemeYear />} />
      <Route path="*" element={<PageState notFound />} />
    </Routes>
  );
}

function ThemeYear() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const me = useSignedIn();
  const manager = isThemeManager(me);
  const [filters, setFilter] = useUrlFilters(['year'] as const);
  const year = /^\d{4}$/.test(filters.year) ? Number(filters.year) : dayjs().year();
  const q = useQuery({ queryKey: [...THEMES_KEY, `${year}-01`], queryFn: () => listThemes(`${year}-01`, `${year}-12`) });
  const [editing, setEditing] = useState<{ month: string; theme?: Theme } | null>(null);
  const remove = useMutation({
    mutationFn: (month: string) => deleteTheme(month),
    onSuccess: () => {
      void message.success(t('activities.themes.deleted'));
      void qc.invalidateQueries({ queryKey: THEMES_KEY });
    },
    onError: (err) => void message.error(err.message),
  });
  const confirmDelete = (theme: Theme) =>
    modal.confirm({
      title: t('activities.themes.deleteTitle', { month: theme.month, title: theme.title }),
      content: t('activities.themes.deleteBody'),
      okText: t('activities.themes.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(theme.month),
    });

  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const thisMonth = dayjs().format('YYYY-MM');
  return (
    <Card
      title={t('menu.themes')}
      size="small"
      extra={
        <Space>
          <Button icon={<LeftOutlined />} onClick={() => setFilter('year', String(year - 1))} aria-label={t('activities.themes.prevYear')} />
          <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setFilter('year', String(v))} aria-label={t('activities.themes.year')} style={{ width: 90 }} />
          <Button icon={<RightOutlined />} onClick={() => setFilter('year', String(year + 1))} aria-label={t('activities.themes.nextYear')} />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{manager ? t('activities.themes.hintManager') : t('activities.themes.hintReader')}</Typography.Paragraph>
      {q.isError ? (
        <PageState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.isPending ? (
        <PageState loading />
      ) : (
        <Row gutter={[12, 12]} role="list" aria-label={t('activities.themes.gridLabel', { year })}>
          {months.map((m) => {
            const theme = q.data.items.find((x) => x.month === m);
            return (
              <Col key={m} xs={24} sm={12} md={8} xl={6} role="listitem">
                <Card
                  size="small"
                  title={t('activities.themes.monthTitle', { month: Number(m.slice(5)) })}
                  style={{ height: '100%', borderColor: m === thisMonth ? '#c8161d' : undefined }}
                  styles={{ body: { minHeight: 96 } }}
                  extra={
                    manager && (
                      <Space size={0}>
                        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing({ month: m, theme })} aria-label={`${t('activities.themes.edit')} ${m}`}>
                          {theme ? t('common.edit') : t('activities.themes.set')}
                        </Button>
                        {theme && <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(theme)} aria-label={`${t('activities.themes.delete')} ${m}`} />}
                      </Space>
                    )
                  }
                >
                  {theme ? (
                    <>
                      <Typography.Text strong>{theme.title}</Typography.Text>
                      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, tooltip: theme.description }} style={{ marginTop: 4, marginBottom: 0 }}>
                        {theme.description}
                      </Typography.Paragraph>
                    </>
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.themes.none')} style={{ margin: 0 }} />
                  )}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      <ThemeModal target={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function ThemeModal({ target, onClose }: { target: { month: string; theme?: Theme } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ title: string; description?: string }>();
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ title: target.theme?.title, description: target.theme?.description });
  }, [target, form]);
  const save = useMutation({
    mutationFn: (v: { title: string; description?: string }) => putTheme(target!.month, { title: v.title.trim(), description: v.description ?? '' }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: THEMES_KEY });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, ['title', 'description']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal
      open={!!target}
      title={t('activities.themes.editTitle', { month: target?.month ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label={t('activities.themes.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('activities.fields.description')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
