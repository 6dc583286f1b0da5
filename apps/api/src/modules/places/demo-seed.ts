import type { Db } from '../../db/client.ts';
import { localDay } from '../../core/calendar.ts';
import { addDays, addYears } from './common.ts';
import { withCreditCheck } from './credit-code.ts';
import { starRating } from './rating.ts';

/** A seeded generator so the demo is the same on every machine. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const FINDINGS = [
  '消防器材齐全，通道畅通',
  '楼道堆放杂物，已责令清理',
  '电动车室内充电，已现场劝阻',
  '租客信息登记不全，已补录',
  '卫生状况良好',
  '部分电线老化，建议更换',
];
const ORG_WORDS = [
  '华信',
  '嘉禾',
  '明德',
  '恒通',
  '瑞丰',
  '新程',
  '安泰',
  '锦程',
  '同兴',
  '宏远',
  '康宁',
  '金诚',
];
const ORG_KINDS: [string, string, number][] = [
  ['enterprise', '有限公司（演示）', 0.45],
  ['shop', '便利店（演示）', 0.35],
  ['social_org', '志愿者协会（演示）', 0.1],
  ['public_institution', '服务中心（演示）', 0.05],
  ['other', '工作室（演示）', 0.05],
];
const POSITIONS = ['职员', '店员', '技术员', '经理', '保安', '厨师'];

/**
 * Rentals for the houses used as rentals (landlord = owner, tenants = the people living there as tenants, else
 * floating people), residence permits for most floating people (some expiring within 30 days, some expired),
 * and ~200 organisations inside the demo grids with employees. Built from whatever people and houses exist:
 * without them only the organisations are made. Bulk inserts only.
 */
export async function seedDemoPlaces(db: Db, now = new Date()): Promise<void> {
  await seedDemoRentalsAndPermits(db, now);
  await seedDemoOrganizations(db, now);
}

