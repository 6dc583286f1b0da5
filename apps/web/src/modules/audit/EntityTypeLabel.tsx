import { auditEntityLabel } from '@civicgrid/shared/audit-labels';
import { useLang } from '../../lib/use-lang';

export const ENTITY_TYPES = ['org', 'user', 'role'] as const;

/** A record type in the reader's language (the shared audit catalogue), or its key when it has no name yet. */
export function EntityTypeLabel({ type }: { type: string }) {
  const { lang } = useLang();
  return <>{auditEntityLabel(type, lang)}</>;
}
