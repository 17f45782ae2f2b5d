// Keyset pagination: the cursor is the sort key of the last row returned, opaque to clients.
import { z } from 'zod';
import { AppError } from './errors';

export const pageQuery = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export type CursorPart = 'string' | 'number' | 'timestamp' | 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const partOk: Record<CursorPart, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => Number.isSafeInteger(v),
  timestamp: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  uuid: (v) => typeof v === 'string' && UUID.test(v),
};

/**
 * The sort key of a cursor, checked part by part against `parts` (a number = that many strings), so a cursor
 * that decodes but holds junk is a 400 here rather than a failed cast in SQL.
 */
export function decodeCursor(cursor: string | undefined, parts: number | CursorPart[]): (string | number)[] | null {
  if (!cursor) return null;
  const kinds: CursorPart[] = typeof parts === 'number' ? Array(parts).fill('string') : parts;
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === kinds.length && decoded.every((v, i) => partOk[kinds[i]](v))) return decoded;
  } catch {
    /* fall through */
  }
  throw new AppError('validation_failed', 'cursor: 无效的分页游标', { fields: [{ field: 'querystring.cursor', message: 'invalid cursor' }] });
}

/** Fetch limit+1 rows, return `limit` of them and a cursor when there is more. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}
