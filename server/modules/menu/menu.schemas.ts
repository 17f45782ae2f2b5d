// The API shapes of the service menu (服务菜单): staff items, their list query and bodies, and the public menu of
// a site. Lengths follow the contract (title 1–60, description ≤2000, provider ≤100, availability ≤200).
import { z } from 'zod';
import { textField } from '../../../common/network';
import { serviceCategoryKeys } from '../../../common/service-categories';
import { pageQuery } from '../../platform/pagination';

export const menuStatuses = ['draft', 'published', 'withdrawn'] as const;
// An item is offered at a handful of sites at most; a whole unit is "no sites".
export const MAX_SITES = 50;

export const idParams = z.strictObject({ id: z.uuid() });
export const tokenParams = z.strictObject({ token: z.string().min(1).max(64) });

export const menuItemSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitCode: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  description: z.string(),
  provider: z.string(),
  sites: z.array(z.object({ id: z.string(), name: z.string() })),
  availability: z.string(),
  weeklyQuota: z.number().nullable(),
  homeVisit: z.boolean(),
  status: z.enum(menuStatuses),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const publicMenuItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  description: z.string(),
  provider: z.string(),
  availability: z.string(),
  homeVisit: z.boolean(),
  unitName: z.string(),
  teamName: z.string().nullable(),
  weeklyQuota: z.number().nullable(),
});

export const menuListQuery = z.strictObject({
  unit: z.uuid().optional(),
  status: z.enum(menuStatuses).optional(),
  category: z.enum(serviceCategoryKeys).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

const fields = {
  teamId: z.uuid().nullable(),
  title: textField(60, { required: true }),
  category: z.enum(serviceCategoryKeys),
  description: textField(2000),
  provider: textField(100),
  siteIds: z.array(z.uuid()).max(MAX_SITES),
  availability: textField(200),
  weeklyQuota: z.number().int().min(1).max(1000).nullable(),
  homeVisit: z.boolean(),
};

export const menuCreateBody = z.strictObject({
  unitId: z.uuid(),
  teamId: fields.teamId.optional(),
  title: fields.title,
  category: fields.category,
  description: fields.description.optional(),
  provider: fields.provider.optional(),
  siteIds: fields.siteIds.optional(),
  availability: fields.availability.optional(),
  weeklyQuota: fields.weeklyQuota.optional(),
  homeVisit: fields.homeVisit.optional(),
});

export const menuPatchBody = z.strictObject({
  teamId: fields.teamId.optional(),
  title: fields.title.optional(),
  category: fields.category.optional(),
  description: fields.description.optional(),
  provider: fields.provider.optional(),
  siteIds: fields.siteIds.optional(),
  availability: fields.availability.optional(),
  weeklyQuota: fields.weeklyQuota.optional(),
  homeVisit: fields.homeVisit.optional(),
});

export type MenuCreateBody = z.infer<typeof menuCreateBody>;
export type MenuPatchBody = z.infer<typeof menuPatchBody>;
