// Writes people retry (a check-in on a bad connection) carry an Idempotency-Key header. The first request with a
// key claims it inside its transaction and stores its answer there; a retry gets the stored answer, never a
// second effect. A concurrent retry waits on the unique index until the first commits (PostgreSQL), then reads
// the answer. A failed request rolls its claim back, so retrying after an error runs again.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { idempotencyKeys } from '../db/schema/attendance';
import { AppError, fieldError } from './errors';

export type Outcome<T> = { status: number; body: T };

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/** Reads and checks the header; undefined when absent. */
export function idempotencyKeyOf(headers: Record<string, unknown>): string | undefined {
  const raw = headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw fieldError('Idempotency-Key', '应为 8–100 位字母、数字或 _.:-');
  return key;
}

/**
 * Runs `effect` in a transaction, once per (scope, key). `request` identifies what was asked (route and body):
 * the same key with a different request is refused rather than answered with another request's result.
 */
export async function once<T>(
  db: Db,
  opts: { key: string | undefined; scope: string; request: string },
  effect: (tx: DbOrTx) => Promise<Outcome<T>>,
): Promise<Outcome<T> & { replayed: boolean }> {
  const { key, scope, request } = opts;
  if (!key) return { ...(await db.transaction(effect)), replayed: false };
  const fresh = await db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ key, scope, route: request, statusCode: 0, body: '' })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) return null;
    const outcome = await effect(tx);
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: outcome.status, body: JSON.stringify(outcome.body) })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    return outcome;
  });
  if (fresh) return { ...fresh, replayed: false };
  const [stored] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!stored || stored.statusCode === 0) throw new AppError('conflict', '同一请求正在处理中，请稍后再试');
  if (stored.route !== request) throw new AppError('idempotency_key_reused');
  return { status: stored.statusCode, body: JSON.parse(stored.body) as T, replayed: true };
}

/** Keys are kept for a day: long enough for any retry. */
export async function pruneIdempotencyKeys(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(sql`${idempotencyKeys.createdAt} < ${new Date(now.getTime() - 24 * 3600_000)}`);
}
