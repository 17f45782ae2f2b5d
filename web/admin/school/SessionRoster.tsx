// One session's roster: who enrolled (staff may enrol someone by volunteer number), and — once the session has
// started — attendance and pass per person, saved together. A pass grants the course's qualification.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { schoolApi, type AttendanceRecord, type RosterEntry, type SessionDetail } from '../../api/school';
import { formatDateTime } from '../ui/format';
import { PageState } from '../ui/PageState';
import { phaseColor, sessionPlace, sessionTime, validity } from './school-format';

type Marks = Record<string, { attended: boolean; passed: boolean }>;

function marksOf(roster: RosterEntry[]): Marks {
  return Object.fromEntries(roster.map((r) => [r.enrolmentId, { attended: Boolean(r.attended), passed: Boolean(r.passed) }]));
}

export function SessionRoster() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { id = '' } = useParams();
  const key = ['school', 'session', id];
  const detail = useQuery({ queryKey: key, queryFn: () => schoolApi.session(id) });
  const [marks, setMarks] = useState<Marks>({});
  const [number, setNumber] = useState('');
  useEffect(() => {
    if (detail.data) setMarks(marksOf(detail.data.roster));
  }, [detail.data]);

  const saved = useMemo(() => marksOf(detail.data?.roster ?? []), [detail.data]);
  const dirty = Object.entries(marks).some(([k, m]) => saved[k] && (saved[k].attended !== m.attended || saved[k].passed !== m.passed));
  // Saving sends everyone, so people nobody touched are recorded as absent rather than left unknown.
  const records: AttendanceRecord[] = Object.entries(marks).map(([enrolmentId, m]) => ({ enrolmentId, ...m }));

  const onSaved = (d: SessionDetail, text: string) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: ['school', 'sessions'] });
    void message.success(text);
  };
  const save = useMutation({
    mutationFn: () => schoolApi.saveAttendance(id, records),
    onSuccess: (d) => onSaved(d, t('school.roster.saved')),
    onError: (err) => void message.error(err.message),
  });
  const enrol = useMutation({
    mutationFn: () => schoolApi.enrolByNumber(id, number.trim()),
    onSuccess: (d) => {
      setNumber('');
      onSaved(d, t('school.roster.enrolled'));
    },
    onError: (err) => void message.error(err.message),
  });

  if (detail.isPending) return <PageState loading />;
  if (detail.isError) return <PageState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { session, course, roster } = detail.data;
  const recordable = session.phase === 'ongoing' || session.phase === 'ended';
  const enrollable = session.phase === 'upcoming' || session.phase === 'ongoing';
  const set = (k: string, m: Partial<{ attended: boolean; passed: boolean }>) =>
    setMarks((all) => {
      const next = { ...all[k], ...m };
      if (!next.attended) next.passed = false;
      return { ...all, [k]: next };
    });

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Link to={`/school/courses/${course.id}`} aria-label={t('school.roster.back')}>
            <ArrowLeftOutlined />
          </Link>
          {t('school.roster.title', { course: course.title, time: sessionTime(session) })}
          <Tag color={phaseColor[session.phase]}>{t(`school.session.phase.${session.phase}`)}</Tag>
        </Space>
      }
      extra={
        recordable && (
          <Button type="primary" icon={<SaveOutlined />} disabled={roster.length === 0} loading={save.isPending} onClick={() => save.mutate()}>
            {t('school.roster.save')}
          </Button>
        )
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {[sessionPlace(session), session.teacher, t('school.session.places', { enrolled: session.enrolled, capacity: session.capacity })].filter(Boolean).join(' · ')}
          {' · '}
          {course.qualification ? t('school.roster.grants', { name: course.qualification, validity: validity(course, t) }) : t('school.roster.grantsNone')}
        </Typography.Text>
        {!recordable && session.phase !== 'cancelled' && <Alert type="info" showIcon title={t('school.roster.notStarted')} />}
        {enrollable && (
          <Space.Compact style={{ maxWidth: 420 }}>
            <Input
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              onPressEnter={() => number.trim() && enrol.mutate()}
              placeholder={t('school.roster.enrolPlaceholder')}
              aria-label={t('school.roster.enrolPlaceholder')}
              maxLength={20}
            />
            <Button icon={<UserAddOutlined />} disabled={!number.trim()} loading={enrol.isPending} onClick={() => enrol.mutate()}>
              {t('school.roster.enrol')}
            </Button>
          </Space.Compact>
        )}
        {recordable && roster.length > 0 && (
          <Space>
            <Button size="small" onClick={() => roster.forEach((r) => set(r.enrolmentId, { attended: true }))}>
              {t('school.roster.markAllAttended')}
            </Button>
            {dirty && <Typography.Text type="warning">{t('school.roster.unsaved')}</Typography.Text>}
          </Space>
        )}
        <Table<RosterEntry>
          size="small"
          rowKey="enrolmentId"
          dataSource={roster}
          pagination={false}
          locale={{ emptyText: <PageState empty={t('school.roster.empty')} /> }}
          columns={[
            { title: t('school.roster.number'), key: 'number', width: 130, render: (_, r) => r.volunteer.number },
            { title: t('school.roster.name'), key: 'name', render: (_, r) => r.volunteer.name },
            { title: t('school.roster.phone'), key: 'phone', width: 130, render: (_, r) => r.volunteer.phoneMasked },
            { title: t('school.roster.enrolledAt'), dataIndex: 'enrolledAt', width: 150, render: (v: string) => formatDateTime(v) },
            {
              title: t('school.roster.attended'),
              key: 'attended',
              width: 90,
              render: (_, r) => (
                <Switch
                  size="small"
                  disabled={!recordable}
                  checked={marks[r.enrolmentId]?.attended ?? false}
                  onChange={(v) => set(r.enrolmentId, { attended: v })}
                  aria-label={`${t('school.roster.attended')} ${r.volunteer.name}`}
                />
              ),
            },
            {
              title: t('school.roster.passed'),
              key: 'passed',
              width: 100,
              render: (_, r) => (
                <Switch
                  size="small"
                  disabled={!recordable || !marks[r.enrolmentId]?.attended}
                  checked={marks[r.enrolmentId]?.passed ?? false}
                  onChange={(v) => set(r.enrolmentId, { passed: v })}
                  aria-label={`${t('school.roster.passed')} ${r.volunteer.name}`}
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
