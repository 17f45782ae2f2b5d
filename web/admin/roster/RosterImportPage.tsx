// 名册导入: pick a team, upload its roster, adjust the column mapping, read the check (summary and row report,
// conflicts decided per row), confirm. The server writes nothing until the confirm, and nothing at all if any
// row has an error.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Result, Space, Statistic, Tooltip, Typography, Upload } from 'antd';
import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { commitRoster, previewRoster, type Decision, type RosterMapping, type RosterReport, type RosterTeam } from '../../api/roster';
import { TeamSelect } from './TeamSelect';
import { MappingEditor } from './MappingEditor';
import { RosterRowsTable } from './RosterRowsTable';

function reportOf(err: unknown): RosterReport | null {
  const d = err instanceof ApiError ? (err.details as Partial<RosterReport> | undefined) : undefined;
  return d && Array.isArray(d.rows) && d.summary ? (d as RosterReport) : null;
}

function decisionsOf(r: RosterReport): Record<number, Decision> {
  return Object.fromEntries(r.rows.filter((x) => x.decision).map((x) => [x.row, x.decision!]));
}

export function RosterImportPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [team, setTeam] = useState<RosterTeam | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<RosterReport | null>(null);
  const [mapping, setMapping] = useState<RosterMapping | null>(null);
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const [done, setDone] = useState<RosterReport | null>(null);

  const show = (r: RosterReport) => {
    setReport(r);
    setMapping(r.mapping);
    setDecisions(decisionsOf(r));
  };
  const preview = useMutation({
    mutationFn: (v: { team: RosterTeam; file: File; mapping: RosterMapping | null }) => previewRoster(v.team.id, v.file, v.mapping),
    onSuccess: show,
    onError: (err) => {
      setReport(null);
      void message.error(err.message);
    },
  });
  const commit = useMutation({
    mutationFn: () => commitRoster(team!.id, file!, mapping!, decisions),
    onSuccess: (r) => {
      setDone(r);
      void qc.invalidateQueries({ queryKey: ['volunteers'] });
      void qc.invalidateQueries({ queryKey: ['teams'] });
    },
    onError: (err) => {
      const r = reportOf(err);
      if (r) show(r);
      void message.error(r ? t('roster.rejected') : err.message);
    },
  });

  const reset = () => {
    setFile(null);
    setReport(null);
    setMapping(null);
    setDone(null);
    setDecisions({});
  };
  const check = (f: File | null = file, m: RosterMapping | null = null) => {
    if (team && f) preview.mutate({ team, file: f, mapping: m });
  };

  if (done) {
    return (
      <Card size="small">
        <Result
          status="success"
          title={t('roster.doneTitle', { team: done.team.name })}
          subTitle={t('roster.doneBody', { ...done.result })}
          extra={
            <Button type="primary" onClick={reset}>
              {t('roster.another')}
            </Button>
          }
        />
      </Card>
    );
  }

  const mappingDirty = !!report && !!mapping && JSON.stringify(mapping) !== JSON.stringify(report.mapping);
  const takeCount = Object.values(decisions).filter((d) => d === 'take').length;
  const canCommit = !!report && report.ok && !mappingDirty && !!file && !!team;
  const confirm = () =>
    modal.confirm({
      title: t('roster.confirmTitle', { team: team?.name }),
      content: t('roster.confirmBody', { new: report?.summary.new, match: report?.summary.match, take: takeCount }),
      okText: t('roster.commit'),
      cancelText: t('common.cancel'),
      onOk: () => commit.mutateAsync(),
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('roster.importTitle')}>
        <Typography.Paragraph type="secondary">{t('roster.importIntro')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('roster.team')} htmlFor="roster-team" required>
            <TeamSelect
              id="roster-team"
              value={team}
              onChange={(x) => {
                setTeam(x);
                setReport(null);
                if (x && file) preview.mutate({ team: x, file, mapping: null });
              }}
            />
          </Form.Item>
          <Form.Item label={t('roster.file')} required extra={!team ? t('roster.teamFirst') : undefined}>
            <Upload.Dragger
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              maxCount={1}
              disabled={!team}
              fileList={file ? [{ uid: 'roster', name: file.name, status: 'done' }] : []}
              beforeUpload={(f) => {
                setFile(f);
                setReport(null);
                check(f);
                return false;
              }}
              onRemove={reset}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('roster.dropHere')}</p>
            </Upload.Dragger>
          </Form.Item>
        </Form>
        {preview.isPending && <Typography.Text type="secondary">{t('roster.checking')}</Typography.Text>}
      </Card>

      {report && mapping && (
        <Card size="small">
          <MappingEditor
            headers={report.file.headers}
            mapping={mapping}
            source={report.mappingSource}
            onChange={setMapping}
            dirty={mappingDirty}
            busy={preview.isPending}
            onRecheck={() => check(file, mapping)}
          />
        </Card>
      )}

      {report && (
        <Card size="small" title={t('roster.summaryTitle')}>
          <Space size={32} wrap style={{ marginBottom: 16 }} aria-label={t('roster.summaryTitle')}>
            {(['rows', 'new', 'match', 'member', 'conflict', 'error'] as const).map((k) => (
              <Statistic
                key={k}
                title={t(`roster.summary.${k}`)}
                value={report.summary[k]}
                valueStyle={k === 'error' && report.summary.error > 0 ? { color: '#cf1322' } : undefined}
              />
            ))}
          </Space>
          {report.problems.length > 0 && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('roster.problems')} description={report.problems.map((p) => p.message).join('；')} />
          )}
          {report.truncated && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('roster.truncated', { total: report.summary.rows, shown: report.rows.length })} />}
          <RosterRowsTable rows={report.rows} decisions={decisions} onDecide={(row, d) => setDecisions((ds) => ({ ...ds, [row]: d }))} />
          <Space style={{ marginTop: 12 }}>
            <Tooltip title={!canCommit && report.summary.error + report.problems.length > 0 ? t('roster.commitDisabledErrors') : undefined}>
              <Button type="primary" icon={<CloudUploadOutlined />} disabled={!canCommit} loading={commit.isPending} onClick={confirm}>
                {t('roster.commit')}
              </Button>
            </Tooltip>
          </Space>
        </Card>
      )}
    </Space>
  );
}
