import type { Db } from '../../db/client.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A valid GB 11643 number for test person `n` (the persons API lives on another branch; tests insert directly). */
export function citizenId(n: number, birth = '19900101'): string {
  const first17 = `310112${birth}${String(n % 1000).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + ID_CHECK[sum % 11]!;
}

export async function gridByName(db: Db, name: string) {
  return db.selectFrom('orgs').select(['id', 'path']).where('name', '=', name).executeTakeFirstOrThrow();
}

let seq = 0;

export async function insertPerson(
  db: Db,
  p: { name: string; grid: string; residenceType?: string; phone?: string; address?: string },
): Promise<string> {
  const g = await gridByName(db, p.grid);
  const row = await db
    .insertInto('persons')
    .values({
      id_number: citizenId(++seq, '19020304'),
      name: p.name,
      phone: p.phone ?? null,
      address: p.address ?? null,
      residence_type: p.residenceType ?? 'floating',
      grid_id: g.id,
      org_path: g.path,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertHouse(
  db: Db,
  h: {
    address: string;
    grid: string;
    use?: string;
    ownerName?: string;
    ownerPhone?: string;
    ownerPersonId?: string;
  },
): Promise<string> {
  const g = await gridByName(db, h.grid);
  const row = await db
    .insertInto('houses')
    .values({
      house_number: `T${Date.now().toString(36)}${++seq}`,
      address: h.address,
      use: h.use ?? 'rental',
      grid_id: g.id,
      org_path: g.path,
      owner_name: h.ownerName ?? null,
      owner_phone: h.ownerPhone ?? null,
      owner_person_id: h.ownerPersonId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertResidence(
  db: Db,
  r: { personId: string; houseId: string; fromDate: string; toDate?: string; relation?: string },
) {
  await db
    .insertInto('residences')
    .values({
      person_id: r.personId,
      house_id: r.houseId,
      relation: r.relation ?? 'tenant',
      from_date: r.fromDate,
      to_date: r.toDate ?? null,
    })
    .execute();
}
