// Rows → API shapes for units, sites, belts and the public site page. Staff in scope see every field of the
// network; the public page shows only what a citizen standing at the site needs.
import type { belts, sites, units } from '../../db/schema/network';
import { areaNameOf, siteKindLabel, type UnitLevel } from '../../../common/network';

type UnitRow = typeof units.$inferSelect;
type SiteRow = typeof sites.$inferSelect;
export type SiteWithUnit = SiteRow & { unitName: string };

export function civicUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/c/${token}`;
}

export function presentUnit(u: UnitRow) {
  return {
    id: u.id,
    code: u.code,
    parentId: u.parentId,
    level: u.level,
    name: u.name,
    address: u.address,
    lat: u.lat,
    lng: u.lng,
    contactName: u.contactName,
    contactPhone: u.contactPhone,
    openingHours: u.openingHours,
    intro: u.intro,
    status: u.status,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

export function presentSite(s: SiteWithUnit, publicBaseUrl: string) {
  return {
    id: s.id,
    unitId: s.unitId,
    unitCode: s.unitCode,
    unitName: s.unitName,
    name: s.name,
    kind: s.kind,
    address: s.address,
    lat: s.lat,
    lng: s.lng,
    openingHours: s.openingHours,
    facilities: s.facilities,
    capacity: s.capacity,
    photos: s.photos,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
    intro: s.intro,
    status: s.status,
    civicUrl: civicUrl(publicBaseUrl, s.civicToken),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export type PublicSiteRow = SiteRow & { unitName: string; unitLevel: UnitLevel; parentName: string | null };

/**
 * The page a citizen sees after scanning a civic code. The contact phone is the site's published service
 * number (printed on its notice board), not a person's private number, so it is shown in full.
 */
export function presentPublicSite(s: PublicSiteRow, lang: 'zh' | 'en') {
  // The street is the institute: the unit itself, or a station's parent. Center sites have none.
  const streetSource = s.unitLevel === 'institute' ? s.unitName : s.unitLevel === 'station' ? s.parentName : null;
  return {
    name: s.name,
    kind: s.kind,
    kindLabel: siteKindLabel(s.kind, lang),
    unitName: s.unitName,
    unitLevel: s.unitLevel,
    streetName: streetSource ? areaNameOf(streetSource) : '',
    address: s.address,
    openingHours: s.openingHours,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
    intro: s.intro,
    lat: s.lat,
    lng: s.lng,
    status: s.status,
    photos: s.photos,
  };
}

export type BeltStopRow = { beltId: string; position: number; siteId: string; siteName: string; unitName: string };

export function presentBelt(b: typeof belts.$inferSelect, stops: BeltStopRow[]) {
  return {
    id: b.id,
    name: b.name,
    theme: b.theme,
    description: b.description,
    unitId: b.unitId,
    unitCode: b.unitCode,
    stops: stops
      .filter((s) => s.beltId === b.id)
      .sort((a, c) => a.position - c.position)
      .map((s) => ({ position: s.position, siteId: s.siteId, siteName: s.siteName, unitName: s.unitName })),
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}
