/** 一格多员: the roles a person can hold in a grid. */
export const GRID_ROLES = [
  'leader',
  'worker',
  'assistant',
  'supervisor',
  'police',
  'building_head',
  'volunteer',
] as const;
export type GridRole = (typeof GRID_ROLES)[number];

export const GRID_ROLE_LABELS: Record<GridRole, { zh: string; en: string }> = {
  leader: { zh: '网格长', en: 'Grid leader' },
  worker: { zh: '网格员', en: 'Grid worker' },
  assistant: { zh: '协管员', en: 'Assistant' },
  supervisor: { zh: '督导员', en: 'Supervisor' },
  police: { zh: '社区民警', en: 'Community police' },
  building_head: { zh: '楼组长', en: 'Building head' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
};

/** The three levels of command that take in, dispatch and supervise work. */
export const CENTRE_TYPES = ['district_centre', 'street_centre', 'community_station'] as const;
export type CentreType = (typeof CENTRE_TYPES)[number];

export const CENTRE_TYPE_LABELS: Record<CentreType, { zh: string; en: string }> = {
  district_centre: { zh: '区联动中心', en: 'District centre' },
  street_centre: { zh: '街镇分中心', en: 'Street sub-centre' },
  community_station: { zh: '村居工作站', en: 'Community workstation' },
};

/** Which org level each centre type belongs on. */
export const CENTRE_LEVEL: Record<CentreType, string> = {
  district_centre: 'district',
  street_centre: 'street',
  community_station: 'community',
};
