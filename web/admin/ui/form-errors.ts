// Puts the API's per-field validation messages (details.fields) next to the form fields they name.
import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';

/** The form field an API field path refers to: "body.code" → "code", "body.stops.2" → "stops". */
export function formFieldOf(apiField: string, known: readonly string[]): string | null {
  const parts = apiField.split('.').filter((p) => p && p !== 'body' && p !== 'querystring' && p !== 'params');
  for (const p of parts) if (known.includes(p)) return p;
  return null;
}

/**
 * Shows each field error on its field. Returns the message that no field could take (or null when every
 * error found its field), for the caller to show as a page message.
 */
export function applyApiErrors(form: FormInstance, err: unknown, known: readonly string[]): string | null {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const byField = new Map<string, string[]>();
  const leftover: string[] = [];
  for (const f of err.fields) {
    const name = formFieldOf(f.field, known);
    if (name) byField.set(name, [...(byField.get(name) ?? []), f.message]);
    else leftover.push(`${f.field}: ${f.message}`);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size === 0) return err.message;
  return leftover.length ? leftover.join('; ') : null;
}
