import type { FormInstance } from 'antd';
import { isApiError } from '../../lib/api';
import type { Channel, Urgency } from './case-types';
import type { LngLatValue } from './LocationPicker';
import type { PhotoItem } from '../../kit/PhotoUploader';

/** The intake form's values; the API body is built from them on submit. */
export interface IntakeValues {
  channel: Channel;
  urgency: Urgency;
  title: string;
  categoryId: string;
  description?: string;
  location?: LngLatValue | null;
  address?: string;
  reporterName?: string;
  reporterPhone?: string;
  photos?: PhotoItem[];
}

const FIELDS = [
  'channel',
  'urgency',
  'title',
  'categoryId',
  'description',
  'location',
  'address',
  'reporterName',
  'reporterPhone',
  'photos',
] as const;

/** The API's field paths (`reporter.phone`, `location.lng`) on the inputs that hold them. */
export function formFieldOf(path: string): string | null {
  const p = path.replace(/^body[./]/, '');
  if (p.startsWith('reporter.phone')) return 'reporterPhone';
  if (p.startsWith('reporter.name')) return 'reporterName';
  if (p.startsWith('location.address')) return 'address';
  if (p.startsWith('location')) return 'location';
  if (p.startsWith('attachmentIds')) return 'photos';
  const head = p.split(/[./[]/)[0] ?? '';
  return (FIELDS as readonly string[]).includes(head) ? head : null;
}

/** Puts the API's 400 field errors under their inputs; true when every error found one. */
export function applyIntakeErrors(form: FormInstance<IntakeValues>, error: unknown): boolean {
  if (!isApiError(error) || !error.fields.length) return false;
  const byField = new Map<string, string[]>();
  for (const f of error.fields) {
    const name = formFieldOf(f.path);
    if (name) byField.set(name, [...(byField.get(name) ?? []), f.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof IntakeValues, errors })));
  return byField.size === error.fields.length;
}
