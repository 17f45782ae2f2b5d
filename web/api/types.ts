// Shapes of the API's answers as the web uses them (docs/api-contract.md; /api/openapi.json is the truth).
import type { UnitLevel, StaffRole } from '../../common/roles';

/** A keyset page; `total` is left out by lists too large to count on every request. */
export type Page<T> = { items: T[]; total?: number; nextCursor: string | null };

export type Grant = { id?: string; role: StaffRole | string; unitId: string; unitCode: string; unitName: string };
export type Me = { id: string; name: string; phone: string; grants: Grant[]; volunteerId?: string | null; teamsLed?: string[] };

export type UnitStatus = 'active' | 'closed';
export type TreeUnit = {
  id: string;
  code: string;
  parentId: string | null;
  level: UnitLevel;
  name: string;
  status: UnitStatus;
  /** The unit's own sites. */
  siteCount: number;
  /** Sites of the unit and every unit under it. */
  subtreeSiteCount?: number;
  childCount: number;
};

export type Unit = {
  id: string;
  code: string;
  parentId: string | null;
  level: UnitLevel;
  name: string;
  address: string;
  lat: number | null;
  lng: number | null;
  contactName: string;
  contactPhone: string;
  openingHours: string;
  intro: string;
  status: UnitStatus;
  createdAt: string;
  updatedAt: string;
};

export type SiteStatus = 'open' | 'closed' | 'suspended';
export type Site = {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  name: string;
  kind: string;
  address: string;
  lat: number | null;
  lng: number | null;
  openingHours: string;
  facilities: string[];
  capacity: number | null;
  photos: string[];
  contactName: string;
  contactPhone: string;
  intro: string;
  status: SiteStatus;
  civicUrl: string;
  createdAt: string;
  updatedAt: string;
};

export type SiteKind = { kind: string; label: string };

export type BeltStop = { position: number; siteId: string; siteName: string; unitName: string };
export type Belt = { id: string; name: string; theme: string; description: string; unitId: string; stops: BeltStop[] };

export type Account = {
  id: string;
  phone: string;
  name: string;
  status: 'active' | 'disabled';
  grants: (Grant & { id: string })[];
  createdAt: string;
};

export type AuditEntry = {
  id: string | number;
  at: string;
  actorLabel: string;
  ip: string;
  action: string;
  objectType: string;
  objectId: string | null;
  unitCode: string | null;
  result: string;
  details: unknown;
};

export type ImportReport = {
  ok: boolean;
  committed?: boolean;
  summary: unknown;
  rows: { sheet: string; row: number; errors: { field: string; message: string }[] }[];
};

export type PublicSite = {
  name: string;
  kind: string;
  kindLabel: string;
  unitName: string;
  unitLevel: UnitLevel;
  streetName: string;
  address: string;
  openingHours: string;
  contactName: string;
  contactPhone: string;
  intro: string;
  lat: number | null;
  lng: number | null;
  status: SiteStatus;
  photos: string[];
};
