import type { Db } from '../../db/client.ts';
import { ensureCategoryLabels } from './category-labels.ts';
import { DEMO_POLICIES } from './demo-policies.ts';
import { searchGrams } from './policy-search.ts';

const DAY = 86_400_000;

/** Midnight-ish in Shanghai `days` from now, at `hour`:00 local time. */
function at(now: Date, days: number, hour: number) {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(hour - 8, 0, 0, 0);
  return d;
}

/** The public side of the demo district: portal labels, notices of each kind, the 1+X library. All marked 示例. */
export async function seedDemoPublic(db: Db): Promise<void> {
  await ensureCategoryLabels(db);
  const district = await db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!district) return;
  const streets = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'name'])
    .where('level', '=', 'street')
    .orderBy('code')
    .execute();
  const now = new Date();
  const base = { created_at: now, updated_at: now, created_by: null };
  const notices = [
    ...streets.map((s, i) => ({
      type: 'leader_reception',
      title: `${s.name}领导接访日（示例）`,
      who: `${s.name}党工委副书记（示例）`,
      place: `${s.name}信访接待室`,
      starts_at: at(now, 3 + i * 2, 9),
      ends_at: at(now, 3 + i * 2, 11),
      body: '群众可现场登记，反映诉求请携带身份证件。本条为演示数据。',
      org_id: s.id,
      org_path: s.path,
    })),
    ...streets.map((s, i) => ({
      type: 'station_duty',
      title: `${s.name}人大代表逢五进站（示例）`,
      who: '区人大代表（示例）二名',
      place: `${s.name}人大代表联络站`,
      starts_at: at(now, 5 + i, 14),
      ends_at: at(now, 5 + i, 16),
      body: '每月5日、15日、25日下午代表进站接待选民。本条为演示数据。',
      org_id: s.id,
      org_path: s.path,
    })),
    ...[
      ['社区事务受理服务中心（示例）', '东兴路100号', '021-50000001', '工作日 9:00–17:00'],
      ['区网格化管理中心（示例）', '政务路1号', '021-50000002', '24小时'],
      ['法律援助工作站（示例）', '南华街道综合楼二楼', '021-50000003', '工作日 9:00–16:30'],
      ['社区卫生服务中心（示例）', '西苑路88号', '021-50000004', '每天 8:00–20:00'],
    ].map(([title, place, phone, hours]) => ({
      type: 'service_directory',
      title: title!,
      place: place!,
      phone: phone!,
      hours: hours!,
      org_id: district.id,
      org_path: district.path,
    })),
    {
      type: 'announcement',
      title: '网格化服务平台上线公告（示例）',
      body: '居民可通过本平台反映身边的问题并查询办理进度。本条为演示数据。',
      org_id: district.id,
      org_path: district.path,
    },
    {
      type: 'announcement',
      title: '夏季防汛安全提示（示例）',
      body: '雨季请注意低洼路段积水，发现井盖缺失请立即上报。本条为演示数据。',
      org_id: district.id,
      org_path: district.path,
    },
    {
      type: 'announcement',
      title: '已结束的停水通知（示例）',
      body: '本条已过下架时间，门户不显示。',
      org_id: district.id,
      org_path: district.path,
      publish_at: new Date(now.getTime() - 30 * DAY),
      unpublish_at: new Date(now.getTime() - 20 * DAY),
    },
  ];
  for (const n of notices)
    await db
      .insertInto('notices')
      .values({ publish_at: new Date(now.getTime() - 2 * DAY), ...base, ...n })
      .execute();

  const cats = await db.selectFrom('policy_categories').select(['id', 'code']).execute();
  const catId = new Map(cats.map((c) => [c.code, c.id]));
  for (const [i, p] of DEMO_POLICIES.entries()) {
    const issuedOn = new Date(now.getTime() - (i * 23 + 10) * DAY).toISOString().slice(0, 10);
    const docNumber = `示例〔${issuedOn.slice(0, 4)}〕${i + 1}号`;
    const body = `${p.body}\n\n（本文为演示数据，不是真实政策文件。）`;
    await db
      .insertInto('policy_documents')
      .values({
        ...base,
        category_id: catId.get(p.cat)!,
        title: p.title,
        issuer: p.issuer,
        doc_number: docNumber,
        issued_on: issuedOn,
        body,
        search_grams: searchGrams({ title: p.title, issuer: p.issuer, docNumber, body }),
        org_id: district.id,
        org_path: district.path,
      })
      .execute();
  }
}
