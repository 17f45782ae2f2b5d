// Menu item rows → API shapes. Staff see the whole item with its sites by name; the public shape carries no
// internal ids beyond the item's own and nothing about who wrote it.
import type { DbOrTx } from '../../db/client';
import * as repo from './menu.repo';
import type { MenuItemJoined } from './menu.repo';

export function presentMenuItem(item: MenuItemJoined, names: Map<string, string>) {
  return {
    id: item.id,
    unitId: item.unitId,
    unitName: item.unitName,
    unitCode: item.unitCode,
    teamId: item.teamId,
    teamName: item.teamId ? item.teamName : null,
    title: item.title,
    category: item.category,
    description: item.description,
    provider: item.provider,
    sites: item.siteIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    availability: item.availability,
    weeklyQuota: item.weeklyQuota,
    homeVisit: item.homeVisit,
    status: item.status,
    publishedAt: item.publishedAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

/** Presents a page (or one item) with one query for all the site names it mentions. */
export async function presentMenuItems(db: DbOrTx, items: MenuItemJoined[]) {
  const names = await repo.siteNames(db, items.flatMap((i) => i.siteIds));
  return items.map((i) => presentMenuItem(i, names));
}

export function presentPublicMenuItem(item: MenuItemJoined) {
  return {
    id: item.id,
    title: item.title,
    category: item.category,
    description: item.description,
    provider: item.provider,
    availability: item.availability,
    homeVisit: item.homeVisit,
    unitName: item.unitName,
    teamName: item.teamId ? item.teamName : null,
    weeklyQuota: item.weeklyQuota,
  };
}
