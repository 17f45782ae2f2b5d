// Search select of the teams the signed-in staff member may import a roster into.
import { useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rosterTeams, type RosterTeam } from '../../api/roster';

type Props = { value?: RosterTeam; onChange: (team: RosterTeam | undefined) => void; id?: string };

export function TeamSelect({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const teams = useQuery({ queryKey: ['roster-teams', q], queryFn: () => rosterTeams(q), placeholderData: keepPreviousData });
  const items = teams.data?.items ?? [];
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      style={{ width: 420, maxWidth: '100%' }}
      placeholder={t('roster.teamPlaceholder')}
      aria-label={t('roster.team')}
      loading={teams.isFetching}
      value={value?.id}
      options={items.map((x) => ({ value: x.id, label: `${x.name}（${x.unitName}）` }))}
      onChange={(teamId?: string) => onChange(teamId ? (items.find((x) => x.id === teamId) ?? value) : undefined)}
    />
  );
}
