// Every site in scope, fetched page by page (the API caps a page at 100).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, Site } from '../../api/types';

export function useAllSites() {
  return useQuery({
    queryKey: ['sites', 'all'],
    queryFn: async ({ signal }) => {
      const all: Site[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 100; i++) {
        const page = await api<Page<Site>>('/api/sites', { query: { limit: 100, cursor }, signal });
        all.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return all;
    },
  });
}
