// One volunteer: profile, teams, training, qualifications, consents; review of a pending registration, status
// changes and revealing the full ID number (each confirmed; the reveal is audited by the server and the number
// is kept only in this page's memory until hidden or left).
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Dropdown, Input, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, DownOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { getVolunteer, revealIdNumber, reviewVolunteer, setVolunteerStatus, type VolunteerDetail } from '../../api/volunteers';
import { formatDateTime } from '../ui/format';
import { PageState } from '../ui/PageState';
import { useSignedIn } from '../auth/use-me';
import { mayDo, statusColor, VOLUNTEERS_KEY } from './volunteer-ui';
import { VolunteerRecords } from './VolunteerRecords';
import { VolunteerEditDrawer } from './VolunteerEditDrawer';

type NewStatus = 'active' | 'suspended' | 'left';

export function VolunteerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useSignedIn();
  const qc = useQueryClient();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: [...VOLUNTEERS_KEY, 'detail', id], queryFn: ({ signal }) => getVolunteer(id, signal), retry: false });

  const done = (text: string) => (v: VolunteerDetail) => {
    void message.success(text);
    qc.setQueryData([...VOLUNTEERS_KEY, 'detail', id], v);
    void qc.invalidateQueries({ queryKey: [...VOLUNTEERS_KEY, 'list'] });
  };
  const review = useMutation({
    mutationFn: (o: { decision: 'approve' | 'reject'; note: string }) => reviewVolunteer(id, o.decision, o.note.trim() || undefined),
    onSuccess: (v, o) => done(o.decision === 'approve' ? t('volunteers.actions.approved') : t('volunteers.actions.rejected'))(v),
    onError: (err) => void message.error(err.message),
  });
  const changeStatus = useMutation({
    mutationFn: (o: { status: NewStatus; note: string }) => setVolunteerStatus(id, o.status, o.note.trim() || undefined),
    onSuccess: done(t('volunteers.actions.statusChanged')),
    onError: (err) => void message.error(err.message),
  });
  const reveal = useMutation({
    mutationFn: () => revealIdNumber(id),
    onSuccess: (r) => setRevealed(r.idNumber),
    onError: (err) => void message.error(err.message),
  });

  if (query.isPending) return <PageState loading />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return <PageState notFound={notFound} error={notFound ? undefined : query.error} onRetry={() => void query.refetch()} />;
  }
  const v = query.data;
  const unitCode = v.homeUnit?.code ?? '';
  const canManage = !v.erased && mayDo(me, 'volunteer.manage', unitCode);
  const canReveal = !v.erased && v.idMasked !== '' && mayDo(me, 'volunteer.reveal', unitCode);

  // A note typed into a confirm dialog: the dialog's content is rendered once, so the text is kept here.
  const withNote = (title: string, body: string | undefined, placeholder: string, danger: boolean, run: (note: string) => Promise<unknown>) => {
    let note = '';
    modal.confirm({
      title,
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          {body && <span>{body}</span>}
          <Input.TextArea rows={2} maxLength={200} placeholder={placeholder} aria-label={placeholder} onChange={(e) => (note = e.target.value)} />
        </Space>
      ),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger },
      onOk: () => run(note),
    });
  };
  const approve = () => withNote(t('volunteers.actions.approveTitle', { name: v.name }), t('volunteers.actions.approveBody'), t('volunteers.actions.notePlaceholder'), false, (note) => review.mutateAsync({ decision: 'approve', note }));
  const reject = () => withNote(t('volunteers.actions.rejectTitle', { name: v.name }), undefined, t('volunteers.actions.notePlaceholder'), true, (note) => review.mutateAsync({ decision: 'reject', note }));
  const askStatus = (status: NewStatus) => {
    const action = t(`volunteers.actions.setStatus.${status}`);
    withNote(t('volunteers.actions.statusTitle', { name: v.name, action }), undefined, t('volunteers.actions.statusNote'), status !== 'active', (note) => changeStatus.mutateAsync({ status, note }));
  };
  const askReveal = () =>
    modal.confirm({
      title: t('volunteers.actions.revealTitle', { name: v.name }),
      content: t('volunteers.actions.revealBody'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => reveal.mutateAsync(),
    });

  const hours = Math.round((v.serviceMinutes / 60) * 10) / 10;
  return (
    <Card
      size="small"
      title={
        <Space>
          <Link to=".." relative="path" aria-label={t('volunteers.back')}>
            <ArrowLeftOutlined />
          </Link>
          <span>{v.name}</span>
          <Typography.Text type="secondary">{v.number}</Typography.Text>
          <Tag color={statusColor[v.status]}>{t(`volunteers.status.${v.status}`)}</Tag>
          {v.minor && <Tag color="magenta">{t('volunteers.minor')}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {canManage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {canManage && v.status === 'pending' && (
            <>
              <Button type="primary" icon={<CheckOutlined />} onClick={approve} loading={review.isPending}>
                {t('volunteers.actions.approve')}
              </Button>
              <Button danger icon={<CloseOutlined />} onClick={reject}>
                {t('volunteers.actions.reject')}
              </Button>
            </>
          )}
          {canManage && v.status !== 'pending' && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: (['active', 'suspended', 'left'] as const).filter((s) => s !== v.status).map((s) => ({ key: s, label: t(`volunteers.actions.setStatus.${s}`), danger: s !== 'active' })),
                onClick: (e) => askStatus(e.key as NewStatus),
              }}
            >
              <Button>
                {t('volunteers.actions.changeStatus')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Space>
      }
    >
      {v.erased && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('volunteers.detail.erased')} />}
      <Descriptions size="small" bordered column={3} title={t('volunteers.detail.profile')} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('volunteers.fields.name')}>{v.name}</Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.gender')}>{v.gender ? t(`volunteers.gender.${v.gender}`) : ''}</Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.birthDate')}>{v.birthDate ? `${v.birthDate}（${v.age}）` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.idNumber')} span={2}>
          <Space>
            <span data-testid="id-number" style={{ fontFamily: 'monospace' }}>
              {revealed ?? v.idMasked}
            </span>
            {revealed ? (
              <Button size="small" onClick={() => setRevealed(null)}>
                {t('volunteers.actions.hide')}
              </Button>
            ) : (
              canReveal && (
                <Button size="small" icon={<EyeOutlined />} onClick={askReveal}>
                  {t('volunteers.actions.reveal')}
                </Button>
              )
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.phone')}>{v.phone}</Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.homeUnit')} span={2}>
          {v.homeUnit ? `${v.homeUnit.name}（${v.homeUnit.code}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.source')}>
          {t(`volunteers.source.${v.source}`)}
          {v.registeredBy ? ` · ${v.registeredBy}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.skills')} span={2}>
          {v.skills.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.createdAt')}>{formatDateTime(v.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.availability')} span={2}>
          {[...v.availability.days.map((d) => t(`volunteers.days.${d}`)), ...v.availability.slots.map((s) => t(`volunteers.slots.${s}`))].join('、')}
        </Descriptions.Item>
        {v.guardian && (
          <Descriptions.Item label={t('volunteers.fields.guardian')} span={3}>
            {`${v.guardian.name}（${v.guardian.relation}）${v.guardian.phoneMasked}`}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('volunteers.fields.serviceHours')}>{t('volunteers.detail.hoursValue', { hours })}</Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.starLevel')}>{t('volunteers.detail.starValue', { n: v.starLevel })}</Descriptions.Item>
        <Descriptions.Item label={t('volunteers.fields.points')}>{v.points}</Descriptions.Item>
        {v.review.reviewedAt && (
          <>
            <Descriptions.Item label={t('volunteers.detail.reviewedBy')}>{v.review.reviewedBy ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('volunteers.detail.reviewedAt')}>{formatDateTime(v.review.reviewedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('volunteers.detail.reviewNote')}>{v.review.note ?? ''}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      <VolunteerRecords v={v} />
      {canManage && <VolunteerEditDrawer volunteer={v} open={editing} onClose={() => setEditing(false)} />}
    </Card>
  );
}
