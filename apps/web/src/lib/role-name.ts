import { BUILTIN_ROLES } from '@civicgrid/shared/roles';

const BUILTIN_EN = new Map(BUILTIN_ROLES.map((role) => [role.code, role.en]));

/** Role names are stored in Chinese; English comes from the role's own nameEn, or the built-in catalogue. */
export function roleName(
  role: { code: string; name: string; nameEn?: string | null },
  lang: 'zh' | 'en',
): string {
  if (lang === 'zh') return role.name;
  return role.nameEn || BUILTIN_EN.get(role.code) || role.name;
}
