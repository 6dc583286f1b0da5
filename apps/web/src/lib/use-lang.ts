import { useTranslation } from 'react-i18next';
import { ORG_LEVEL_LABELS, type OrgLevel } from '@civicgrid/shared/orgs';
import { PERMISSIONS, isPermission } from '@civicgrid/shared/permissions';
import { roleName } from './role-name';

/** The current UI language and the shared zh/en label maps resolved for it. */
export function useLang() {
  const { i18n } = useTranslation();
  const lang: 'zh' | 'en' = i18n.language === 'en' ? 'en' : 'zh';
  return {
    lang,
    levelLabel: (level: OrgLevel | string) =>
      level in ORG_LEVEL_LABELS ? ORG_LEVEL_LABELS[level as OrgLevel][lang] : level,
    permissionLabel: (name: string) => (isPermission(name) ? PERMISSIONS[name][lang] : name),
    roleLabel: (role: { code: string; name: string; nameEn?: string | null }) => roleName(role, lang),
  };
}
