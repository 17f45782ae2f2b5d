// 待审核: activities submitted by units below the reviewer's units whose settings ask for review, with approve /
// reject (with a note); and the switch that makes a unit below need review (the level above decides).
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { activityPaths, getUnitSettings, putUnitSettings, reviewActivity, type ActivityRow } from '../../api/activities';
import { useSignedIn } from '../auth/use-me';
import { useNetworkTree } from '../network/use-network';
import { PageState } from '../ui/PageState';
import { UnitPicker } from '../ui/UnitPicker';
import { ACTIVITIES_KEY, timeRange, useActivityLabels } from './activity-ui';

export function ReviewQueue() {
  const { t } = useTranslation();
  const labels = useActivityLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [deciding, setDeciding] = useState<{ activity: ActivityRow; decision: 'approve' | 'reject' } | null>(null);
  const q = useQuery({ queryKey: [...ACTIVITIES_KEY, 'review-queue'], queryFn: ({ signal }) => api<Page<ActivityRow>>(activityPaths.reviewQueue, { signal }) });
  const approve = useMutation({
    mutationFn: (a: ActivityRow) => reviewActivity(a.id, 'approve'),
    onSuccess: () => {
      void message.success(t('activities.review.approved'));
      void qc.invalidateQueries({ queryKey: ACTIVITIES_KEY });
    },
    onError: (err) => void message.error(err.message),
  });

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <ReviewSetting />
      {q.isError ? (
        <PageState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<ActivityRow>
          size="small"
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <PageState empty={q.isPending ? t('common.loading') : t('activities.review.none')} /> }}
          scroll={{ x: 1000 }}
          columns={[
            { title: t('activities.fields.title'), dataIndex: 'title', ellipsis: true, render: (title: string, a) => <Link to={a.id}>{title}</Link> },
            { title: t('activities.fields.time'), key: 'time', width: 190, render: (_, a) => timeRange(a.startsAt, a.endsAt) },
            { title: t('activities.fields.topic'), dataIndex: 'topic', width: 150, ellipsis: true, render: (k: string) => labels.topic(k) },
            { title: t('activities.fields.unit'), key: 'unit', width: 200, ellipsis: true, render: (_, a) => a.unit.name },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 160,
              fixed: 'right',
              render: (_, a) => (
                <Space size={4}>
                  <Button size="small" type="primary" loading={approve.isPending && approve.variables?.id === a.id} onClick={() => approve.mutate(a)} aria-label={`${t('activities.review.approve')} ${a.title}`}>
                    {t('activities.review.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ activity: a, decision: 'reject' })} aria-label={`${t('activities.review.reject')} ${a.title}`}>
                    {t('activities.review.reject')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      <ReviewModal target={deciding} onClose={() => setDeciding(null)} />
    </Space>
  );
}

/** Approve or reject one activity, with a note (required when rejecting: the unit must know what to change). */
export function ReviewModal({ target, onClose }: { target: { activity: { id: string; title: string }; decision: 'approve' | 'reject' } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const reject = target?.decision === 'reject';
  const decide = useMutation({
    mutationFn: (note: string | undefined) => reviewActivity(target!.activity.id, target!.decision, note?.trim() || undefined),
    onSuccess: () => {
      void message.success(t(reject ? 'activities.review.rejected' : 'activities.review.approved'));
      void qc.invalidateQueries({ queryKey: ACTIVITIES_KEY });
      onClose();
    },
    onError: (err) => void message.error(err.message),
  });
  return (
    <Modal
      open={!!target}
      title={t(reject ? 'activities.review.rejectTitle' : 'activities.review.approveTitle', { title: target?.activity.title ?? '' })}
      okText={t(reject ? 'activities.review.reject' : 'activities.review.approve')}
      okButtonProps={{ danger: reject }}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => decide.mutate(v.note)}>
        <Form.Item name="note" label={t('activities.review.note')} rules={reject ? [{ required: true, whitespace: true, message: t('activities.review.noteRequired') }] : []}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "本单位活动需上级审核" for a unit below the caller's own units. */
function ReviewSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useSignedIn();
  const { units } = useNetworkTree();
  const [unitId, setUnitId] = useState<string | undefined>();
  const own = new Set(me.grants.map((g) => g.unitId));
  // Only units strictly below one of the caller's units can be set by the caller.
  const disabled = new Set(units.filter((u) => own.has(u.id) || !me.grants.some((g) => u.code.startsWith(g.unitCode) && u.code !== g.unitCode)).map((u) => u.id));
  const settings = useQuery({ queryKey: ['unit-settings', unitId], queryFn: () => getUnitSettings(unitId!), enabled: !!unitId });
  const save = useMutation({
    mutationFn: (on: boolean) => putUnitSettings(unitId!, on),
    onSuccess: (saved) => {
      qc.setQueryData(['unit-settings', unitId], saved);
      void message.success(saved.activityReview ? t('activities.reviewSetting.on') : t('activities.reviewSetting.off'));
    },
    onError: (err) => void message.error(err.message),
  });
  return (
    <Space wrap align="center" role="group" aria-label={t('activities.reviewSetting.label')} style={{ padding: '8px 12px', background: '#fafafa', borderRadius: 6, width: '100%' }}>
      <Typography.Text strong>{t('activities.reviewSetting.title')}</Typography.Text>
      <UnitPicker value={unitId} onChange={setUnitId} disabledIds={disabled} placeholder={t('activities.reviewSetting.pickUnit')} aria-label={t('activities.reviewSetting.pickUnit')} />
      {unitId && settings.isError && <Typography.Text type="danger">{settings.error.message}</Typography.Text>}
      {unitId && !settings.isError && (
        <Space>
          <Switch
            checked={settings.data?.activityReview ?? false}
            loading={settings.isPending || save.isPending}
            onChange={(on) => save.mutate(on)}
            aria-label={t('activities.reviewSetting.label')}
          />
          <span>{t('activities.reviewSetting.label')}</span>
          {settings.data && <Tag color={settings.data.activityReview ? 'processing' : 'default'}>{settings.data.activityReview ? t('activities.reviewSetting.needed') : t('activities.reviewSetting.notNeeded')}</Tag>}
        </Space>
      )}
      {!unitId && <Typography.Text type="secondary">{t('activities.reviewSetting.hint')}</Typography.Text>}
    </Space>
  );
}
