// The lower half of a volunteer's page: teams, qualifications, training records and the consents given.
import { Col, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VolunteerDetail } from '../../api/volunteers';
import { formatDateTime } from '../ui/format';
import { PageState } from '../ui/PageState';

export function VolunteerRecords({ v }: { v: VolunteerDetail }) {
  const { t } = useTranslation();
  const date = (iso: string | null) => (iso ? formatDateTime(iso).slice(0, 10) : '');
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Typography.Title level={5}>{t('volunteers.detail.teams')}</Typography.Title>
        <Table showHeader={false}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={v.teams}
          locale={{ emptyText: <PageState empty={t('volunteers.detail.noTeams')} /> }}
          columns={[
            { title: t('volunteers.detail.teams'), dataIndex: 'name' },
            { title: '', dataIndex: 'role', width: 90, render: (r: string) => t(`volunteers.detail.teamRole.${r}`) },
            { title: '', dataIndex: 'status', width: 90, render: (s: string) => <Tag>{t(`volunteers.detail.teamStatus.${s}`)}</Tag> },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('volunteers.detail.qualifications')}
        </Typography.Title>
        <Table showHeader={false}
          size="small"
          rowKey={(q) => `${q.name}-${q.grantedAt}`}
          pagination={false}
          dataSource={v.qualifications}
          locale={{ emptyText: <PageState empty={t('volunteers.detail.noQualifications')} /> }}
          columns={[
            { title: t('volunteers.detail.qualifications'), dataIndex: 'name' },
            { title: '', dataIndex: 'grantedAt', width: 110, render: date },
            {
              title: '',
              dataIndex: 'expiresAt',
              width: 160,
              render: (e: string | null) => (e ? t('volunteers.detail.expiresAt', { date: date(e) }) : t('volunteers.detail.noExpiry')),
            },
          ]}
        />
      </Col>
      <Col span={12}>
        <Typography.Title level={5}>{t('volunteers.detail.trainings')}</Typography.Title>
        <Table showHeader={false}
          size="small"
          rowKey={(r) => `${r.courseTitle}-${r.startsAt}`}
          pagination={false}
          dataSource={v.trainings}
          locale={{ emptyText: <PageState empty={t('volunteers.detail.noTrainings')} /> }}
          columns={[
            { title: t('volunteers.detail.trainings'), dataIndex: 'courseTitle' },
            { title: '', dataIndex: 'startsAt', width: 140, render: (s: string) => formatDateTime(s) },
            {
              title: '',
              key: 'result',
              width: 130,
              render: (_, r) => (
                <>
                  {r.attended && <Tag color="blue">{t('volunteers.detail.attended')}</Tag>}
                  {r.passed && <Tag color="green">{t('volunteers.detail.passed')}</Tag>}
                </>
              ),
            },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('volunteers.detail.consents')}
        </Typography.Title>
        <Table showHeader={false}
          size="small"
          rowKey={(c) => `${c.kind}-${c.acceptedAt}`}
          pagination={false}
          dataSource={v.consents}
          columns={[
            { title: t('volunteers.detail.consents'), dataIndex: 'kind', render: (k: string, c) => `${t(`volunteers.detail.consentKind.${k}`)}（${t('volunteers.detail.version', { version: c.version })}）` },
            { title: '', dataIndex: 'givenBy', width: 150, render: (g: string) => t(`volunteers.detail.givenBy.${g}`) },
            { title: '', dataIndex: 'acceptedAt', width: 140, render: (a: string, c) => (c.withdrawnAt ? <Tag>{t('volunteers.detail.withdrawn')}</Tag> : formatDateTime(a)) },
          ]}
        />
      </Col>
    </Row>
  );
}