export async function seedDemoRentalsAndPermits(db: Db, now: Date): Promise<void> {
  const rand = prng(20260505);
  const today = localDay(now);
  const daysAgo = (n: number) => addDays(today, -n);
  const user = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  const actor = user?.id ?? null;

  // ---- rentals ----
  const houses = await db
    .selectFrom('houses')
    .select(['id', 'org_path', 'owner_person_id', 'owner_name', 'owner_phone', 'house_number'])
    .where('use', '=', 'rental')
    // Run again (or after more houses came in), it builds only on what has no rental yet.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('rentals as r').select('r.id').whereRef('r.house_id', '=', 'houses.id'))),
    )
    .orderBy('house_number')
    .execute();
  const floating = await db
    .selectFrom('persons')
    .select(['id', 'org_path', 'address'])
    .where('residence_type', '=', 'floating')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('residence_permits as p').select('p.id').whereRef('p.person_id', '=', 'persons.id'),
        ),
      ),
    )
    .orderBy('id_number')
    .execute();
  const residences = houses.length
    ? await db
        .selectFrom('residences as re')
        .innerJoin('houses as h', 'h.id', 're.house_id')
        .select([
          're.person_id',
          're.house_id',
          're.relation',
          're.from_date',
          're.to_date',
          'h.address',
          'h.org_path',
        ])
        .orderBy('re.from_date')
        .execute()
    : [];
  const tenantsAt = new Map<string, typeof residences>();
  for (const r of residences)
    if (r.relation === 'tenant') tenantsAt.set(r.house_id, [...(tenantsAt.get(r.house_id) ?? []), r]);

  const rentalRows = houses.map((h, i) => ({
    id: crypto.randomUUID(),
    house_id: h.id,
    landlord_person_id: h.owner_person_id,
    landlord_name: h.owner_name ?? `房东${i + 1}（演示）`,
    landlord_phone: h.owner_phone,
    registration_number: i % 7 === 6 ? null : `BA${h.house_number}`,
    registered_on: i % 7 === 6 ? null : daysAgo(30 + Math.floor(rand() * 700)),
    org_path: h.org_path,
    created_by: actor,
  }));
  const tenancyRows: {
    rental_id: string;
    person_id: string;
    room: string;
    check_in: string;
    check_out: string | null;
  }[] = [];
  let nextFloating = 0;
  for (const r of rentalRows) {
    const known = tenantsAt.get(r.house_id) ?? [];
    if (known.length) {
      known.forEach((t, k) =>
        tenancyRows.push({
          rental_id: r.id,
          person_id: t.person_id,
          room: `${k + 1}室`,
          check_in: t.from_date,
          check_out: t.to_date,
        }),
      );
      continue;
    }
    // Without recorded tenants, floating people are checked in, a few moved out again.
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n && nextFloating < floating.length; k++) {
      const checkIn = 20 + Math.floor(rand() * 600);
      const out = rand() < 0.25 ? Math.floor(rand() * (checkIn - 1)) : null;
      tenancyRows.push({
        rental_id: r.id,
        person_id: floating[nextFloating++]!.id,
        room: `${k + 1}室`,
        check_in: daysAgo(checkIn),
        check_out: out === null ? null : daysAgo(out),
      });
    }
  }
  const criteria = (
    await db
      .selectFrom('rental_criteria')
      .select(['code', 'weight', 'disabled'])
      .orderBy('sort_order')
      .execute()
  ).filter((c) => !c.disabled);
  const inspectionRows: {
    rental_id: string;
    inspected_at: Date;
    inspector_name: string;
    findings: string;
    scores: string;
    star_rating: number;
    hazard: boolean;
  }[] = [];
  const rated = new Map<string, { stars: number; at: Date; hazard: boolean }>();
  for (const r of rentalRows) {
    if (rand() > 0.6 || criteria.length === 0) continue;
    const quality = 50 + rand() * 50;
    const count = 1 + Math.floor(rand() * 2);
    for (let k = count; k >= 1; k--) {
      const scores = Object.fromEntries(
        criteria.map((c) => [c.code, Math.max(0, Math.min(100, Math.round(quality + (rand() - 0.5) * 30)))]),
      );
      const { stars } = starRating(criteria, scores);
      const hazard = Object.values(scores).some((s) => s < 60);
      const at = new Date(now.getTime() - (k * 90 + Math.floor(rand() * 60)) * 86_400_000);
      inspectionRows.push({
        rental_id: r.id,
        inspected_at: at,
        inspector_name: '网格员（演示）',
        findings: FINDINGS[Math.floor(rand() * FINDINGS.length)]!,
        scores: JSON.stringify(scores),
        star_rating: stars,
        hazard,
      });
      if (k === 1) rated.set(r.id, { stars, at, hazard });
    }
  }
  await insertChunks(rentalRows, 500, (chunk) =>
    db
      .insertInto('rentals')
      .values(
        chunk.map((r) => {
          const rt = rated.get(r.id);
          return {
            ...r,
            star_rating: rt?.stars ?? null,
            rated_at: rt?.at ?? null,
            has_hazard: rt?.hazard ?? false,
          };
        }),
      )
      .execute(),
  );
  await insertChunks(tenancyRows, 1000, (chunk) => db.insertInto('tenancies').values(chunk).execute());
  await insertChunks(inspectionRows, 1000, (chunk) =>
    db.insertInto('rental_inspections').values(chunk).execute(),
  );

  // ---- residence permits ----
  const homeOf = new Map<string, (typeof residences)[number]>();
  for (const r of residences) if (!r.to_date) homeOf.set(r.person_id, r);
  const permitRows: {
    id: string;
    person_id: string;
    number: string | null;
    status: string;
    house_id: string | null;
    address: string;
    applied_on: string;
    issued_on: string | null;
    valid_from: string | null;
    valid_to: string | null;
    org_path: string;
    created_by: string | null;
  }[] = [];
  // Demo numbers carry a D so they never meet the ones the API hands out from permit_number_seq.
  // A second run carries on after the demo numbers already given.
  const given = await db
    .selectFrom('residence_permits')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('number', 'like', 'JZ____D%')
    .executeTakeFirstOrThrow();
  let seq = Number(given.n);
  for (const p of floating) {
    const roll = rand();
    if (roll > 0.8) continue;
    const home = homeOf.get(p.id);
    const address = home?.address ?? p.address;
    if (!address) continue;
    // Mostly in force; some running out within 30 days, some lapsed, some still waiting.
    const kind = roll < 0.08 ? 'applied' : roll < 0.16 ? 'expired' : roll < 0.26 ? 'expiring' : 'issued';
    const validTo =
      kind === 'expired'
        ? daysAgo(1 + Math.floor(rand() * 200))
        : kind === 'expiring'
          ? addDays(today, 1 + Math.floor(rand() * 29))
          : kind === 'issued'
            ? addDays(today, 31 + Math.floor(rand() * 330))
            : null;
    const validFrom = validTo ? addYears(validTo, -1) : null;
    permitRows.push({
      id: crypto.randomUUID(),
      person_id: p.id,
      number: validTo ? `JZ${validFrom!.slice(0, 4)}D${String(++seq).padStart(7, '0')}` : null,
      status: kind === 'applied' ? 'applied' : kind === 'expired' ? 'expired' : 'issued',
      house_id: home?.house_id ?? null,
      address,
      applied_on: validFrom ? addDays(validFrom, -10) : daysAgo(Math.floor(rand() * 10)),
      issued_on: validFrom,
      valid_from: validFrom,
      valid_to: validTo,
      org_path: home?.org_path ?? p.org_path,
      created_by: actor,
    });
  }
  await insertChunks(permitRows, 500, (chunk) => db.insertInto('residence_permits').values(chunk).execute());
  const eventRows = permitRows.flatMap((p) => [
    {
      permit_id: p.id,
      at: new Date(`${p.applied_on}T02:00:00Z`),
      action: 'apply',
      actor_name: '演示数据',
      data: JSON.stringify({ address: p.address }),
    },
    ...(p.issued_on
      ? [
          {
            permit_id: p.id,
            at: new Date(`${p.issued_on}T02:00:00Z`),
            action: 'issue',
            actor_name: '演示数据',
            data: JSON.stringify({
              from: 'applied',
              to: 'issued',
              number: p.number,
              validFrom: p.valid_from,
              validTo: p.valid_to,
            }),
          },
        ]
      : []),
    ...(p.status === 'expired'
      ? [
          {
            permit_id: p.id,
            at: new Date(`${addDays(p.valid_to!, 1)}T00:00:00Z`),
            action: 'expire',
            actor_name: 'system',
            data: JSON.stringify({ from: 'issued', to: 'expired' }),
          },
        ]
      : []),
  ]);
  await insertChunks(eventRows, 1000, (chunk) =>
    db
      .insertInto('workflow_events')
      .values(
        chunk.map(({ permit_id, data, ...e }) => {
          const d = JSON.parse(data) as { from?: string; to?: string };
          return {
            ...e,
            owner_type: 'permit',
            owner_id: permit_id,
            from_status: d.from ?? null,
            to_status: d.to ?? null,
            data,
          };
        }),
      )
      .execute(),
  );
}

