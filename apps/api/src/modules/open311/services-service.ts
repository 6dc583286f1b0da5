import type { RequestContext } from '../../core/context.ts';
import { langOf, type Lang } from '../../core/lang.ts';
import { o311Error } from './respond.ts';

export type Locale = Lang;

/** GeoReport has no language parameter: the app's Accept-Language picks Chinese (default) or English. */
export const localeOf = langOf;

export const DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;

export interface AttributeDef {
  code: string;
  datatype: (typeof DATATYPES)[number];
  required: boolean;
  description: string;
  datatypeDescription: string | null;
  order: number;
  values: { key: string; name: string }[];
}

/** Services are the enabled public categories; a service's group is its parent category. */
function servicesQuery(ctx: RequestContext) {
  return ctx.db
    .selectFrom('categories as c')
    .leftJoin('categories as p', 'p.id', 'c.parent_id')
    .select([
      'c.id',
      'c.code',
      'c.name',
      'c.name_en as nameEn',
      'c.kind',
      'p.name as groupName',
      'p.name_en as groupNameEn',
      (eb) =>
        eb
          .exists(
            eb.selectFrom('open311_attributes as a').select('a.id').whereRef('a.category_id', '=', 'c.id'),
          )
          .as('hasAttributes'),
    ])
    .where('c.public', '=', true)
    .where('c.disabled', '=', false);
}

const name = (l: Locale, zh: string | null, en: string | null) => (l === 'en' ? en || zh : zh) ?? '';

export async function listServices(ctx: RequestContext, locale: Locale) {
  const rows = await servicesQuery(ctx).orderBy('c.code').execute();
  return rows.map((r) => ({
    service_code: r.code,
    service_name: name(locale, r.name, r.nameEn),
    description: name(locale, r.name, r.nameEn),
    metadata: !!r.hasAttributes,
    type: 'realtime',
    keywords: [r.code, r.name, r.nameEn].filter(Boolean).join(','),
    group: name(locale, r.groupName, r.groupNameEn),
  }));
}

/** The service (enabled public category) with this code, or the spec's 404. */
export async function findService(ctx: RequestContext, code: string) {
  const s = await servicesQuery(ctx).where('c.code', '=', code).executeTakeFirst();
  if (!s) throw o311Error(404, `service_code ${code} not found`);
  return s;
}

export async function attributesOf(ctx: RequestContext, categoryId: string, locale: Locale) {
  const rows = await ctx.db
    .selectFrom('open311_attributes')
    .selectAll()
    .where('category_id', '=', categoryId)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return rows.map((a, i): AttributeDef => ({
    code: a.code,
    datatype: a.datatype as AttributeDef['datatype'],
    required: a.required,
    description: name(locale, a.description, a.description_en),
    datatypeDescription: a.datatype_description,
    order: i + 1,
    values: ((a.values as { key: string; name: string; name_en?: string }[] | null) ?? []).map((v) => ({
      key: v.key,
      name: name(locale, v.name, v.name_en ?? null),
    })),
  }));
}

export async function serviceDefinition(ctx: RequestContext, code: string, locale: Locale) {
  const s = await findService(ctx, code);
  const attrs = await attributesOf(ctx, s.id, locale);
  return {
    service_code: s.code,
    attributes: attrs.map((a) => ({
      // Every attribute here asks the submitter something; none are informational-only.
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatypeDescription ?? '',
      order: a.order,
      description: a.description,
      values: a.values,
    })),
  };
}
