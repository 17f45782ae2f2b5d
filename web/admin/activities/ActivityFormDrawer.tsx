// Create or edit an activity: what, who organizes it, where and when (one day, a time of day), the volunteer slots
// and citizen places, and — when creating — a weekly repeat that makes the whole series at once. API field messages
// land on their fields. The day-of settings (cancellation cut-off, check-in distance) sit with the places; required
// skills and qualifications are picked from the skill tags and the qualifications courses grant, or typed.
import { useEffect, useMemo } from 'react';
import { App, Alert, Button, Checkbox, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Radio, Row, Select, Switch, TimePicker, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../../api/client';
import type { Page, Site } from '../../api/types';
import { teamPaths, type Team } from '../../api/teams';
import { listSkillTags } from '../../api/volunteers';
import { DEFAULT_CANCEL_CUTOFF_MINUTES, listQualificationNames, type ActivityDayFields } from '../../api/activity-day';
import { knownBrands } from '../../../common/activity-topics';
import { createActivities, listProgrammesForPicker, listThemes, updateActivity, type ActivityDetail, type ActivityInput, type ActivityRow } from '../../api/activities';
import { applyApiErrors } from '../ui/form-errors';
import { UnitPicker } from '../ui/UnitPicker';
import { ACTIVITIES_KEY, inZone, PROGRAMMES_KEY, THEMES_KEY, useActivityLabels, zonedInstant } from './activity-ui';

type Values = {
  title: string;
  programmeId?: string;
  topic: string;
  brands?: string[];
  themeId?: string;
  unitId: string;
  teamId?: string;
  siteId?: string;
  address?: string;
  date: Dayjs;
  time: [Dayjs, Dayjs];
  description?: string;
  volunteerSlots?: number;
  requiredSkills?: string[];
  requiredQualifications?: string[];
  citizenPlaces?: number;
  cancelCutoffMinutes?: number | null;
  geofenceMeters?: number | null;
  repeat?: boolean;
  weekdays?: number[];
  until?: Dayjs;
  scope?: 'one' | 'following';
};

// The form fields an API field message may land on.
const FIELDS = ['title', 'programmeId', 'topic', 'brands', 'themeId', 'unitId', 'teamId', 'siteId', 'address', 'date', 'time', 'description', 'volunteerSlots', 'requiredSkills', 'requiredQualifications', 'citizenPlaces', 'cancelCutoffMinutes', 'geofenceMeters', 'weekdays', 'until'] as const;

/** The day-of settings the activity holds (a new one starts with the server's defaults). */
function dayFieldsOf(activity?: ActivityDetail): ActivityDayFields {
  const a = activity as Partial<ActivityDayFields> | undefined;
  return { cancelCutoffMinutes: a?.cancelCutoffMinutes ?? DEFAULT_CANCEL_CUTOFF_MINUTES, geofenceMeters: a?.geofenceMeters ?? null };
}

type Props = { open: boolean; activity?: ActivityDetail; defaultUnitId?: string; onClose: () => void; onSaved?: (rows: ActivityRow[]) => void };

export function ActivityFormDrawer({ open, activity, defaultUnitId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const labels = useActivityLabels();
  const [form] = Form.useForm<Values>();
  const unitId = Form.useWatch('unitId', form);
  const repeat = Form.useWatch('repeat', form);
  const date = Form.useWatch('date', form);

  const year = (date ?? dayjs()).year();
  const themes = useQuery({ queryKey: [...THEMES_KEY, `${year}-01`], queryFn: () => listThemes(`${year}-01`, `${year}-12`), enabled: open });
  const programmes = useQuery({ queryKey: [...PROGRAMMES_KEY, 'picker'], queryFn: listProgrammesForPicker, enabled: open });
  const teams = useQuery({
    queryKey: ['teams', 'picker', unitId],
    queryFn: () => api<Page<Team>>(teamPaths.list, { query: { unitId, status: 'active', limit: 100 } }),
    enabled: open && !!unitId,
  });
  const sites = useQuery({ queryKey: ['sites', 'picker', unitId], queryFn: () => api<Page<Site>>('/api/sites', { query: { unitId, limit: 100 } }), enabled: open && !!unitId });
  const skills = useQuery({ queryKey: ['skill-tags'], queryFn: listSkillTags, enabled: open, staleTime: 5 * 60_000 });
  const qualifications = useQuery({ queryKey: ['school', 'qualification-names'], queryFn: listQualificationNames, enabled: open, staleTime: 5 * 60_000 });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (activity) {
      form.setFieldsValue({
        ...activity,
        programmeId: activity.programmeId ?? undefined,
        themeId: activity.themeId ?? undefined,
        unitId: activity.unit.id,
        teamId: activity.team?.id,
        siteId: activity.site?.id,
        date: inZone(activity.startsAt),
        time: [inZone(activity.startsAt), inZone(activity.endsAt)],
        ...dayFieldsOf(activity),
        scope: 'one',
      });
    } else {
      form.setFieldsValue({ unitId: defaultUnitId, volunteerSlots: 0, citizenPlaces: 0, brands: [], repeat: false, ...dayFieldsOf() });
    }
  }, [open, activity, defaultUnitId, form]);

  // A new activity is planned against the month's theme unless another is chosen.
  const themeOfMonth = useMemo(() => (date ? themes.data?.items.find((x) => x.month === date.format('YYYY-MM')) : undefined), [date, themes.data]);
  useEffect(() => {
    if (!activity && themeOfMonth && !form.getFieldValue('themeId')) form.setFieldValue('themeId', themeOfMonth.id);
  }, [activity, themeOfMonth, form]);

  const save = useMutation({
    mutationFn: async (v: Values): Promise<ActivityRow[]> => {
      const input: ActivityInput & Partial<ActivityDayFields> = {
        title: v.title.trim(),
        programmeId: v.programmeId ?? null,
        topic: v.topic,
        brands: v.brands ?? [],
        themeId: v.themeId ?? null,
        unitId: v.unitId,
        teamId: v.teamId ?? null,
        siteId: v.siteId ?? null,
        address: v.address?.trim() ?? '',
        startsAt: zonedInstant(v.date, v.time[0]),
        endsAt: zonedInstant(v.date, v.time[1]),
        description: v.description ?? '',
        volunteerSlots: v.volunteerSlots ?? 0,
        requiredSkills: v.requiredSkills ?? [],
        requiredQualifications: v.requiredQualifications ?? [],
        citizenPlaces: v.citizenPlaces ?? 0,
        cancelCutoffMinutes: v.cancelCutoffMinutes ?? DEFAULT_CANCEL_CUTOFF_MINUTES,
        // An emptied box means no limit.
        geofenceMeters: v.geofenceMeters ?? null,
      };
      if (activity) {
        const saved = await updateActivity(activity.id, activity.seriesId ? { ...input, scope: v.scope ?? 'one' } : input);
        return [saved];
      }
      if (v.repeat) input.repeat = { weekdays: [...(v.weekdays ?? [])].sort(), until: v.until!.format('YYYY-MM-DD') };
      return (await createActivities(input)).activities;
    },
    onSuccess: (rows) => {
      void message.success(activity ? t('common.saved') : t('activities.form.created', { count: rows.length }));
      void qc.invalidateQueries({ queryKey: ACTIVITIES_KEY });
      onSaved?.(rows);
      onClose();
    },
    onError: (err) => {
      // Time errors name startsAt/endsAt; show them on the date and time fields.
      const mapped =
        err instanceof ApiError
          ? new ApiError(err.status, err.code, err.message, {
              fields: err.fields.map((f) => ({ ...f, field: f.field.replace(/\bstartsAt\b/, 'date').replace(/\bendsAt\b/, 'time').replace(/\brepeat\b/, '') })),
            })
          : err;
      const rest = applyApiErrors(form, mapped, FIELDS);
      if (rest) void message.error(rest);
    },
  });

  const required = { required: true, message: t('common.required') };
  const teamOptions = (teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }));
  const siteOptions = (sites.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }));
  const programmeOptions = (programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }));
  const themeOptions = (themes.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.month} ${x.title}` }));
  // Choosing a programme fills in its topic and brands.
  const onProgramme = (id: string | undefined) => {
    const p = programmes.data?.items.find((x) => x.id === id);
    if (p) form.setFieldsValue({ topic: p.topic, brands: p.brands });
  };

  return (
    <Drawer
      title={activity ? t('activities.form.editTitle', { title: activity.title }) : t('activities.create')}
      open={open}
      onClose={onClose}
      size={680}
      destroyOnHidden
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {activity ? t('common.save') : t('activities.form.createButton')}
        </Button>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={save.isPending} requiredMark>
        <Form.Item name="title" label={t('activities.fields.title')} rules={[{ ...required, whitespace: true }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="programmeId" label={t('activities.fields.programme')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={programmeOptions} loading={programmes.isPending} onChange={onProgramme} aria-label={t('activities.fields.programme')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="topic" label={t('activities.fields.topic')} rules={[required]}>
              <Select options={labels.topics} aria-label={t('activities.fields.topic')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="brands" label={t('activities.fields.brands')}>
              <Select mode="tags" options={knownBrands.map((b) => ({ value: b, label: b }))} aria-label={t('activities.fields.brands')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="themeId" label={t('activities.fields.theme')}>
              <Select allowClear options={themeOptions} loading={themes.isPending} aria-label={t('activities.fields.theme')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="unitId" label={t('activities.fields.unit')} rules={[required]}>
              <UnitPicker aria-label={t('activities.fields.unit')} style={{ width: '100%' }} onChange={(id) => form.setFieldsValue({ unitId: id, teamId: undefined, siteId: undefined })} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="teamId" label={t('activities.fields.team')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teamOptions} disabled={!unitId} aria-label={t('activities.fields.team')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="siteId" label={t('activities.fields.site')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={siteOptions} disabled={!unitId} aria-label={t('activities.fields.site')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="address" label={t('activities.fields.address')} extra={t('activities.form.addressHint')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="date" label={t('activities.fields.date')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} aria-label={t('activities.fields.date')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="time" label={t('activities.fields.time')} rules={[required]}>
              <TimePicker.RangePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} aria-label={t('activities.fields.time')} />
            </Form.Item>
          </Col>
        </Row>
        {activity?.seriesId && (
          <Form.Item name="scope" label={t('activities.form.scope')}>
            <Radio.Group options={(['one', 'following'] as const).map((s) => ({ value: s, label: t(`activities.form.scopes.${s}`) }))} />
          </Form.Item>
        )}
        {!activity && (
          <>
            <Form.Item name="repeat" label={t('activities.form.repeat')} valuePropName="checked">
              <Switch aria-label={t('activities.form.repeat')} />
            </Form.Item>
            {repeat && (
              <div role="group" aria-label={t('activities.form.repeat')} style={{ background: '#fafafa', padding: '12px 12px 0', marginBottom: 16, borderRadius: 6 }}>
                <Form.Item name="weekdays" label={t('activities.form.weekdays')} rules={[{ required: true, type: 'array', min: 1, message: t('activities.form.weekdaysRequired') }]}>
                  <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`activities.weekday.${d}`) }))} />
                </Form.Item>
                <Form.Item
                  name="until"
                  label={t('activities.form.until')}
                  rules={[required]}
                  extra={t('activities.form.repeatHint')}
                >
                  <DatePicker style={{ width: 200 }} aria-label={t('activities.form.until')} disabledDate={(d) => !!date && d.isBefore(date, 'day')} />
                </Form.Item>
              </div>
            )}
          </>
        )}
        <Divider titlePlacement="start" plain>
          {t('activities.form.people')}
        </Divider>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="volunteerSlots" label={t('activities.fields.volunteerSlots')}>
              <InputNumber min={0} max={10000} style={{ width: '100%' }} aria-label={t('activities.fields.volunteerSlots')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="citizenPlaces" label={t('activities.fields.citizenPlaces')} extra={t('activities.form.citizenHint')}>
              <InputNumber min={0} max={100000} style={{ width: '100%' }} aria-label={t('activities.fields.citizenPlaces')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="requiredSkills" label={t('activities.fields.requiredSkills')}>
              <Select
                mode="tags"
                allowClear
                loading={skills.isPending}
                placeholder={t('activityDay.form.skillsPlaceholder')}
                options={(skills.data?.items ?? []).filter((s) => s.active).map((s) => ({ value: s.name, label: s.name }))}
                aria-label={t('activities.fields.requiredSkills')}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="requiredQualifications" label={t('activities.fields.requiredQualifications')}>
              <Select
                mode="tags"
                allowClear
                loading={qualifications.isPending}
                placeholder={t('activities.form.qualificationsPlaceholder')}
                options={(qualifications.data ?? []).map((q) => ({ value: q, label: q }))}
                aria-label={t('activities.fields.requiredQualifications')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="cancelCutoffMinutes" label={t('activityDay.form.cancelCutoffLabel')} extra={t('activityDay.form.cancelCutoffHint')} rules={[required]}>
              <InputNumber
                min={0}
                max={10080}
                precision={0}
                suffix={t('activityDay.form.minutesUnit')}
                style={{ width: '100%' }}
                aria-label={t('activityDay.form.cancelCutoffLabel')}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="geofenceMeters" label={t('activityDay.form.geofenceLabel')} extra={t('activityDay.form.geofenceHint')}>
              <InputNumber
                min={50}
                max={5000}
                precision={0}
                placeholder={t('activityDay.form.geofenceOff')}
                suffix={t('activityDay.form.metersUnit')}
                style={{ width: '100%' }}
                aria-label={t('activityDay.form.geofenceLabel')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('activities.fields.description')}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        {activity && activity.status !== 'draft' && <Alert type="info" showIcon title={t('activities.form.publishedEditHint')} />}
        <Typography.Text type="secondary">{t('activities.form.zoneHint')}</Typography.Text>
      </Form>
    </Drawer>
  );
}
