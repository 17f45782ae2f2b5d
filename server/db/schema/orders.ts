// 一码响应 (issue 5): the service menu units and teams publish. Orders, their steps, pairing and the monthly help
// board follow in this file.
import { sql } from 'drizzle-orm';
import { pgTable, text, integer, timestamp, uuid, index, boolean, check } from 'drizzle-orm/pg-core';
import { units } from './network';
import { teams } from './teams';

export type MenuItemStatus = 'draft' | 'published' | 'withdrawn';

// A service a unit (optionally through one of its teams) offers citizens: at some of its sites, or anywhere in the
// unit when siteIds is empty.
export const menuItems = pgTable(
  'menu_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitCode: text('unit_code').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    title: text('title').notNull(),
    // Key from common/service-categories.ts.
    category: text('category').notNull(),
    description: text('description').notNull().default(''),
    // Who provides it, in words citizens understand (e.g. "永中街道法律服务志愿队律师").
    provider: text('provider').notNull().default(''),
    siteIds: uuid('site_ids').array().notNull().default(sql`'{}'::uuid[]`),
    // When it is available, in words (e.g. "每周六上午 9:00–11:00").
    availability: text('availability').notNull().default(''),
    // How many orders a week it can take; null = no limit.
    weeklyQuota: integer('weekly_quota'),
    homeVisit: boolean('home_visit').notNull().default(false),
    status: text('status').$type<MenuItemStatus>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('menu_items_scope_idx').using('btree', sql`${t.unitCode} text_pattern_ops`, t.status),
    index('menu_items_unit_idx').on(t.unitId, t.status),
    index('menu_items_sites_idx').using('gin', t.siteIds),
    check('menu_items_quota_ck', sql`${t.weeklyQuota} is null or ${t.weeklyQuota} > 0`),
  ],
);
