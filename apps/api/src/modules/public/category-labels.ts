import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../core/context.ts';

/**
 * Plain-language portal names and icons for the seed's public categories: residents do not think in 部件/事件
 * codes. A category made public later without a label shows under its own name with the generic icon.
 */
const DEFAULT_LABELS: Record<string, [string, string, string]> = {
  BJ0101: ['井盖丢了或坏了', 'Manhole cover missing or broken', 'manhole'],
  BJ0102: ['路灯不亮', 'Street light out', 'light'],
  BJ0201: ['交通标志坏了', 'Traffic sign damaged', 'sign'],
  BJ0202: ['护栏坏了', 'Railing damaged', 'railing'],
  BJ0301: ['垃圾桶坏了', 'Litter bin broken', 'bin'],
  BJ0302: ['公厕设施坏了', 'Public toilet out of order', 'toilet'],
  SJ0101: ['垃圾没人清', 'Rubbish left lying', 'rubbish'],
  SJ0102: ['路面脏', 'Dirty street', 'broom'],
  SJ0103: ['乱贴小广告', 'Flyers stuck everywhere', 'flyer'],
  SJ0201: ['流动摊贩', 'Street vendors', 'vendor'],
  SJ0202: ['店铺占道', 'Shop goods on the pavement', 'shop'],
  SJ0203: ['乱停车', 'Bad parking', 'car'],
  SJ0301: ['违章搭建', 'Illegal building work', 'build'],
  SJ0302: ['施工噪音', 'Construction noise', 'noise'],
  SJ0401: ['油烟扰民', 'Cooking fumes', 'smoke'],
  SJ0402: ['污水外溢', 'Sewage overflowing', 'water'],
  ZZ0102: ['物业纠纷', 'Problem with the property manager', 'home'],
  ZZ0301: ['消防隐患', 'Fire risk', 'fire'],
  ZZ0302: ['房屋不安全', 'Unsafe building', 'house'],
  ZZ0402: ['消费投诉', 'Consumer complaint', 'shop'],
};

/** Labels the public categories that have none yet; idempotent, so a re-run of the seed changes nothing. */
export async function ensureCategoryLabels(db: Db) {
  const cats = await db
    .selectFrom('categories as c')
    .leftJoin('public_category_labels as l', 'l.category_id', 'c.id')
    .select(['c.id', 'c.code', 'c.sort_order', 'c.kind'])
    .where('c.public', '=', true)
    .where('l.category_id', 'is', null)
    .execute();
  let order = 0;
  for (const c of cats) {
    const d = DEFAULT_LABELS[c.code];
    if (!d) continue;
    await db
      .insertInto('public_category_labels')
      .values({ category_id: c.id, name: d[0], name_en: d[1], icon: d[2], sort_order: order++ })
      .onConflict((oc) => oc.column('category_id').doNothing())
      .execute();
  }
}

/**
 * The categories a resident may choose: public, enabled leaves. 综治 categories (disputes, hazards) are
 * sensitive by kind; a label can mark any other one sensitive too. Sensitive reports are blurred on the map.
 */
export async function publicCategories(ctx: RequestContext) {
  const rows = await ctx.db
    .selectFrom('categories as c')
    .leftJoin('public_category_labels as l', 'l.category_id', 'c.id')
    .select([
      'c.id',
      'c.code',
      'c.name as categoryName',
      'c.name_en as categoryNameEn',
      'c.kind',
      'c.photo_required as photoRequired',
      'l.name',
      'l.name_en as nameEn',
      'l.icon',
      'l.sensitive',
      'l.sort_order as labelOrder',
    ])
    .where('c.public', '=', true)
    .where('c.disabled', '=', false)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('categories as k').select('k.id').whereRef('k.parent_id', '=', 'c.id'))),
    )
    .orderBy('l.sort_order')
    .orderBy('c.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name ?? r.categoryName,
    nameEn: r.nameEn ?? r.categoryNameEn ?? r.categoryName,
    icon: r.icon ?? 'other',
    photoRequired: r.photoRequired,
    sensitive: r.kind === 'zongzhi' || !!r.sensitive,
  }));
}
