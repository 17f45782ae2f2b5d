// Keyset pagination for lists that answer {items, total, nextCursor}: remembers the cursor of each page seen so
// "previous" works, and starts over when the filters change.
import { useEffect, useState } from 'react';

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
