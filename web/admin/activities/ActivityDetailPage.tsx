// One activity: its details and status, and the actions its state allows — edit, submit (for review or straight
// to published), approve / reject (reviewers of the level above), cancel (with a reason, after a confirmation),
// poster upload; for the people who run it, the sign-ups and attendance of the day and the check-in screen.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Grid, Image, Space, Tag, Upload } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, EditOutlined, QrcodeOutlined, SendOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { cancelActivity, getActivity, listProgrammesForPicker, listThemes, submitActivity, uploadPoster, type ActivityDetail } from '../../api/activities';
import { useSignedIn } from '../auth/use-me';
import { ActivityDayTabs } from '../activity-day/ActivityDayTabs';
import { canRun, checkinOpenish, hasDay } from '../activity-day/day-ui';
import type { ActivityDayFields } from '../../api/activity-day';
import { formatDateTime } from '../ui/format';
import { PageState } from '../ui/PageState';
import { ReasonConfirmModal } from '../ui/ReasonConfirmModal';
import { ActivityFormDrawer } from './ActivityFormDrawer';
import { ReviewModal } from './ReviewQueue';
import { ACTIVITIES_KEY, canManageUnit, canReviewUnit, inZone, PROGRAMMES_KEY, statusColor, THEMES_KEY, timeRange, useActivityLabels } from './activity-ui';

const POSTER_MAX_BYTES = 2 * 1024 * 1024;

