// Keyset pagination for lists that answer {items, total, nextCursor}: remembers the cursor of each page seen so
// "previous" works, and starts over when the filters change.
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

export type CursorPage<T> = { items: T[]; total?: number; nextCursor: string | null };

export type CursorPages = {
  cursor: string | undefined;
  page: number;
  pageSize: number;
  next: (nextCursor: string | null | undefined) => void;
  prev: () => void;
  setPageSize: (n: number) => void;
};

export function useCursorPages(filtersKey: string, initialSize = 20): CursorPages {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [pageSize, setSize] = useState(initialSize);
  useEffect(() => setCursors([undefined]), [filtersKey, pageSize]);
  const page = cursors.length;
  return {
    cursor: cursors[cursors.length - 1],
    page,
    pageSize,
    next: (c) => {
      if (c) setCursors((cs) => [...cs, c]);
    },
    prev: () => setCursors((cs) => (cs.length > 1 ? cs.slice(0, -1) : cs)),
    setPageSize: setSize,
  };
}

export type PageQuery<P> = P & { cursor: string | undefined; limit: number };

/**
 * One page of a filtered list: the pages start over when `filters` change, the query key is `key` plus the filters,
 * cursor and limit (so invalidating `key` refreshes it), and the previous page stays on screen while the next loads.
 * `filtersKey` identifies the filters, for state that must follow them.
 */
export function useCursorList<P extends object, R extends CursorPage<unknown>>(
  key: readonly unknown[],
  filters: P,
  fetchPage: (query: PageQuery<P>, signal: AbortSignal) => Promise<R>,
) {
  const filtersKey = JSON.stringify(filters);
  const pages = useCursorPages(filtersKey);
  const query: PageQuery<P> = { ...filters, cursor: pages.cursor, limit: pages.pageSize };
  const list = useQuery({ queryKey: [...key, query], queryFn: ({ signal }) => fetchPage(query, signal), placeholderData: keepPreviousData });
  return { pages, list, filtersKey };
}
