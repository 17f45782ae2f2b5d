// A volunteer's in-app notifications (written by the notification adapter for every module): the list, newest
// first, with the unread count for the badge, and marking some or all as read.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { notifications } from '../../db/schema/attendance';
import { requireVolunteer, type Principal } from '../../platform/policy';
import { decodeCursor, pageOf } from '../../platform/pagination';

export type NotificationRow = typeof notifications.$inferSelect;

async function unreadOf(db: DbOrTx, volunteerId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.volunteerId, volunteerId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function myNotifications(db: DbOrTx, o: { principal: Principal; cursor?: string; limit: number }) {
  const volunteerId = requireVolunteer(o.principal);
  const after = decodeCursor(o.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.volunteerId, volunteerId),
        after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(o.limit + 1);
  return { ...pageOf(rows, o.limit, (r) => [r.createdAt.toISOString(), r.id]), unread: await unreadOf(db, volunteerId) };
}

/** Marks the given notifications (only the caller's own) or, without ids, all of them as read. */
export async function markRead(db: DbOrTx, o: { principal: Principal; ids?: string[]; now: Date }): Promise<{ unread: number }> {
  const volunteerId = requireVolunteer(o.principal);
  await db
    .update(notifications)
    .set({ readAt: o.now })
    .where(and(eq(notifications.volunteerId, volunteerId), isNull(notifications.readAt), o.ids ? inArray(notifications.id, o.ids) : undefined));
  return { unread: await unreadOf(db, volunteerId) };
}

export function presentNotification(n: NotificationRow) {
  return {
    id: n.id,
    purpose: n.purpose,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
