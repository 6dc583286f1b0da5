import { areaFor, CitizenIds, creditCode, mobile } from './identity.ts';
import { TableSink, type Loader } from './loader.ts';
import { companyName, personName, ROADS } from './names.ts';
import { pointIn, type CityTree } from './org-tree.ts';
import { Rng, uuidFor, Weighted } from './random.ts';
import type { Scale } from './scales.ts';

export const KIND = { person: 1, house: 2, residence: 3, rental: 4, organization: 5, employment: 6 } as const;

const HOUSE_USE = new Weighted([
  ['self_occupied', 64],
  ['rental', 22],
  ['vacant', 8],
  ['commercial', 4],
  ['dormitory', 2],
] as const);
const RESIDENCE = new Weighted([
  ['registered', 60],
  ['floating', 38],
  ['overseas', 2],
] as const);
const ORG_KIND = new Weighted([
  ['shop', 50],
  ['enterprise', 38],
  ['social_org', 5],
  ['public_institution', 4],
  ['other', 3],
] as const);

/** Which house person `i` lives in, and which grid house `h` stands in: spread evenly, no table kept. */
export const houseOf = (s: Scale, i: number) => Math.floor((i * s.houses) / s.persons);
export const gridOfHouse = (s: Scale, tree: CityTree, h: number) =>
  tree.grids[Math.floor((h * tree.grids.length) / s.houses)]!;
const firstResident = (s: Scale, h: number) => Math.ceil((h * s.persons) / s.houses);

const iso = (d: Date) => d.toISOString();
const day = (d: Date) => d.toISOString().slice(0, 10);

function address(rng: Rng, h: number) {
  const road = ROADS[h % ROADS.length]!;
  const lane = 1 + ((h >> 5) % 800);
  const building = 1 + rng.int(30);
  const room = `${1 + rng.int(18)}0${1 + rng.int(4)}`;
  return { road, lane, building: String(building), unit: String(1 + rng.int(4)), room };
}

