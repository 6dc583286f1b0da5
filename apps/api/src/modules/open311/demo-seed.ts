import type { Db } from '../../db/client.ts';
import { hashKey } from './keys-service.ts';

/** The demo's published key: known to everyone, so it exists only where seedDemo ran (the demo district). */
export const DEMO_OPEN311_KEY = 'demo-open311-key';

/** Questions two demo services ask, to show a service definition with attributes. */
const DEMO_ATTRIBUTES = [
  {
    category: 'BJ0101',
    code: 'hazard',
    datatype: 'singlevaluelist',
    required: true,
    description: '是否有人或车辆可能掉入？',
    description_en: 'Could a person or vehicle fall in?',
    values: [
      { key: 'yes', name: '是', name_en: 'Yes' },
      { key: 'no', name: '否', name_en: 'No' },
    ],
  },
  {
    category: 'BJ0102',
    code: 'pole_number',
    datatype: 'string',
    required: false,
    description: '灯杆编号（杆身上的牌子）',
    description_en: 'Pole number (on the plate on the pole)',
    datatype_description: '例如 / e.g. DX-0231',
  },
  {
    category: 'BJ0102',
    code: 'lights_out',
    datatype: 'number',
    required: false,
    description: '不亮的路灯有几盏？',
    description_en: 'How many lights are out?',
  },
];

export async function seedDemoOpen311(db: Db): Promise<void> {
  const district = await db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .where('code', '=', 'SF')
    .executeTakeFirstOrThrow();
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  await db
    .insertInto('open311_keys')
    .values({
      name: '演示应用 Demo app',
      owner: '示范区（演示） Demo district',
      contact: null,
      org_id: district.id,
      org_path: district.path,
      key_hash: hashKey(DEMO_OPEN311_KEY),
      key_prefix: DEMO_OPEN311_KEY.slice(0, 12),
      created_by: admin?.id ?? null,
      created_at: new Date(),
    })
    .execute();
  const cats = await db
    .selectFrom('categories')
    .select(['id', 'code'])
    .where(
      'code',
      'in',
      DEMO_ATTRIBUTES.map((a) => a.category),
    )
    .execute();
  for (const [i, a] of DEMO_ATTRIBUTES.entries()) {
    const cat = cats.find((c) => c.code === a.category);
    if (!cat) continue;
    await db
      .insertInto('open311_attributes')
      .values({
        category_id: cat.id,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        description: a.description,
        description_en: a.description_en,
        datatype_description: a.datatype_description ?? null,
        values: a.values ? JSON.stringify(a.values) : null,
        sort_order: i,
      })
      .execute();
  }
}
