// The signed-in account (null when nobody is signed in) and the actions on the own session.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import type { Me } from '../../api/types';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api<Me>('/api/auth/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** The signed-in account; only call below the sign-in gate. */
export function useSignedIn(): Me {
  const me = useMe();
  if (!me.data) throw new Error('useSignedIn outside the signed-in area');
  return me.data;
}

export function useSignOut(everywhere: boolean) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api(everywhere ? '/api/auth/sign-out-all' : '/api/auth/sign-out', { method: 'POST' }),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}
