/** Units nest in this order; a child unit must sit at a deeper level than its parent. */
export const UNIT_LEVELS = ['city', 'district', 'street', 'community', 'grid', 'microgrid'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
/** 职能部门 hang off any unit and receive dispatched work; nothing hangs below a department but sub-departments. */
export const ORG_LEVELS = [...UNIT_LEVELS, 'department'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_LABELS: Record<OrgLevel, { zh: string; en: string }> = {
  city: { zh: '市', en: 'City' },
  district: { zh: '区/县', en: 'District' },
  street: { zh: '街道/乡镇', en: 'Street' },
  community: { zh: '社区/村', en: 'Community' },
  grid: { zh: '网格', en: 'Grid' },
  microgrid: { zh: '微网格', en: 'Micro-grid' },
  department: { zh: '职能部门', en: 'Department' },
};

/** Why a child of `child` level may not sit under a `parent` level node, or null when it may. */
export function levelPlacementError(parent: OrgLevel, child: OrgLevel): string | null {
  if (child === 'department') return null;
  if (parent === 'department') return 'only departments can sit under a department';
  const p = UNIT_LEVELS.indexOf(parent);
  const c = UNIT_LEVELS.indexOf(child);
  return c > p ? null : `a ${child} cannot sit under a ${parent}`;
}
