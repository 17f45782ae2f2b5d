// 文明码 of a site: the QR as the server draws it, its public URL, downloads, and regeneration (which makes the
// printed code stop working, so it asks first).
import { useState } from 'react';
import { Alert, App, Button, Drawer, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Site } from '../../api/types';

function useQrImage(siteId: string, civicUrl: string) {
  return useQuery({
    // The civic URL is part of the key so a regenerated code is fetched afresh.
    queryKey: ['civic-svg', siteId, civicUrl],
    queryFn: async () => {
      const res = await fetch(`/api/sites/${siteId}/civic-code.svg`, { cache: 'no-store', credentials: 'same-origin' });
      if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, `HTTP ${res.status}`);
      // A data URL needs no clean-up, unlike an object URL.
      return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await res.text())}`;
    },
    staleTime: Infinity,
  });
}

export function CivicCodeDrawer({ site, onClose }: { site: Site; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [current, setCurrent] = useState(site);
  const qr = useQrImage(current.id, current.civicUrl);

  const regenerate = useMutation({
    mutationFn: () => api<Site>(`/api/sites/${current.id}/civic-code/regenerate`, { method: 'POST' }),
    onSuccess: (s) => {
      setCurrent(s);
      void message.success(t('civic.regenerated'));
      void qc.invalidateQueries({ queryKey: ['sites'] });
    },
    onError: (err) => void message.error(err.message),
  });
  const confirmRegenerate = () =>
    modal.confirm({
      title: t('civic.regenerateTitle'),
      content: t('civic.regenerateBody'),
      okText: t('civic.regenerate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => regenerate.mutateAsync(),
    });

  return (
    <Drawer open size={440} title={t('civic.title', { name: current.name })} onClose={onClose}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <div style={{ display: 'grid', placeItems: 'center', minHeight: 280, border: '1px solid #f0f0f0', borderRadius: 8, padding: 16 }}>
          {qr.isPending && <Spin />}
          {qr.isError && <Alert type="error" showIcon title={t('civic.qrFailed')} />}
          {qr.data && <img src={qr.data} alt={t('civic.qrAlt', { name: current.name })} style={{ width: 260, height: 260 }} data-testid="civic-qr" />}
        </div>
        <div>
          <Typography.Text type="secondary">{t('civic.publicUrl')}</Typography.Text>
          <Typography.Paragraph copyable={{ text: current.civicUrl }} style={{ marginBottom: 0 }}>
            <a href={current.civicUrl} target="_blank" rel="noopener" data-testid="civic-url">
              {current.civicUrl}
            </a>
          </Typography.Paragraph>
        </div>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={`/api/sites/${current.id}/civic-code.svg`} download>
            {t('civic.downloadSvg')}
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api/sites/${current.id}/civic-code.png`} download>
            {t('civic.downloadPng')}
          </Button>
        </Space>
        <Alert type="warning" showIcon title={t('civic.regenerateHint')} />
        <Button danger icon={<ReloadOutlined />} loading={regenerate.isPending} onClick={confirmRegenerate}>
          {t('civic.regenerate')}
        </Button>
      </Space>
    </Drawer>
  );
}
