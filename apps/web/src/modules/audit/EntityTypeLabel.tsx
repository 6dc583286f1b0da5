import { useTranslation } from 'react-i18next';

export const ENTITY_TYPES = ['org', 'user', 'role'] as const;
const NAMED = ['org', 'user', 'role', 'session', 'auth'] as const;
type Named = (typeof NAMED)[number];

/** Entity types of later modules show as their raw key until they get a name here. */
export function EntityTypeLabel({ type }: { type: string }) {
  const { t } = useTranslation();
  return <>{(NAMED as readonly string[]).includes(type) ? t(`entity.${type as Named}`) : type}</>;
}
