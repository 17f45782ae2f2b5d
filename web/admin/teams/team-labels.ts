// Labels of the teams pages that come from common/ (specialties, organization types) in the interface language,
// and the colours of statuses.
import { useTranslation } from 'react-i18next';
import { orgTypes, teamSpecialties } from '../../../common/team-specialties';
import type { FederationStatus, MemberStatus } from '../../api/teams';

export function useTeamLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return {
    specialties: teamSpecialties.map((s) => ({ value: s.key as string, label: s[lang] })),
    orgTypes: orgTypes.map((o) => ({ value: o.key as string, label: o[lang] })),
    specialty: (key: string) => teamSpecialties.find((s) => s.key === key)?.[lang] ?? key,
    orgType: (key: string | null) => orgTypes.find((o) => o.key === key)?.[lang] ?? '',
  };
}

export const federationColor: Record<FederationStatus, string> = { none: 'default', applied: 'processing', member: 'success', rejected: 'error' };
export const memberStatusColor: Record<MemberStatus, string> = { pending: 'processing', active: 'success', rejected: 'error', left: 'default', removed: 'warning' };
export const TEAMS_KEY = ['teams'] as const;
