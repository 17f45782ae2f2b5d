// The message outbox as staff read it: messages about units in their scope; the district's own admins also
// see district-wide messages (one-time codes, which concern no unit).
import { and, desc, eq, like, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { smsOutbox } from '../../db/schema/volunteers';
import { can, scopeCondition, type Principal } from '../../platform/policy';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { rootUnitCode } from './skill-tags.service';

export async function listOutbox(db: DbOrTx, o: { principal: Principal; phone?: string; cursor?: string; limit: number }) {
  const after = decodeCursor(o.cursor, ['number']);
  const root = await rootUnitCode(db);
  const scope = can(o.principal, 'sms.read', root)
    ? or(eq(smsOutbox.unitCode, ''), scopeCondition(o.principal, 'sms.read', smsOutbox.unitCode))
    : scopeCondition(o.principal, 'sms.read', smsOutbox.unitCode);
  const phone = o.phone ? (o.phone.length === 11 ? eq(smsOutbox.phone, o.phone) : like(smsOutbox.phone, `%${o.phone}%`)) : undefined;
  const rows = await db
    .select()
    .from(smsOutbox)
    .where(and(scope, phone, after ? lt(smsOutbox.id, Number(after[0])) : undefined))
    .orderBy(desc(smsOutbox.id))
    .limit(o.limit + 1);
  const page = pageOf(rows, o.limit, (r) => [r.id]);
  return { ...page, items: page.items.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

