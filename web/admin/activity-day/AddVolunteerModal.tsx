// The organizer signs a registered volunteer up: search the registry (name, phone or volunteer number), pick one,
// add. The server applies the same rules as a volunteer's own sign-up except the deadline; a full activity puts
// them on the waiting list, and missing skills or qualifications are refused with the reason.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Modal, Select, Space, Typography, type RefSelectProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail } from '../../api/activities';
import { addSignup } from '../../api/activity-day';
import { listVolunteers, type VolunteerRow } from '../../api/volunteers';
import { DAY_KEY } from './day-ui';

type Props = { activity: ActivityDetail; open: boolean; onClose: () => void };

function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

export function AddVolunteerModal({ activity, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<VolunteerRow | undefined>();
  const search = useRef<RefSelectProps>(null);
  const q = useDebounced(text.trim(), 300);
  const found = useQuery({
    queryKey: ['volunteers', 'picker', q],
    queryFn: ({ signal }) => listVolunteers({ q, status: 'active', limit: 20 }, signal),
    enabled: open && q.length > 0,
  });
  useEffect(() => {
    if (!open) {
      setText('');
      setPicked(undefined);
    }
  }, [open]);

  const add = useMutation({
    mutationFn: (volunteerId: string) => addSignup(activity.id, volunteerId),
    onSuccess: (s) => {
      void message.success(
        s.status === 'waitlisted' ? t('activityDay.add.waitlisted', { name: s.name, position: s.position ?? '' }) : t('activityDay.add.confirmed', { name: s.name }),
      );
      void qc.invalidateQueries({ queryKey: DAY_KEY });
      onClose();
    },
  });
  const row = (v: VolunteerRow) => (
    <Space size={6} wrap>
      <span>{v.name}</span>
      <Typography.Text type="secondary">{v.number}</Typography.Text>
      <Typography.Text type="secondary">{v.phoneMasked}</Typography.Text>
      {v.homeUnit && <Typography.Text type="secondary">{v.homeUnit.name}</Typography.Text>}
    </Space>
  );
  // The chosen one stays an option while the search text changes, so the box keeps showing their name.
  const items = found.data?.items ?? [];
  const options = picked && !items.some((v) => v.id === picked.id) ? [picked, ...items] : items;
  const needs = [...activity.requiredSkills, ...activity.requiredQualifications];

  return (
    <Modal
      open={open}
      title={t('activityDay.add.title', { title: activity.title })}
      okText={t('activityDay.add.ok')}
      okButtonProps={{ disabled: !picked }}
      confirmLoading={add.isPending}
      onOk={() => picked && add.mutate(picked.id)}
      onCancel={onClose}
      // Focus the search once the modal has opened: focusing during the opening animation would size its list
      // to the half-grown box.
      afterOpenChange={(opened) => opened && search.current?.focus()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('activityDay.add.hint')}</Typography.Paragraph>
      {needs.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('activityDay.add.needs', { list: needs.join('、') })} />}
      <Select
        showSearch={{ filterOption: false, onSearch: (v) => setText(v) }}
        value={picked?.id}
        onChange={(id) => {
          setPicked(options.find((v) => v.id === id));
          add.reset();
        }}
        placeholder={t('activityDay.add.search')}
        aria-label={t('activityDay.add.search')}
        style={{ width: '100%' }}
        loading={found.isFetching}
        notFoundContent={
          q.length === 0 ? t('activityDay.add.typeToSearch') : found.isFetching ? t('common.loading') : found.isError ? found.error.message : t('activityDay.add.noneFound')
        }
        options={options.map((v) => ({ value: v.id, label: `${v.name} ${v.number}`, volunteer: v }))}
        optionRender={(o) => row(o.data.volunteer)}
        ref={search}
      />
      {add.isError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={add.error.message} />}
    </Modal>
  );
}
