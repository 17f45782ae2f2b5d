// Small shared pieces of the volunteer pages: status colours, what the signed-in staff member may do.
import { actionRoles, codeCovers, type Action } from '../../../common/roles';
import type { Me } from '../../api/types';
import type { VolunteerStatus } from '../../api/volunteers';

export const statusColor: Record<VolunteerStatus, string> = { pending: 'gold', active: 'green', suspended: 'orange', left: 'default' };
export const volunteerStatuses: VolunteerStatus[] = ['pending', 'active', 'suspended', 'left'];

/** The same rule as the server's policy (the server decides; this only hides what would be refused). */
export function mayDo(me: Me, action: Action, unitCode?: string): boolean {
  return me.grants.some((g) => (actionRoles[action] as readonly string[]).includes(g.role) && (unitCode === undefined || codeCovers(g.unitCode, unitCode)));
}

/** Whether the staff member holds the action on a root unit (the district center). */
export function mayDoAtCenter(me: Me, action: Action): boolean {
  return me.grants.some((g) => (actionRoles[action] as readonly string[]).includes(g.role) && g.unitCode.length === 6);
}

export const VOLUNTEERS_KEY = ['volunteers'] as const;
