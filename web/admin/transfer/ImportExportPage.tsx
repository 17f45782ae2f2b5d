// 导入导出: download the network as XLSX; upload an XLSX in the same format, preview its row errors, then commit
// (the server writes nothing if any row fails).
import { useState } from 'react';
import { App, Button, Card, Space, Typography, Upload } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, withQuery } from '../../api/client';
import type { ImportReport } from '../../api/types';
import { UnitPicker } from '../ui/UnitPicker';
import { useNetworkTree, TREE_KEY } from '../network/use-network';
import { ImportReportView } from './ImportReportView';

function upload(file: File, mode: 'preview' | 'commit') {
  const form = new FormData();
  form.append('file', file);
  return api<ImportReport>(withQuery('/api/network/import', { mode }), { method: 'POST', body: form });
}

export function ImportExportPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const { roots } = useNetworkTree();
  const [under, setUnder] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const exportUnder = under ?? roots[0]?.id;

  const reportOf = (err: unknown): ImportReport | null => {
    const d = err instanceof ApiError ? (err.details as Partial<ImportReport> | undefined) : undefined;
    return d && Array.isArray(d.rows) ? { ok: false, summary: d.summary, rows: d.rows } : null;
  };
  const preview = useMutation({
    mutationFn: (f: File) => upload(f, 'preview'),
    onSuccess: setReport,
    onError: (err) => {
      const r = reportOf(err);
      if (r) setReport(r);
      else void message.error(err.message);
    },
  });
  const commit = useMutation({
    mutationFn: (f: File) => upload(f, 'commit'),
    onSuccess: (r) => {
      // Keep the counts on screen as the record of what was written.
      setReport({ ...r, committed: true });
      setFile(null);
      void message.success(t('transfer.imported'));
      void qc.invalidateQueries({ queryKey: TREE_KEY });
      void qc.invalidateQueries({ queryKey: ['sites'] });
      void qc.invalidateQueries({ queryKey: ['unit'] });
      return r;
    },
    onError: (err) => {
      const r = reportOf(err);
      if (r) setReport(r);
      void message.error(err.message);
    },
  });
  const canCommit = !!file && !!report && !report.committed && report.ok && report.rows.every((r) => r.errors.length === 0);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('transfer.exportTitle')}>
        <Typography.Paragraph type="secondary">{t('transfer.exportHint')}</Typography.Paragraph>
        <Space wrap>
          <UnitPicker value={exportUnder} onChange={setUnder} aria-label={t('transfer.exportUnder')} style={{ width: 320 }} />
          <Button type="primary" icon={<DownloadOutlined />} disabled={!exportUnder} href={exportUnder ? withQuery('/api/network/export.xlsx', { under: exportUnder }) : undefined} download>
            {t('transfer.download')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('transfer.importTitle')}>
        <Typography.Paragraph type="secondary">{t('transfer.importHint')}</Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          fileList={file ? [{ uid: 'import', name: file.name, status: 'done' }] : []}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            preview.mutate(f);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setReport(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('transfer.dropHere')}</p>
        </Upload.Dragger>
        <div style={{ marginTop: 16 }}>
          {preview.isPending && <Typography.Text type="secondary">{t('transfer.checking')}</Typography.Text>}
          {report && <ImportReportView report={report} />}
        </div>
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            disabled={!canCommit}
            loading={commit.isPending}
            onClick={() =>
              modal.confirm({
                title: t('transfer.confirmTitle'),
                content: t('transfer.confirmBody', { name: file?.name }),
                okText: t('transfer.commit'),
                cancelText: t('common.cancel'),
                onOk: () => file && commit.mutateAsync(file),
              })
            }
          >
            {t('transfer.commit')}
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