export function ActivityDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useSignedIn();
  const labels = useActivityLabels();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [editing, setEditing] = useState(false);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const key = [...ACTIVITIES_KEY, 'one', id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => getActivity(id, signal) });
  const month = q.data ? inZone(q.data.startsAt).format('YYYY-MM') : '';
  const themes = useQuery({ queryKey: [...THEMES_KEY, month], queryFn: () => listThemes(month, month), enabled: !!q.data?.themeId });
  const theme = themes.data?.items.find((x) => x.id === q.data?.themeId);
  // Programmes are looked up in the list the form picks from (the API has no single-programme read).
  const programmes = useQuery({ queryKey: [...PROGRAMMES_KEY, 'picker'], queryFn: listProgrammesForPicker, enabled: !!q.data?.programmeId });
  const programme = programmes.data?.items.find((p) => p.id === q.data?.programmeId);
  const done = (msg: string) => {
    void message.success(msg);
    void qc.invalidateQueries({ queryKey: ACTIVITIES_KEY });
  };
  const submit = useMutation({
    mutationFn: () => submitActivity(id),
    onSuccess: (a) => done(a.status === 'submitted' ? t('activities.detail.submittedForReview') : t('activities.detail.published')),
    onError: (err) => void message.error(err.message),
  });
  const poster = useMutation({
    mutationFn: (file: File) => uploadPoster(id, file),
    onSuccess: () => done(t('activities.detail.posterUploaded')),
    onError: (err) => void message.error(err.message),
  });

  if (q.isPending) return <PageState loading />;
  if (q.isError) return <PageState error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const manage = canManageUnit(me, a.unit.code);
  const review = a.review.needed && canReviewUnit(me, a.unit.code);
  const open = a.status === 'draft' || a.status === 'submitted' || a.status === 'published';
  const note = a.review.note;
  const runner = canRun(me, a);
  const day = a as ActivityDetail & Partial<ActivityDayFields>;
  const wide = screens.md !== false;

  // On a phone the card's header has no room beside the title: the actions go into the body.
  const actions = (
    <Space wrap>
      {runner && checkinOpenish(a) && (
        <Button type="primary" icon={<QrcodeOutlined />} onClick={() => navigate('checkin')}>
          {t('activityDay.screen.open')}
        </Button>
      )}
      {manage && open && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('common.edit')}
        </Button>
      )}
      {manage && a.status === 'draft' && (
        <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} onClick={() => submit.mutate()}>
          {t('activities.detail.submit')}
        </Button>
      )}
      {review && a.status === 'submitted' && (
        <>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setDeciding('approve')}>
            {t('activities.review.approve')}
          </Button>
          <Button danger icon={<CloseOutlined />} onClick={() => setDeciding('reject')}>
            {t('activities.review.reject')}
          </Button>
        </>
      )}
      {manage && (open || a.status === 'in_progress') && (
        <Upload
          accept="image/png,image/jpeg,image/webp"
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > POSTER_MAX_BYTES) void message.error(t('activities.detail.posterTooLarge'));
            else poster.mutate(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={poster.isPending}>
            {t('activities.detail.uploadPoster')}
          </Button>
        </Upload>
      )}
      {manage && (open || a.status === 'in_progress') && (
        <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>
          {t('activities.detail.cancel')}
        </Button>
      )}
    </Space>
  );

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            <Link to=".." relative="path" aria-label={t('activities.detail.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span>{a.title}</span>
            <Tag color={statusColor[a.status]} data-testid="activity-status">
              {t(`activities.status.${a.status}`)}
            </Tag>
            {a.seriesId && <Tag color="blue">{t('activities.series')}</Tag>}
          </Space>
        }
        extra={wide && actions}
      >
        {!wide && <div style={{ marginBottom: 12 }}>{actions}</div>}
        {a.status === 'draft' && note && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('activities.detail.rejectedNote', { note })} />}
        {a.status === 'submitted' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('activities.detail.awaitingReview')} />}
        {a.status === 'cancelled' && a.cancelReason && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('activities.detail.cancelledReason', { reason: a.cancelReason })} />}
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ flex: 1 }}>
            <Descriptions.Item label={t('activities.fields.time')}>{timeRange(a.startsAt, a.endsAt)}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.topic')}>{labels.topic(a.topic)}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.brands')}>{a.brands.length ? a.brands.map((b) => <Tag key={b}>{b}</Tag>) : t('common.notSet')}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.unit')}>{a.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.team')}>{a.team?.name ?? t('common.notSet')}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.place')}>{[a.site?.name, a.address].filter(Boolean).join(' · ') || t('common.notSet')}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.programme')}>{programme?.title ?? (a.programmeId ? t('activities.detail.linked') : t('common.notSet'))}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.theme')}>{theme ? `${theme.month} ${theme.title}` : t('common.notSet')}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.volunteerSlots')}>{a.volunteerSlots}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.citizenPlaces')}>{a.citizenPlaces || t('activities.detail.noBooking')}</Descriptions.Item>
            {day.cancelCutoffMinutes !== undefined && (
              <Descriptions.Item label={t('activityDay.form.cancelCutoff')}>{t('activityDay.form.cancelCutoffValue', { minutes: day.cancelCutoffMinutes })}</Descriptions.Item>
            )}
            {day.geofenceMeters !== undefined && (
              <Descriptions.Item label={t('activityDay.form.geofence')}>
                {day.geofenceMeters === null ? t('activityDay.form.geofenceOff') : t('activityDay.form.geofenceValue', { meters: day.geofenceMeters })}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('activities.fields.requiredSkills')}>{a.requiredSkills?.length ? a.requiredSkills.join('、') : t('activities.detail.none')}</Descriptions.Item>
            <Descriptions.Item label={t('activities.fields.requiredQualifications')}>
              {a.requiredQualifications?.length ? a.requiredQualifications.join('、') : t('activities.detail.none')}
            </Descriptions.Item>
            {a.series && (
              <Descriptions.Item label={t('activities.series')} span={3}>
                {t('activities.detail.seriesInfo', {
                  days: a.series.weekdays.map((d) => t(`activities.weekday.${d}`)).join('、'),
                  from: a.series.firstDate,
                  to: a.series.lastDate,
                })}
                <Link to={`..?series=${a.series.id}`} relative="path" style={{ marginLeft: 8 }}>
                  {t('activities.detail.seriesList')}
                </Link>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('activities.detail.reviewNeeded')}>{a.review.needed ? t('activities.reviewSetting.needed') : t('activities.reviewSetting.notNeeded')}</Descriptions.Item>
            {a.review.reviewedAt && (
              <Descriptions.Item label={t('activities.detail.reviewedAt')}>
                {formatDateTime(a.review.reviewedAt)} {a.review.reviewerName ?? ''}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('activities.fields.description')} span={3}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{a.description || t('common.notSet')}</span>
            </Descriptions.Item>
          </Descriptions>
          {a.posterUrl && <Image src={a.posterUrl} alt={t('activities.detail.poster')} width={160} />}
        </div>
      </Card>
      {runner && hasDay(a) && <ActivityDayTabs activity={a} />}
      <ActivityFormDrawer open={editing} activity={a} onClose={() => setEditing(false)} onSaved={() => void qc.invalidateQueries({ queryKey: key })} />
      <ReviewModal target={deciding ? { activity: a, decision: deciding } : null} onClose={() => setDeciding(null)} />
      <CancelModal activity={cancelling ? a : null} onClose={() => setCancelling(false)} />
    </Space>
  );
}

/** Cancelling needs a reason (people signed up will be told) and a second confirmation. */
function CancelModal({ activity, onClose }: { activity: ActivityDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const cancel = useMutation({
    mutationFn: (reason: string) => cancelActivity(activity!.id, reason.trim()),
    onSuccess: () => {
      void message.success(t('activities.detail.cancelled'));
      void qc.invalidateQueries({ queryKey: ACTIVITIES_KEY });
      onClose();
    },
    onError: (err) => void message.error(err.message),
  });
  return (
    <ReasonConfirmModal
      open={!!activity}
      title={t('activities.detail.cancelTitle', { title: activity?.title ?? '' })}
      okText={t('activities.detail.cancel')}
      cancelText={t('activities.detail.keep')}
      reasonLabel={t('activities.detail.cancelReason')}
      reasonRequired={t('activities.detail.reasonRequired')}
      maxLength={500}
      confirmTitle={t('activities.detail.cancelConfirm')}
      confirmBody={t('activities.detail.cancelConfirmBody')}
      pending={cancel.isPending}
      onConfirm={(reason) => cancel.mutateAsync(reason)}
      onClose={onClose}
    />
  );
}
