// Writes to the append-only audit log. Call it with the transaction of the change it records, so the entry
// and the change land together or not at all.
import type { FastifyRequest } from 'fastify';
import { auditLog } from '../db/schema/audit';
import type { DbOrTx } from '../db/client';
import type { Principal } from './policy';

export type AuditEntry = {
  action: string;
  objectType?: string;
  objectId?: string;
  unitCode?: string;
  result?: 'ok' | 'denied' | 'failed';
  details?: Record<string, unknown>;
};

export type AuditActor = { id: string | null; label: string; ip: string };

export function actorOf(req: FastifyRequest): AuditActor {
  const p: Principal | null = req.principal;
  return { id: p?.accountId ?? null, label: p ? `${p.name} ${p.phone}` : '', ip: req.ip };
}

export async function audit(db: DbOrTx, actor: AuditActor, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor.id,
    actorLabel: actor.label,
    ip: actor.ip,
    action: e.action,
    objectType: e.objectType ?? '',
    objectId: e.objectId ?? '',
    unitCode: e.unitCode ?? '',
    result: e.result ?? 'ok',
    details: e.details ?? {},
  });
}
