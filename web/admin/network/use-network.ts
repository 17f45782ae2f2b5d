// Shared queries of the network: the unit tree in scope, one unit, the site kinds.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { SiteKind, TreeUnit, Unit } from '../../api/types';
import { buildUnitTree } from './unit-tree';

export const TREE_KEY = ['network', 'tree'] as const;

export function useNetworkTree() {
  const q = useQuery({ queryKey: TREE_KEY, queryFn: () => api<{ units: TreeUnit[] }>('/api/network/tree') });
  const tree = useMemo(() => buildUnitTree(q.data?.units ?? []), [q.data]);
  return { ...q, ...tree, units: q.data?.units ?? [] };
}

export function useUnit(id: string | undefined) {
  return useQuery({ queryKey: ['unit', id], queryFn: () => api<Unit>(`/api/units/${id}`), enabled: !!id });
}

/** Site kinds with labels in the interface language (the server answers by Accept-Language). */
export function useSiteKinds() {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: ['site-kinds', i18n.language], queryFn: () => api<SiteKind[]>('/api/site-kinds'), staleTime: 10 * 60_000 });
}
