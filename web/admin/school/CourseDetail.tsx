// One course: its details (editable) and its sessions — schedule a new one, open a roster, cancel with a confirm
// (enrolled volunteers are told by SMS).
import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { schoolApi, type Session, type SessionPhase } from '../../api/school';
import { PageState } from '../ui/PageState';
import { CourseFormDrawer } from './CourseFormDrawer';
import { SessionFormDrawer } from './SessionFormDrawer';
import { phaseColor, sessionPlace, sessionTime, validity } from './school-format';

export function CourseDetail() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const course = useQuery({ queryKey: ['school', 'course', id], queryFn: () => schoolApi.course(id) });
  const sessions = useQuery({ queryKey: ['school', 'sessions', id], queryFn: () => schoolApi.sessions(id) });

  const cancel = useMutation({
    mutationFn: ({ session, reason }: { session: Session; reason?: string }) => schoolApi.cancelSession(session.id, reason),
    onSuccess: (_, { session }) => {
      void message.success(t('school.session.cancelled', { n: session.enrolled }));
      void qc.invalidateQueries({ queryKey: ['school'] });
    },
    onError: (err) => void message.error(err.message),
  });
  const confirmCancel = (session: Session) => {
    let reason = '';
    modal.confirm({
      title: t('school.session.cancelConfirm', { time: sessionTime(session) }),
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('school.session.cancelBody', { n: session.enrolled })}</Typography.Text>
          <Input maxLength={100} placeholder={t('school.session.cancelReason')} aria-label={t('school.session.cancelReason')} onChange={(e) => (reason = e.target.value)} />
        </Space>
      ),
      okText: t('school.session.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => cancel.mutateAsync({ session, reason: reason.trim() || undefined }),
    });
  };

  if (course.isPending) return <PageState loading />;
  if (course.isError) return <PageState error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;
  const open = c.status === 'open';

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            <Link to="/school" aria-label={t('school.course.back')}>
              <ArrowLeftOutlined />
            </Link>
            {c.title}
            <Tag color={open ? 'green' : 'default'}>{t(`school.course.status.${c.status}`)}</Tag>
          </Space>
        }
        extra={
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('school.course.fields.unit')}>{c.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('school.course.fields.qualification')}>
            {c.qualification ? `${c.qualification}（${validity(c, t)}）` : t('school.course.noQualification')}
          </Descriptions.Item>
          <Descriptions.Item label={t('school.course.fields.description')} span={2}>
            {c.description || t('common.notSet')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('school.session.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} disabled={!open} onClick={() => setAdding(true)}>
            {t('school.session.create')}
          </Button>
        }
      >
        {sessions.isError ? (
          <PageState error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <Table<Session>
            size="small"
            rowKey="id"
            loading={sessions.isFetching}
            dataSource={sessions.data?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <PageState empty={sessions.isPending ? t('common.loading') : t('school.session.none')} /> }}
            columns={[
              { title: t('school.session.fields.time'), key: 'time', width: 220, render: (_, s) => sessionTime(s) },
              { title: t('school.session.fields.place'), key: 'place', ellipsis: true, render: (_, s) => sessionPlace(s) },
              { title: t('school.session.fields.teacher'), dataIndex: 'teacher', width: 160, ellipsis: true },
              {
                title: t('school.session.fields.enrolled'),
                key: 'places',
                width: 90,
                render: (_, s) => t('school.session.places', { enrolled: s.enrolled, capacity: s.capacity }),
              },
              {
                title: t('school.session.fields.status'),
                dataIndex: 'phase',
                width: 90,
                render: (p: SessionPhase) => <Tag color={phaseColor[p]}>{t(`school.session.phase.${p}`)}</Tag>,
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 200,
                fixed: 'right',
                render: (_, s) => (
                  <Space size={4}>
                    <Link to={`/school/sessions/${s.id}`}>{t('school.session.roster')}</Link>
                    {(s.phase === 'upcoming' || s.phase === 'ongoing') && (
                      <Button size="small" danger onClick={() => confirmCancel(s)} aria-label={`${t('school.session.cancel')} ${sessionTime(s)}`}>
                        {t('school.session.cancel')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <CourseFormDrawer open={editing} course={c} onClose={() => setEditing(false)} />
      <SessionFormDrawer open={adding} courseId={c.id} onClose={() => setAdding(false)} />
    </Space>
  );
}
