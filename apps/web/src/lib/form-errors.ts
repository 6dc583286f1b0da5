import type { FormInstance } from 'antd';
import { isApiError } from './api';

function fieldOf(path: string): string {
  return path.replace(/^body[./]/, '').split(/[./[]/)[0] ?? '';
}

/**
 * Puts the server's 400 field errors under the matching inputs. Paths such as `roleIds.0` land on `roleIds`,
 * the field the user can fix. Returns true when at least one error found its field, so the caller knows
 * whether a toast is still needed.
 */
export function applyFieldErrors(form: FormInstance, fieldNames: readonly string[], error: unknown): boolean {
  if (!isApiError(error) || error.fields.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const field of error.fields) {
    const name = fieldOf(field.path);
    if (!fieldNames.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), field.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}

/** True when the error is fully explained under the form's own fields, so a banner would only repeat it. */
export function explainedByFields(error: unknown, fieldNames: readonly string[]): boolean {
  if (!isApiError(error) || error.fields.length === 0) return false;
  return error.fields.every((field) => fieldNames.includes(fieldOf(field.path)));
}
