// List filters kept in the URL's query string, so a filtered list can be linked to and survives a reload.
// An empty value removes the parameter; changes replace the history entry instead of adding one.
import { useSearchParams } from 'react-router';

type Patch<K extends string> = Partial<Record<K, string | undefined>>;

export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Record<K, string>, (key: K, value: string | undefined) => void, (patch: Patch<K>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  // Several keys change together in one navigation (a date range's two ends): two single updates in a row
  // would each start from the same old URL, and the second would undo the first.
  const setFilters = (patch: Patch<K>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch) as [K, string | undefined][]) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const setFilter = (key: K, value: string | undefined) => setFilters({ [key]: value } as Patch<K>);
  return [filters, setFilter, setFilters];
}
