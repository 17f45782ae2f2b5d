// Shapes of the service menu (服务菜单) API as the web uses them (the contract of issue 5; server/modules/menu is
// the truth). Staff routes for the console, and the one public route the civic-code page reads; that page is on a
// tight size budget, so this file imports nothing but the fetch client.
import { api } from './client';

export type MenuItemStatus = 'draft' | 'published' | 'withdrawn';
export const menuItemStatuses: MenuItemStatus[] = ['draft', 'published', 'withdrawn'];

export type MenuItem = {
  id: string;
  unitId: string;
  unitName: string;
  unitCode: string;
  teamId: string | null;
  teamName: string | null;
  title: string;
  category: string;
  description: string;
  provider: string;
  sites: { id: string; name: string }[];
  availability: string;
  weeklyQuota: number | null;
  homeVisit: boolean;
  status: MenuItemStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Create takes unitId; edit takes the rest (the unit of an item does not change). */
export type MenuItemInput = {
  unitId?: string;
  teamId?: string | null;
  title: string;
  category: string;
  description?: string;
  provider?: string;
  siteIds?: string[];
  availability?: string;
  weeklyQuota?: number | null;
  homeVisit?: boolean;
};

export type MenuFilter = { unit?: string; status?: string; category?: string; q?: string };

export type PublicMenuItem = {
  id: string;
  title: string;
  category: string;
  description: string;
  provider: string;
  availability: string;
  homeVisit: boolean;
  unitName: string;
  teamName: string | null;
  weeklyQuota: number | null;
};

export const menuPaths = {
  list: '/api/menu-items',
  item: (id: string) => `/api/menu-items/${encodeURIComponent(id)}`,
  publicSite: (token: string) => `/api/public/sites/${encodeURIComponent(token)}/menu`,
};

export const createMenuItem = (body: MenuItemInput) => api<MenuItem>(menuPaths.list, { body });
export const updateMenuItem = (id: string, body: Omit<MenuItemInput, 'unitId'>) => api<MenuItem>(menuPaths.item(id), { method: 'PATCH', body });
export const setMenuItemStatus = (id: string, action: 'publish' | 'withdraw') => api<MenuItem>(`${menuPaths.item(id)}/${action}`, { method: 'POST' });

/** The published items offered at the site behind a civic code (its own, and its unit's and the units' above). */
export const siteMenu = (token: string, signal?: AbortSignal) => api<{ items: PublicMenuItem[] }>(menuPaths.publicSite(token), { signal });