export async function seedDemoOrganizations(db: Db, now: Date): Promise<void> {
  const rand = prng(20260506);
  const daysAgo = (n: number) => addDays(localDay(now), -n);
  const user = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  const actor = user?.id ?? null;
  const grids = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'code', 'geometry'])
    .where('level', '=', 'grid')
    .where('geometry', 'is not', null)
    .orderBy('code')
    .execute();
  if (!grids.length) return;
  const people = await db
    .selectFrom('persons')
    .select(['id', 'name', 'phone'])
    .orderBy('id_number')
    .limit(3000)
    .execute();
  const orgRows = [];
  const employmentRows: {
    organization_id: string;
    person_id: string;
    position: string;
    from_date: string;
    to_date: string | null;
  }[] = [];
  let nextPerson = 0;
  for (let i = 0; i < 200; i++) {
    const g = grids[i % grids.length]!;
    const ring = (g.geometry as { coordinates: [number, number][][] }).coordinates[0]!;
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const lng = Math.round((w + (e - w) * (0.1 + 0.8 * rand())) * 1e6) / 1e6;
    const lat = Math.round((s + (n - s) * (0.1 + 0.8 * rand())) * 1e6) / 1e6;
    let r = rand();
    const kind = ORG_KINDS.find(([, , weight]) => (r -= weight) <= 0) ?? ORG_KINDS[0]!;
    const [, streetId, communityId] = g.path.split('/').filter(Boolean);
    const contact = people.length ? people[(i * 7) % people.length]! : null;
    const id = crypto.randomUUID();
    orgRows.push({
      id,
      name: `${ORG_WORDS[i % ORG_WORDS.length]}${i + 1}号${kind[1]}`,
      kind: kind[0],
      credit_code: withCreditCheck(`91310112MA${String(1000000 + i * 7919).slice(-7)}`),
      legal_rep: `法人${i + 1}（演示）`,
      phone: `021-${String(64000000 + i * 131).slice(-8)}`,
      address: `示范区演示路${i + 1}号`,
      lng,
      lat,
      grid_id: g.id,
      community_id: communityId ?? null,
      street_id: streetId ?? null,
      org_path: g.path,
      safety_contact_name: contact?.name ?? `安全员${i + 1}（演示）`,
      safety_contact_phone: contact?.phone ?? null,
      safety_contact_person_id: contact?.id ?? null,
      status: rand() < 0.05 ? 'closed' : 'active',
      created_by: actor,
    });
    const staff = Math.floor(rand() * 6);
    for (let k = 0; k < staff && people.length; k++) {
      const from = 30 + Math.floor(rand() * 1500);
      employmentRows.push({
        organization_id: id,
        person_id: people[nextPerson++ % people.length]!.id,
        position: POSITIONS[Math.floor(rand() * POSITIONS.length)]!,
        from_date: daysAgo(from),
        to_date: rand() < 0.15 ? daysAgo(Math.floor(rand() * 29)) : null,
      });
    }
  }
  await insertChunks(orgRows, 200, (chunk) => db.insertInto('organizations').values(chunk).execute());
  await insertChunks(employmentRows, 1000, (chunk) => db.insertInto('employments').values(chunk).execute());
}
