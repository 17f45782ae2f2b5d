// The display name of a site kind, as the server labels it in the interface language; the key if unknown.
import { useCallback } from 'react';
import { useSiteKinds } from '../network/use-network';

export function useKindLabel(): (kind: string) => string {
  const kinds = useSiteKinds();
  return useCallback((kind: string) => kinds.data?.find((k) => k.kind === kind)?.label ?? kind, [kinds.data]);
}
