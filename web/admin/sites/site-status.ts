import type { SiteStatus } from '../../api/types';

export const siteStatuses: SiteStatus[] = ['open', 'suspended', 'closed'];
export const siteStatusColor: Record<SiteStatus, string> = { open: 'green', suspended: 'orange', closed: 'default' };
