// Which column of the uploaded roster is the name, mobile, ID number, skills and station.
import { Button, Form, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rosterFields, type RosterMapping } from '../../api/roster';

const REQUIRED = new Set(['name', 'phone', 'idNumber']);
const NONE = '__none__';

type Props = {
  headers: string[];
  mapping: RosterMapping;
  source: 'request' | 'remembered' | 'guessed';
  onChange: (m: RosterMapping) => void;
  onRecheck: () => void;
  dirty: boolean;
  busy: boolean;
};

export function MappingEditor({ headers, mapping, source, onChange, onRecheck, dirty, busy }: Props) {
  const { t } = useTranslation();
  return (
    <div>
      <Space align="baseline" wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('roster.mappingTitle')}
        </Typography.Title>
        <Tag color={source === 'remembered' ? 'green' : 'blue'}>
          {source === 'remembered' ? t('roster.mappingRemembered') : source === 'guessed' ? t('roster.mappingGuessed') : t('roster.mappingRequest')}
        </Tag>
      </Space>
      <Typography.Paragraph type="secondary">{t('roster.mappingHint')}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8 }}>
        {rosterFields.map((f) => (
          <Form.Item key={f} label={t(`roster.fields.${f}`)} required={REQUIRED.has(f)} htmlFor={`map-${f}`}>
            <Select
              id={`map-${f}`}
              style={{ width: 160 }}
              value={mapping[f] ?? NONE}
              status={REQUIRED.has(f) && !mapping[f] ? 'error' : undefined}
              options={[...(REQUIRED.has(f) ? [] : [{ value: NONE, label: t('roster.noColumn') }]), ...headers.map((h) => ({ value: h, label: h }))]}
              onChange={(v: string) => onChange({ ...mapping, [f]: v === NONE ? null : v })}
            />
          </Form.Item>
        ))}
        <Form.Item>
          <Button onClick={onRecheck} disabled={!dirty} loading={busy}>
            {t('roster.recheck')}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}
