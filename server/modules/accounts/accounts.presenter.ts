// Account → API shape. The password hash never leaves the server.
import type { accounts } from '../../db/schema/accounts';
import type { GrantRow } from './accounts.repo';

export function presentAccount(a: typeof accounts.$inferSelect, grants: GrantRow[]) {
  return {
    id: a.id,
    phone: a.phone,
    name: a.name,
    status: a.status,
    grants: grants
      .filter((g) => g.accountId === a.id)
      .map((g) => ({ id: g.id, role: g.role, unitId: g.unitId, unitCode: g.unitCode, unitName: g.unitName })),
    createdAt: a.createdAt.toISOString(),
  };
}
