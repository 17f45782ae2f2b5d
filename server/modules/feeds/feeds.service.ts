// Rules of the feeds: which activities each calendar holds (the 30 days behind and 90 ahead), who a token opens,
// and the volunteer's own feed address, made on first use and renewable (the old address then stops working).
import type { DbOrTx } from '../../db/client';
import { notFound } from '../../platform/errors';
import { randomToken } from '../../platform/crypto';
import { publicSiteByToken } from '../network/sites.service';
import type { ActivityJoined } from '../activities/activities.repo';
import * as repo from './feeds.repo';

const DAY_MS = 86_400_000;
export const PAST_DAYS = 30;
export const AHEAD_DAYS = 90;

export type Feed = { name: string; description: string; activities: ActivityJoined[] };

function windowAround(now: Date): repo.Window {
  return { from: new Date(now.getTime() - PAST_DAYS * DAY_MS), to: new Date(now.getTime() + AHEAD_DAYS * DAY_MS), now };
}

export async function volunteerFeed(db: DbOrTx, token: string, now: Date): Promise<Feed> {
  const v = await repo.volunteerByCalendarToken(db, token);
  if (!v) throw notFound('该日历');
  return { name: '我的志愿服务活动', description: '已确认报名的活动（文明实践云）', activities: await repo.confirmedActivities(db, v.id, windowAround(now)) };
}

export async function teamFeed(db: DbOrTx, teamId: string, now: Date): Promise<Feed> {
  const team = await repo.activeTeam(db, teamId);
  if (!team) throw notFound('该志愿服务队');
  return { name: `${team.name} · 活动`, description: `${team.name}发布的活动（文明实践云）`, activities: await repo.teamActivities(db, team.id, windowAround(now)) };
}

export async function siteFeed(db: DbOrTx, civicToken: string, now: Date): Promise<Feed> {
  const site = await publicSiteByToken(db, civicToken);
  return { name: `${site.name} · 活动`, description: `${site.name}的活动安排（文明实践云）`, activities: await repo.siteActivities(db, site.id, windowAround(now)) };
}

export function feedUrls(publicBaseUrl: string, token: string): { url: string; webcalUrl: string } {
  const url = `${publicBaseUrl}/api/calendars/volunteers/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
}

export async function myCalendarToken(db: DbOrTx, volunteerId: string): Promise<string> {
  const existing = await repo.calendarTokenOf(db, volunteerId);
  if (existing) return existing;
  await repo.setTokenIfNone(db, volunteerId, randomToken(24));
  const token = await repo.calendarTokenOf(db, volunteerId);
  if (!token) throw notFound('该志愿者');
  return token;
}

export async function renewCalendarToken(db: DbOrTx, volunteerId: string): Promise<string> {
  const token = randomToken(24);
  await repo.replaceToken(db, volunteerId, token);
  return token;
}
