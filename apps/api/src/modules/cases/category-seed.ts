import type { Db } from '../../db/client.ts';
import { bumpCategoryVersion } from './category-catalog.ts';

type Limits = Record<
  'urgent' | 'normal',
  Record<'register' | 'dispatch' | 'handle' | 'verify' | 'close', number>
>;

/** Working hours per step. Handling a normal matter: 5 working days; urgent: one working day. */
const STANDARD: Limits = {
  urgent: { register: 0.5, dispatch: 0.5, handle: 8, verify: 2, close: 2 },
  normal: { register: 2, dispatch: 2, handle: 40, verify: 8, close: 4 },
};
const QUICK: Limits = {
  urgent: { register: 0.5, dispatch: 0.5, handle: 4, verify: 2, close: 2 },
  normal: { register: 2, dispatch: 2, handle: 16, verify: 8, close: 4 },
};

interface SeedCategory {
  code: string;
  name: string;
  en: string;
  dept?: string;
  limits?: Limits;
  photo?: boolean;
  selfHandle?: boolean;
  public?: boolean;
  children?: SeedCategory[];
}

/** 部件 and 事件 after GB/T 30428 (big class / small class codes) and the 综治 categories, with their departments. */
export const SEED_CATEGORIES: { kind: 'component' | 'event' | 'zongzhi'; root: SeedCategory }[] = [
  {
    kind: 'component',
    root: {
      code: 'BJ',
      name: '城市管理部件',
      en: 'City components',
      children: [
        {
          code: 'BJ01',
          name: '公用设施类',
          en: 'Public utilities',
          children: [
            {
              code: 'BJ0101',
              name: '井盖缺失破损',
              en: 'Missing or broken manhole cover',
              dept: 'SF-CG',
              limits: QUICK,
              photo: true,
              public: true,
            },
            {
              code: 'BJ0102',
              name: '路灯损坏',
              en: 'Broken street light',
              dept: 'SF-CG',
              photo: true,
              public: true,
            },
            { code: 'BJ0103', name: '消防栓损坏', en: 'Damaged fire hydrant', dept: 'SF-ZJ', photo: true },
          ],
        },
        {
          code: 'BJ02',
          name: '道路交通类',
          en: 'Roads and traffic',
          children: [
            {
              code: 'BJ0201',
              name: '交通标志牌损坏',
              en: 'Damaged traffic sign',
              dept: 'SF-GA',
              photo: true,
              public: true,
            },
            {
              code: 'BJ0202',
              name: '护栏损坏',
              en: 'Damaged railing',
              dept: 'SF-ZJ',
              photo: true,
              public: true,
            },
          ],
        },
        {
          code: 'BJ03',
          name: '市容环境类',
          en: 'Street scene',
          children: [
            {
              code: 'BJ0301',
              name: '垃圾箱破损',
              en: 'Broken litter bin',
              dept: 'SF-CG',
              photo: true,
              selfHandle: true,
              public: true,
            },
            {
              code: 'BJ0302',
              name: '公厕设施损坏',
              en: 'Damaged public toilet',
              dept: 'SF-CG',
              photo: true,
              public: true,
            },
          ],
        },
      ],
    },
  },
  {
    kind: 'event',
    root: {
      code: 'SJ',
      name: '城市管理事件',
      en: 'City events',
      children: [
        {
          code: 'SJ01',
          name: '市容环境类',
          en: 'Street scene',
          children: [
            {
              code: 'SJ0101',
              name: '暴露垃圾',
              en: 'Exposed rubbish',
              dept: 'SF-CG',
              limits: QUICK,
              photo: true,
              selfHandle: true,
              public: true,
            },
            {
              code: 'SJ0102',
              name: '道路不洁',
              en: 'Dirty road',
              dept: 'SF-CG',
              limits: QUICK,
              photo: true,
              selfHandle: true,
              public: true,
            },
            {
              code: 'SJ0103',
              name: '非法小广告',
              en: 'Illegal flyers',
              dept: 'SF-CG',
              limits: QUICK,
              selfHandle: true,
              public: true,
            },
          ],
        },
        {
          code: 'SJ02',
          name: '街面秩序类',
          en: 'Street order',
          children: [
            {
              code: 'SJ0201',
              name: '无照经营游商',
              en: 'Unlicensed street vending',
              dept: 'SF-CG',
              public: true,
            },
            { code: 'SJ0202', name: '占道经营', en: 'Business on the pavement', dept: 'SF-CG', public: true },
            { code: 'SJ0203', name: '违规停车', en: 'Illegal parking', dept: 'SF-GA', public: true },
          ],
        },
        {
          code: 'SJ03',
          name: '施工管理类',
          en: 'Construction',
          children: [
            {
              code: 'SJ0301',
              name: '违法建设',
              en: 'Illegal construction',
              dept: 'SF-CG',
              photo: true,
              public: true,
            },
            { code: 'SJ0302', name: '施工扰民', en: 'Construction noise', dept: 'SF-HJ', public: true },
          ],
        },
        {
          code: 'SJ04',
          name: '环境污染类',
          en: 'Pollution',
          children: [
            { code: 'SJ0401', name: '油烟污染', en: 'Cooking fumes', dept: 'SF-HJ', public: true },
            {
              code: 'SJ0402',
              name: '污水外溢',
              en: 'Sewage overflow',
              dept: 'SF-HJ',
              limits: QUICK,
              photo: true,
              public: true,
            },
          ],
        },
      ],
    },
  },
  {
    kind: 'zongzhi',
    root: {
      code: 'ZZ',
      name: '综治类',
      en: 'Comprehensive governance',
      children: [
        {
          code: 'ZZ01',
          name: '矛盾纠纷',
          en: 'Disputes',
          dept: 'SF-SF',
          children: [
            { code: 'ZZ0101', name: '邻里纠纷', en: 'Neighbour dispute', dept: 'SF-SF' },
            {
              code: 'ZZ0102',
              name: '物业纠纷',
              en: 'Property management dispute',
              dept: 'SF-SF',
              public: true,
            },
            { code: 'ZZ0103', name: '劳资纠纷', en: 'Wage dispute', dept: 'SF-SF' },
          ],
        },
        {
          code: 'ZZ02',
          name: '治安隐患',
          en: 'Public security hazards',
          dept: 'SF-GA',
          children: [{ code: 'ZZ0201', name: '治安隐患', en: 'Public security hazard', dept: 'SF-GA' }],
        },
        {
          code: 'ZZ03',
          name: '安全隐患',
          en: 'Safety hazards',
          dept: 'SF-ZJ',
          children: [
            {
              code: 'ZZ0301',
              name: '消防安全隐患',
              en: 'Fire hazard',
              dept: 'SF-ZJ',
              limits: QUICK,
              photo: true,
              public: true,
            },
            {
              code: 'ZZ0302',
              name: '房屋安全隐患',
              en: 'Unsafe building',
              dept: 'SF-ZJ',
              photo: true,
              public: true,
            },
          ],
        },
        {
          code: 'ZZ04',
          name: '民生服务诉求',
          en: 'Public service requests',
          dept: 'SF-MZ',
          children: [
            { code: 'ZZ0401', name: '困难帮扶', en: 'Hardship assistance', dept: 'SF-MZ' },
            { code: 'ZZ0402', name: '市场监管投诉', en: 'Consumer complaint', dept: 'SF-SJ', public: true },
          ],
        },
      ],
    },
  },
];

