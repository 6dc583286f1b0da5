import { useTranslation } from 'react-i18next';

const KNOWN = [
  'org',
  'user',
  'role',
  'audit',
  'case',
  'registry',
  'mediation',
  'dashboard',
  'class',
  'petition',
  'special',
] as const;
type Known = (typeof KNOWN)[number];

/** Later modules add groups before we add their names; those show under their raw key. */
export function PermissionGroupLabel({ group }: { group: string }) {
  const { t } = useTranslation();
  return <>{(KNOWN as readonly string[]).includes(group) ? t(`permGroup.${group as Known}`) : group}</>;
}
