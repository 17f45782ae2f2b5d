// The API shapes of the network module (requests and responses), shared by its route files. Field rules
// (code, phone, kinds) come from common/network.ts so the web validates the same way.
import { z } from 'zod';
import {
  contactPhoneSchema,
  fieldLimits as L,
  latSchema,
  lngSchema,
  PHOTO_PATTERN,
  siteKindKeys,
  siteStatuses,
  textField,
  unitCodeSchema,
  unitLevels,
  unitStatuses,
} from '../../../common/network';
import { pageQuery } from '../../platform/pagination';

export const idParams = z.strictObject({ id: z.uuid() });
const searchText = z.string().trim().max(100).optional();

export const unitSchema = z.object({
  id: z.string(),
  code: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(unitLevels),
  name: z.string(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  openingHours: z.string(),
  intro: z.string(),
  status: z.enum(unitStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const treeSchema = z.object({
  units: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      parentId: z.string().nullable(),
      level: z.enum(unitLevels),
      name: z.string(),
      status: z.enum(unitStatuses),
      siteCount: z.number().describe("the unit's own sites"),
      subtreeSiteCount: z.number().describe('sites of the unit and every unit under it'),
      childCount: z.number().describe('direct child units'),
    }),
  ),
});

export const unitListQuery = z.strictObject({
  q: searchText,
  level: z.enum(unitLevels).optional(),
  status: z.enum(unitStatuses).optional(),
  under: z.uuid().optional().describe('a unit id: only that unit and the units under it'),
  ...pageQuery,
});

const unitDetails = {
  address: textField(L.address).optional(),
  lat: latSchema.nullable().optional(),
  lng: lngSchema.nullable().optional(),
  contactName: textField(L.contactName).optional(),
  contactPhone: contactPhoneSchema.optional(),
  openingHours: textField(L.openingHours).optional(),
  intro: textField(L.intro).optional(),
};

export const unitCreateBody = z.strictObject({
  parentId: z.uuid(),
  code: unitCodeSchema,
  name: textField(L.name, { required: true }),
  ...unitDetails,
});

export const unitPatchBody = z.strictObject({ name: textField(L.name, { required: true }).optional(), ...unitDetails });
export const unitMoveBody = z.strictObject({ parentId: z.uuid(), code: unitCodeSchema });

export const siteSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  kind: z.string(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  openingHours: z.string(),
  facilities: z.array(z.string()),
  capacity: z.number().nullable(),
  photos: z.array(z.string()),
  contactName: z.string(),
  contactPhone: z.string(),
  intro: z.string(),
  status: z.enum(siteStatuses),
  civicUrl: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const siteListQuery = z.strictObject({
  q: searchText,
  unitId: z.uuid().optional().describe("a unit id: that unit's whole subtree"),
  kind: z.enum(siteKindKeys).optional(),
  status: z.enum(siteStatuses).optional(),
  ...pageQuery,
});

const siteDetails = {
  address: textField(L.address).optional(),
  lat: latSchema.nullable().optional(),
  lng: lngSchema.nullable().optional(),
  openingHours: textField(L.openingHours).optional(),
  facilities: z.array(textField(L.facility, { required: true })).max(L.facilities).optional(),
  capacity: z.number().int().min(0).max(L.capacity).nullable().optional(),
  photos: z.array(z.string().max(L.photo).regex(PHOTO_PATTERN, '须为 http(s) 地址或以 / 开头的路径')).max(L.photos).optional(),
  contactName: textField(L.contactName).optional(),
  contactPhone: contactPhoneSchema.optional(),
  intro: textField(L.intro).optional(),
};

export const siteCreateBody = z.strictObject({
  unitId: z.uuid(),
  name: textField(L.name, { required: true }),
  kind: z.enum(siteKindKeys),
  status: z.enum(siteStatuses).optional(),
  ...siteDetails,
});

export const sitePatchBody = z.strictObject({
  unitId: z.uuid().optional().describe('move the site to another unit'),
  name: textField(L.name, { required: true }).optional(),
  kind: z.enum(siteKindKeys).optional(),
  ...siteDetails,
});

export const siteStatusBody = z.strictObject({ status: z.enum(siteStatuses) });

export const publicSiteSchema = z.object({
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  unitName: z.string(),
  unitLevel: z.enum(unitLevels),
  streetName: z.string(),
  address: z.string(),
  openingHours: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  intro: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  status: z.enum(siteStatuses),
  photos: z.array(z.string()),
});

export const beltSchema = z.object({
  id: z.string(),
  name: z.string(),
  theme: z.string(),
  description: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  stops: z.array(z.object({ position: z.number(), siteId: z.string(), siteName: z.string(), unitName: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const beltListQuery = z.strictObject({ q: searchText, ...pageQuery });
const siteIds = z.array(z.uuid()).max(L.beltStops);
export const beltCreateBody = z.strictObject({
  name: textField(L.name, { required: true }),
  theme: textField(L.beltTheme, { required: true }),
  description: textField(L.intro).optional(),
  unitId: z.uuid(),
  siteIds: siteIds.optional(),
});
export const beltPatchBody = z.strictObject({
  name: textField(L.name, { required: true }).optional(),
  theme: textField(L.beltTheme, { required: true }).optional(),
  description: textField(L.intro).optional(),
});
export const beltStopsBody = z.strictObject({ siteIds });

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), nextCursor: z.string().nullable() });
}

export const fileResponse = z.any().describe('a file download');
