// Roles and what each may do. Shared by the server policy and the web (to hide what a user cannot do).
export const staffRoles = ['district_admin', 'institute_admin', 'station_admin'] as const;
export type StaffRole = (typeof staffRoles)[number];
// Later issues add team_leader, volunteer and citizen; they hold no network powers.
export type Role = StaffRole | 'team_leader' | 'volunteer' | 'citizen';

export type UnitLevel = 'center' | 'institute' | 'station';

/** The unit level each admin role is granted on. */
export const roleLevel: Record<StaffRole, UnitLevel> = {
  district_admin: 'center',
  institute_admin: 'institute',
  station_admin: 'station',
};

export type Action =
  | 'network.read' // see units, sites and belts in scope in the console
  | 'network.manage' // create / edit / move / close units, sites, belts; civic codes; import
  | 'account.manage' // create staff accounts, grant roles, reset passwords, disable
  | 'audit.read' // read the audit log of the scope
  | 'volunteer.read' // see volunteers whose home unit is in scope (ID numbers masked), export them
  | 'volunteer.manage' // review registrations, register on someone's behalf, edit, suspend, import, merge
  | 'volunteer.reveal' // see one volunteer's full ID number (each reveal is audited)
  | 'team.manage' // create and edit the teams of units in scope, manage their members
  | 'federation.manage' // decide teams' applications to the district volunteer federation
  | 'training.manage' // run the volunteer school: courses, sessions, attendance, qualifications
  | 'sms.read' // read the SMS outbox of the scope
  | 'activity.read' // see programmes, activities and the coverage report of the scope
  | 'activity.manage' // publish programmes, create and run activities of units in scope
  | 'activity.review' // review activities submitted by units below (when their settings ask for review)
  | 'theme.manage' // set the monthly themes (the center)
  | 'hours.read' // see service records, totals and star levels of the scope, export them
  | 'hours.manage' // approve / reject / enter / correct service records of activities in scope; check people in by hand
  | 'star.manage' // confirm volunteers' star levels (volunteers whose home unit is in scope)
  | 'star.configure' // set the star level thresholds (district-wide configuration)
  | 'certificate.issue' // approve, reject and revoke service record certificates; read the register
  | 'menu.manage'; // write and publish the service menu items of units in scope

export const actionRoles: Record<Action, readonly Role[]> = {
  'network.read': staffRoles,
  'network.manage': staffRoles,
  'account.manage': staffRoles,
  'audit.read': staffRoles,
  'volunteer.read': staffRoles,
  'volunteer.manage': staffRoles,
  // Staff admins only; team leaders never see full ID numbers.
  'volunteer.reveal': staffRoles,
  'team.manage': staffRoles,
  // The federation is district-wide: only the center decides who joins.
  'federation.manage': ['district_admin'],
  'training.manage': staffRoles,
  'sms.read': staffRoles,
  'activity.read': staffRoles,
  'activity.manage': staffRoles,
  // Reviewing happens from the level above; a station has nothing below it, so station admins never review.
  'activity.review': ['district_admin', 'institute_admin'],
  'theme.manage': ['district_admin'],
  'hours.read': staffRoles,
  'hours.manage': staffRoles,
  'star.manage': staffRoles,
  'star.configure': ['district_admin'],
  'certificate.issue': staffRoles,
  'menu.manage': staffRoles,
};

/** A role on `grantCode` covers `targetCode` when the target is that unit or lies under it. */
export function codeCovers(grantCode: string, targetCode: string): boolean {
  return targetCode.startsWith(grantCode);
}
