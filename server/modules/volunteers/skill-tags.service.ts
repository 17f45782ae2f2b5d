// The configurable list of skills and specialties volunteers pick from. It is district-wide, so managing it
// needs volunteer.manage on the district's center (the deployment's root unit).
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import { skillTags } from '../../db/schema/volunteers';
import { AppError, notFound } from '../../platform/errors';
import { assertCan, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { conflictOn, isUniqueViolation } from '../network/network.errors';

type Actor = { principal: Principal; actor: AuditActor; now: Date };
const DUPLICATE = '已有同名标签';

/** The code of the district center this product runs for: the first root unit. */
export async function rootUnitCode(db: DbOrTx): Promise<string> {
  const [row] = rowsOf<{ code: string }>(await db.execute(sql`select code from units where parent_id is null order by created_at, code limit 1`));
  if (!row) throw new AppError('unavailable', '尚未建立实践网络');
  return row.code;
}

export async function listSkillTags(db: DbOrTx, opts: { activeOnly?: boolean } = {}) {
  return db
    .select({ id: skillTags.id, name: skillTags.name, category: skillTags.category, sort: skillTags.sort, active: skillTags.active })
    .from(skillTags)
    .where(opts.activeOnly ? eq(skillTags.active, true) : undefined)
    .orderBy(asc(skillTags.category), asc(skillTags.sort), asc(skillTags.name));
}

async function assertManages(db: DbOrTx, principal: Principal): Promise<string> {
  const root = await rootUnitCode(db);
  assertCan(principal, 'volunteer.manage', root);
  return root;
}

function mapDuplicate(e: unknown): never {
  if (isUniqueViolation(e, 'skill_tags_name_uq')) throw conflictOn('name', DUPLICATE);
  throw e;
}

export async function createSkillTag(db: Db, o: Actor & { name: string; category: 'skill' | 'specialty'; sort?: number }) {
  return db.transaction(async (tx) => {
    const root = await assertManages(tx, o.principal);
    const [row] = await tx
      .insert(skillTags)
      .values({ name: o.name, category: o.category, sort: o.sort ?? 0, createdAt: o.now })
      .returning()
      .catch(mapDuplicate);
    await audit(tx, o.actor, { action: 'volunteer.skill_tag_created', objectType: 'skill_tag', objectId: row.id, unitCode: root, details: { name: row.name } });
    return row;
  });
}

/**
 * Renaming a tag does not rewrite volunteers' skills (they keep the name they chose); retiring one (active:
 * false) hides it from new choices.
 */
export async function updateSkillTag(db: Db, o: Actor & { id: string; name?: string; category?: 'skill' | 'specialty'; active?: boolean; sort?: number }) {
  return db.transaction(async (tx) => {
    const root = await assertManages(tx, o.principal);
    const [before] = await tx.select().from(skillTags).where(eq(skillTags.id, o.id));
    if (!before) throw notFound('该标签');
    const patch = Object.fromEntries(Object.entries({ name: o.name, category: o.category, active: o.active, sort: o.sort }).filter(([, v]) => v !== undefined));
    if (Object.keys(patch).length === 0) return before;
    const [row] = await tx.update(skillTags).set(patch).where(eq(skillTags.id, o.id)).returning().catch(mapDuplicate);
    await audit(tx, o.actor, { action: 'volunteer.skill_tag_updated', objectType: 'skill_tag', objectId: row.id, unitCode: root, details: { changes: patch } });
    return row;
  });
}
