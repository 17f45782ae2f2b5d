// The skill / specialty tag list volunteers choose from. Everyone sees it; district admins add, rename
// (inline), re-order and retire tags.
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createSkillTag, listSkillTags, updateSkillTag, type SkillTag } from '../../api/volunteers';
import { applyApiErrors } from '../ui/form-errors';
import { PageState } from '../ui/PageState';
import { useSignedIn } from '../auth/use-me';
import { mayDoAtCenter } from './volunteer-ui';

type NewTag = { name: string; category: 'skill' | 'specialty'; sort?: number };

export function SkillTagsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedIn();
  const qc = useQueryClient();
  const [form] = Form.useForm<NewTag>();
  const manage = mayDoAtCenter(me, 'volunteer.manage');
  const tags = useQuery({ queryKey: ['skill-tags'], queryFn: listSkillTags, enabled: open });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['skill-tags'] });

  const add = useMutation({
    mutationFn: createSkillTag,
    onSuccess: () => {
      void message.success(t('volunteers.tags.added'));
      form.resetFields();
      refresh();
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, ['name', 'category', 'sort']);
      if (rest) void message.error(rest);
    },
  });
  const update = useMutation({
    mutationFn: (o: { id: string; changes: Partial<Omit<SkillTag, 'id'>> }) => updateSkillTag(o.id, o.changes),
    onSuccess: () => {
      void message.success(t('volunteers.tags.updated'));
      refresh();
    },
    onError: (err) => {
      void message.error(err.message);
      refresh();
    },
  });

  return (
    <Modal title={t('volunteers.tags.title')} open={open} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">{manage ? t('volunteers.tags.hint') : `${t('volunteers.tags.hint')} ${t('volunteers.tags.onlyCenter')}`}</Typography.Paragraph>
      {manage && (
        <Form<NewTag> form={form} layout="inline" onFinish={(v) => add.mutate(v)} initialValues={{ category: 'skill' }} style={{ marginBottom: 12 }}>
          <Form.Item name="name" rules={[{ required: true, message: t('volunteers.entry.required') }, { max: 30 }]}>
            <Input placeholder={t('volunteers.tags.name')} aria-label={t('volunteers.tags.name')} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="category">
            <Select
              aria-label={t('volunteers.tags.category')}
              style={{ width: 100 }}
              options={(['skill', 'specialty'] as const).map((c) => ({ value: c, label: t(`volunteers.tags.categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="sort">
            <InputNumber min={0} max={10000} placeholder={t('volunteers.tags.sort')} aria-label={t('volunteers.tags.sort')} style={{ width: 90 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
            {t('volunteers.tags.add')}
          </Button>
        </Form>
      )}
      {tags.isError ? (
        <PageState error={tags.error} onRetry={() => void tags.refetch()} />
      ) : (
        <Table<SkillTag>
          size="small"
          rowKey="id"
          loading={tags.isPending}
          dataSource={tags.data?.items ?? []}
          pagination={false}
          scroll={{ y: 360 }}
          columns={[
            {
              title: t('volunteers.tags.name'),
              dataIndex: 'name',
              render: (name: string, tag) =>
                manage ? (
                  <Typography.Text editable={{ onChange: (next) => next.trim() && next.trim() !== name && update.mutate({ id: tag.id, changes: { name: next.trim() } }) }}>{name}</Typography.Text>
                ) : (
                  name
                ),
            },
            { title: t('volunteers.tags.category'), dataIndex: 'category', width: 90, render: (c: string) => <Tag>{t(`volunteers.tags.categories.${c}`)}</Tag> },
            { title: t('volunteers.tags.sort'), dataIndex: 'sort', width: 70 },
            {
              title: t('volunteers.tags.active'),
              dataIndex: 'active',
              width: 80,
              render: (active: boolean, tag) => (
                <Space>
                  <Switch size="small" checked={active} disabled={!manage} aria-label={`${t('volunteers.tags.active')} ${tag.name}`} onChange={(v) => update.mutate({ id: tag.id, changes: { active: v } })} />
                </Space>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
