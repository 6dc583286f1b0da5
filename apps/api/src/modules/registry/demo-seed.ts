import type { Db } from '../../db/client.ts';
import { formatNumber, readPattern } from './house-number.ts';
import {
  demoCitizenId,
  demoName,
  demoPhone,
  FOREIGN,
  OTHER_REGIONS,
  ROADS,
  rng,
  SHANGHAI_REGIONS,
} from './demo-names.ts';

const PEOPLE = 5_000;
const HOUSES = 2_000;
const CHUNK = 1_000;

type Ring = number[][];
interface GridInfo {
  id: string;
  path: string;
  bbox: [number, number, number, number];
  communityId: string;
  streetId: string;
  codes: { district: string; street: string; community: string };
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * 示范区's people and houses: ~2,000 houses at points inside the demo grids with their fixed numbers, ~5,000
 * generated people (70 % registered, 25 % floating, 5 % overseas) living in them. Seeded random, so every
 * install gets the same district; bulk inserts, so it takes about a second inside the demo transaction.
 */
export async function seedDemoRegistry(db: Db): Promise<void> {
  const r = rng(20261122);
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'level', 'code', 'geometry'])
    .orderBy('path')
    .execute();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const grids: GridInfo[] = orgs
    .filter((o) => o.level === 'grid' && o.geometry)
    .map((g) => {
      const ring = (g.geometry as { coordinates: Ring[] }).coordinates[0]!;
      const xs = ring.map((p) => p[0]!);
      const ys = ring.map((p) => p[1]!);
      const up = g.path
        .split('/')
        .filter(Boolean)
        .map((id) => byId.get(id)!);
      const at = (level: string) => up.find((o) => o.level === level)!;
      const own = (code: string | null, parent: string | null) => (code ?? '').slice((parent ?? '').length);
      return {
        id: g.id,
        path: g.path,
        bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
        communityId: at('community').id,
        streetId: at('street').id,
        codes: {
          district: at('district').code ?? '',
          street: own(at('street').code, at('district').code),
          community: own(at('community').code, at('street').code),
        },
      };
    });
  if (!grids.length) return;
  const pattern = await readPattern(db);
  const counters = new Map<string, number>();
  const now = Date.now();
  const day = 86_400_000;

  const USES: [string, number][] = [
    ['self_occupied', 0.55],
    ['rental', 0.25],
    ['vacant', 0.08],
    ['commercial', 0.07],
    ['dormitory', 0.05],
  ];
  const pickUse = () => {
    let x = r.next();
    for (const [u, w] of USES) if ((x -= w) < 0) return u;
    return 'self_occupied';
  };

  const houses = Array.from({ length: HOUSES }, (_x, i) => {
    const g = grids[i % grids.length]!;
    const [w, s, e, n] = g.bbox;
    const seq = (counters.get(g.communityId) ?? 0) + 1;
    counters.set(g.communityId, seq);
    const building = r.int(1, 40);
    const room = `${r.int(1, 18)}0${r.int(1, 4)}`;
    return {
      id: r.uuid(),
      house_number: formatNumber(pattern, g.codes, seq),
      address: `示范区${r.pick(ROADS)}${r.int(1, 999)}弄${building}号${room}室`,
      building: `${building}号`,
      unit: null,
      room,
      use: pickUse(),
      area: String(r.int(25, 160)),
      lng: Math.round((w + (e - w) * (0.05 + 0.9 * r.next())) * 1e6) / 1e6,
      lat: Math.round((s + (n - s) * (0.05 + 0.9 * r.next())) * 1e6) / 1e6,
      grid_id: g.id,
      community_id: g.communityId,
      street_id: g.streetId,
      org_path: g.path,
      owner_name: null as string | null,
      owner_phone: null as string | null,
      owner_person_id: null as string | null,
      created_at: new Date(now - r.int(30, 900) * day),
    };
  });

  const seen = new Set<string>();
  const people = Array.from({ length: PEOPLE }, () => {
    const x = r.next();
    const residence = x < 0.7 ? 'registered' : x < 0.95 ? 'floating' : 'overseas';
    const sex = r.chance(0.5) ? 'male' : 'female';
    const year = r.int(1935, 2022);
    const birth = `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    let idNumber: string;
    do {
      idNumber =
        residence === 'overseas'
          ? `${r.pick(['P', 'E', 'G', 'K'])}${r.int(10_000_000, 99_999_999)}`
          : demoCitizenId(
              r,
              r.pick(residence === 'registered' ? SHANGHAI_REGIONS : OTHER_REGIONS),
              birth,
              sex,
            );
    } while (seen.has(idNumber));
    seen.add(idNumber);
    const age = new Date(now).getUTCFullYear() - year;
    const tags: string[] = [];
    if (age >= 70 && r.chance(0.2)) tags.push('elderly_alone');
    else if (age >= 60 && r.chance(0.1)) tags.push('empty_nest');
    if (age >= 18 && r.chance(0.08)) tags.push('party_member');
    if (age >= 25 && sex === 'male' && r.chance(0.04)) tags.push('veteran');
    if (r.chance(0.03)) tags.push('low_income');
    if (r.chance(0.02)) tags.push('disabled');
    if (age < 14 && residence === 'registered' && r.chance(0.05)) tags.push('left_behind_child');
    if (age >= 18 && r.chance(0.05)) tags.push('volunteer');
    return {
      id: r.uuid(),
      id_type: residence === 'overseas' ? 'passport' : 'citizen_id',
      id_number: idNumber,
      name:
        residence === 'overseas' && r.chance(0.5)
          ? `${r.pick(['A', 'M', 'J', 'K', 'L'])}. ${r.pick(['Smith', 'Tanaka', 'Kim', 'Müller', 'Martin', 'Lee'])}`
          : demoName(r),
      sex,
      birth_date: birth,
      phone: age >= 12 ? demoPhone(r) : null,
      residence_type: residence,
      ethnicity:
        residence === 'overseas'
          ? null
          : r.chance(0.94)
            ? '汉族'
            : r.pick(['回族', '满族', '壮族', '蒙古族']),
      nationality: residence === 'overseas' ? r.pick(FOREIGN) : '中国',
      household_address: residence === 'registered' ? `上海市${r.pick(ROADS)}${r.int(1, 500)}号` : null,
      address: null as string | null,
      tags,
      grid_id: null as string | null,
      org_path: grids[0]!.path,
      created_at: new Date(now - r.int(1, 900) * day),
    };
  });

  // Living arrangements: each lived-in house takes 1–5 people in turn; a few people have an earlier stay.
  const residences: {
    id: string;
    person_id: string;
    house_id: string;
    relation: string;
    from_date: string;
    to_date: string | null;
  }[] = [];
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  let next = 0;
  for (const h of houses) {
    if (h.use === 'vacant' || next >= people.length) continue;
    const count = h.use === 'commercial' ? r.int(0, 1) : h.use === 'dormitory' ? r.int(3, 6) : r.int(1, 4);
    for (let k = 0; k < count && next < people.length; k++) {
      const p = people[next++]!;
      const relation =
        h.use === 'rental' || h.use === 'dormitory'
          ? 'tenant'
          : h.use === 'commercial'
            ? 'other'
            : k === 0
              ? 'owner'
              : 'family';
      residences.push({
        id: r.uuid(),
        person_id: p.id,
        house_id: h.id,
        relation,
        from_date: iso(now - r.int(30, 3000) * day),
        to_date: null,
      });
      p.grid_id = h.grid_id;
      p.org_path = h.org_path;
      p.address = h.address;
      if (relation === 'owner') {
        h.owner_name = p.name;
        h.owner_phone = p.phone;
        h.owner_person_id = p.id;
      }
    }
  }
  // Landlords of rentals are registered residents living elsewhere.
  const landlords = people.filter((p) => p.residence_type === 'registered' && p.grid_id);
  for (const h of houses)
    if (!h.owner_person_id && h.use !== 'vacant' && landlords.length) {
      const l = r.pick(landlords);
      h.owner_name = l.name;
      h.owner_phone = l.phone;
      h.owner_person_id = l.id;
    }
  for (const p of people) {
    if (!p.grid_id) {
      const g = r.pick(grids);
      p.grid_id = g.id;
      p.org_path = g.path;
    }
  }
  for (const res of residences.slice(0, 250)) {
    const earlier = r.pick(houses);
    if (earlier.id === res.house_id) continue;
    const to = new Date(`${res.from_date}T00:00:00Z`).getTime() - r.int(1, 60) * day;
    residences.push({
      id: r.uuid(),
      person_id: res.person_id,
      house_id: earlier.id,
      relation: 'tenant',
      from_date: iso(to - r.int(180, 1500) * day),
      to_date: iso(to),
    });
  }

  await insertChunks(people, (c) =>
    db
      .insertInto('persons')
      .values(c.map((p) => ({ ...p, updated_at: p.created_at })))
      .execute(),
  );
  await insertChunks(houses, (c) =>
    db
      .insertInto('houses')
      .values(c.map((h) => ({ ...h, updated_at: h.created_at })))
      .execute(),
  );
  await insertChunks(residences, (c) => db.insertInto('residences').values(c).execute());
  await db
    .insertInto('house_number_counters')
    .values([...counters].map(([community_key, last_value]) => ({ community_key, last_value })))
    .execute();
}
