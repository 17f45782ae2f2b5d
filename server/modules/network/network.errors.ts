// Errors the network's rules raise beyond field validation: conflicts that name their field, and the
// database's unique violations turned into those conflicts (a race between the check and the insert).
import { AppError } from '../../platform/errors';

export function conflictOn(field: string, message: string): AppError {
  return new AppError('conflict', message, { fields: [{ field, message }] });
}

/** True for PostgreSQL unique_violation (23505), whether raw (pg, PGlite) or wrapped by Drizzle. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  for (let err = e as { code?: string; constraint?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (err.code === '23505') return !constraint || err.constraint === constraint || String(err).includes(constraint);
  }
  return false;
}

/** Runs `fn`; a unique violation on `constraint` becomes a 409 naming `field`. */
export async function mapUnique<T>(fn: () => Promise<T>, constraint: string, field: string, message: string): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e, constraint)) throw conflictOn(field, message);
    throw e;
  }
}
