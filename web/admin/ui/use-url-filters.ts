// List filters kept in the URL's query string, so a filtered list can be linked to and survives a reload.
// An empty value removes the parameter; changes replace the history entry instead of adding one.
import { useSearchParams } from 'react-router';

export function useUrlFilters<K extends string>(keys: readonly K[]): [Record<K, string>, (key: K, value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const setFilter = (key: K, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return [filters, setFilter];
}