interface FlatCategory {
  kind: string;
  category: SeedCategory;
  parentCode: string | null;
  deptCode: string | null;
  sort: number;
}

function flatten(): FlatCategory[] {
  const out: FlatCategory[] = [];
  const walk = (
    kind: string,
    c: SeedCategory,
    parent: SeedCategory | null,
    inherited: string | null,
    sort: number,
  ) => {
    const deptCode = c.dept ?? inherited;
    out.push({ kind, category: c, parentCode: parent?.code ?? null, deptCode, sort });
    (c.children ?? []).forEach((child, i) => walk(kind, child, c, deptCode, i));
  };
  SEED_CATEGORIES.forEach(({ kind, root }, i) => walk(kind, root, null, null, i));
  return out;
}

/** Inserts the seed categories when the table is empty (parents first, so each row can name its parent). */
export async function seedCategories(db: Db) {
  const any = await db.selectFrom('categories').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const idByCode = new Map<string, string>();
  for (const f of flatten()) {
    const c = f.category;
    const { id } = await db
      .insertInto('categories')
      .values({
        parent_id: f.parentCode ? idByCode.get(f.parentCode)! : null,
        code: c.code,
        name: c.name,
        name_en: c.en,
        kind: f.kind,
        limits: JSON.stringify(c.limits ?? STANDARD),
        photo_required: c.photo ?? false,
        self_handle: c.selfHandle ?? false,
        public: c.public ?? false,
        sort_order: f.sort,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    idByCode.set(c.code, id);
  }
  await bumpCategoryVersion(db);
}

/** Routes seed categories to their departments once those exist (the demo district has them; a bare install not). */
export async function linkCategoryDepartments(db: Db) {
  const depts = await db
    .selectFrom('orgs')
    .select(['id', 'code'])
    .where('level', '=', 'department')
    .execute();
  const deptId = new Map(depts.map((d) => [d.code, d.id]));
  for (const f of flatten()) {
    const id = f.deptCode ? deptId.get(f.deptCode) : undefined;
    if (!id) continue;
    await db
      .updateTable('categories')
      .set({ default_department_id: id })
      .where('code', '=', f.category.code)
      .where('default_department_id', 'is', null)
      .execute();
  }
}