/** 实有房屋 and their rentals in one pass, then 实有人口 with where they live, then 单位 and who works there. */
export async function generateRegistry(
  loader: Loader,
  s: Scale,
  tree: CityTree,
  now: Date,
  progress: (table: string, done: number, total: number) => void,
  /** ID numbers and credit codes the database already holds (the demo district's), never generated again. */
  taken: { idNumbers: ReadonlySet<string>; creditCodes: ReadonlySet<string> } = {
    idNumbers: new Set(),
    creditCodes: new Set(),
  },
) {
  const rng = new Rng(11643);
  const houses = new TableSink(
    loader,
    'houses',
    [
      'id',
      'house_number',
      'address',
      'building',
      'unit',
      'room',
      'use',
      'area',
      'lng',
      'lat',
      'grid_id',
      'community_id',
      'street_id',
      'org_path',
      'owner_name',
      'owner_phone',
      'owner_person_id',
      'created_at',
      'updated_at',
    ],
    s.chunk,
  );
  const rentals = new TableSink(
    loader,
    'rentals',
    [
      'id',
      'house_id',
      'landlord_person_id',
      'landlord_name',
      'landlord_phone',
      'registration_number',
      'registered_on',
      'status',
      'star_rating',
      'org_path',
      'created_at',
      'updated_at',
    ],
    s.chunk,
  );
  const stamp = iso(now);
  for (let h = 0; h < s.houses; h++) {
    const g = gridOfHouse(s, tree, h);
    const a = address(rng, h);
    const use = HOUSE_USE.draw(rng);
    const [lng, lat] = pointIn(g.quad, rng.next(), rng.next());
    const ownerIdx = firstResident(s, h);
    const ownerName = personName(rng, rng.chance(0.5));
    const ownerPhone = mobile(rng);
    const id = uuidFor(KIND.house, h);
    await houses.add([
      id,
      `BZ${String(h + 1).padStart(9, '0')}`,
      `上海市${g.streetName.replace('（基准）', '')}${a.road}${a.lane}弄${a.building}号${a.room}室`,
      a.building,
      a.unit,
      a.room,
      use,
      (40 + rng.int(1200) / 10).toFixed(2),
      lng,
      lat,
      g.id,
      g.communityId,
      g.streetId,
      g.path,
      ownerName,
      ownerPhone,
      ownerIdx < s.persons && use !== 'commercial' ? uuidFor(KIND.person, ownerIdx) : null,
      stamp,
      stamp,
    ]);
    if (use === 'rental') {
      const registered = new Date(now.getTime() - rng.int(5 * 365) * 86_400_000);
      await rentals.add([
        uuidFor(KIND.rental, h),
        id,
        ownerIdx < s.persons ? uuidFor(KIND.person, ownerIdx) : null,
        ownerName,
        ownerPhone,
        `ZL${String(h + 1).padStart(9, '0')}`,
        day(registered),
        rng.chance(0.93) ? 'active' : 'ended',
        rng.chance(0.7) ? 1 + rng.int(5) : null,
        g.path,
        stamp,
        stamp,
      ]);
    }
    if (h % (s.chunk * 4) === 0) progress('houses', h, s.houses);
  }
  await houses.flush();
  await rentals.flush();
  progress('houses', s.houses, s.houses);

  const persons = new TableSink(
    loader,
    'persons',
    [
      'id',
      'id_type',
      'id_number',
      'name',
      'sex',
      'birth_date',
      'phone',
      'residence_type',
      'ethnicity',
      'nationality',
      'household_address',
      'address',
      'grid_id',
      'org_path',
      'created_at',
      'updated_at',
    ],
    s.chunk,
  );
  const residences = new TableSink(
    loader,
    'residences',
    ['id', 'person_id', 'house_id', 'relation', 'from_date', 'created_at'],
    s.chunk,
  );
  const ids = new CitizenIds(taken.idNumbers);
  const thisYear = now.getUTCFullYear();
  for (let i = 0; i < s.persons; i++) {
    const h = houseOf(s, i);
    const g = gridOfHouse(s, tree, h);
    const male = rng.chance(0.51);
    const residence = RESIDENCE.draw(rng);
    // Ages 0–94, fewer of the very old: a city's age pyramid, roughly.
    const age = Math.min(94, Math.floor(rng.next() * rng.next() * 60 + rng.next() * 45));
    const birth = `${thisYear - age - 1}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`;
    const overseas = residence === 'overseas';
    const idNumber = overseas
      ? `E${String(10_000_000 + i).padStart(8, '0')}`
      : ids.next(areaFor(rng, residence === 'registered'), birth, male);
    const a = address(rng, h);
    const home = `上海市${g.streetName.replace('（基准）', '')}${a.road}${a.lane}弄${a.building}号${a.room}室`;
    await persons.add([
      uuidFor(KIND.person, i),
      overseas ? 'passport' : 'citizen_id',
      idNumber,
      overseas ? `TESTER ${i}` : personName(rng, male),
      male ? 'male' : 'female',
      birth,
      age >= 16 && rng.chance(0.9) ? mobile(rng) : null,
      residence,
      overseas ? null : rng.chance(0.92) ? '汉族' : rng.pick(['回族', '满族', '蒙古族', '壮族', '朝鲜族']),
      overseas ? rng.pick(['KOR', 'JPN', 'USA', 'DEU', 'FRA']) : 'CHN',
      residence === 'registered' ? home : null,
      home,
      g.id,
      g.path,
      stamp,
      stamp,
    ]);
    const first = firstResident(s, h) === i;
    await residences.add([
      uuidFor(KIND.residence, i),
      uuidFor(KIND.person, i),
      uuidFor(KIND.house, h),
      first ? 'owner' : residence === 'floating' ? 'tenant' : 'family',
      day(new Date(now.getTime() - rng.int(20 * 365) * 86_400_000)),
      stamp,
    ]);
    if (i % (s.chunk * 4) === 0) progress('persons', i, s.persons);
  }
  await persons.flush();
  await residences.flush();
  progress('persons', s.persons, s.persons);

  const organizations = new TableSink(
    loader,
    'organizations',
    [
      'id',
      'name',
      'kind',
      'credit_code',
      'legal_rep',
      'phone',
      'address',
      'lng',
      'lat',
      'grid_id',
      'community_id',
      'street_id',
      'org_path',
      'safety_contact_name',
      'safety_contact_phone',
      'status',
      'created_at',
      'updated_at',
    ],
    s.chunk,
  );
  const employments = new TableSink(
    loader,
    'employments',
    ['id', 'organization_id', 'person_id', 'position', 'from_date', 'created_at'],
    s.chunk,
  );
  for (let o = 0; o < s.organizations; o++) {
    const g = tree.grids[Math.floor((o * tree.grids.length) / s.organizations)]!;
    const a = address(rng, o * 7);
    const [lng, lat] = pointIn(g.quad, rng.next(), rng.next());
    await organizations.add([
      uuidFor(KIND.organization, o),
      companyName(rng, o + 1),
      ORG_KIND.draw(rng),
      freeCreditCode(rng, o, taken.creditCodes),
      personName(rng, rng.chance(0.6)),
      mobile(rng),
      `上海市${g.streetName.replace('（基准）', '')}${a.road}${a.lane}号`,
      lng,
      lat,
      g.id,
      g.communityId,
      g.streetId,
      g.path,
      personName(rng, rng.chance(0.5)),
      mobile(rng),
      rng.chance(0.95) ? 'active' : 'closed',
      stamp,
      stamp,
    ]);
  }
  await organizations.flush();
  // About one resident in five is recorded as employed at a unit of the district.
  const employed = Math.floor(s.persons / 5);
  for (let e = 0; e < employed; e++) {
    await employments.add([
      uuidFor(KIND.employment, e),
      uuidFor(KIND.organization, rng.int(s.organizations)),
      uuidFor(KIND.person, e * 5 + rng.int(5)),
      rng.pick(['职员', '店员', '经理', '技术员', '保安', '厨师', '会计']),
      day(new Date(now.getTime() - rng.int(10 * 365) * 86_400_000)),
      stamp,
    ]);
  }
  await employments.flush();
  progress('organizations', s.organizations, s.organizations);
}

function freeCreditCode(rng: Rng, n: number, taken: ReadonlySet<string>): string {
  for (let k = 0; ; k++) {
    const code = creditCode(rng, n + k * 1_000_003);
    if (!taken.has(code)) return code;
  }
}
