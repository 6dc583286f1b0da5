import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { house, person, user, type Subtree } from './factories.ts';

/** Factories for the records that hang off people and houses (rentals, permits, units, links, zones). */

const tag = () => randomBytes(4).toString('hex');

export async function rental(db: Db, at: Subtree) {
  const h = await house(db, at, 'rental');
  return db
    .insertInto('rentals')
    .values({ house_id: h.id, landlord_name: '测试房东', org_path: at.grid.path })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function permit(db: Db, at: Subtree) {
  const p = await person(db, at);
  return db
    .insertInto('residence_permits')
    .values({
      person_id: p.id,
      status: 'applied',
      address: `${at.grid.name}2号`,
      applied_on: '2026-01-05',
      org_path: at.grid.path,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function organization(db: Db, at: Subtree) {
  return db
    .insertInto('organizations')
    .values({
      name: `测试单位${tag()}`,
      kind: 'shop',
      address: `${at.grid.name}3号`,
      grid_id: at.grid.id,
      community_id: at.community.id,
      street_id: at.street.id,
      org_path: at.grid.path,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A notice published now by the street. */
export async function notice(db: Db, at: Subtree, now = new Date()) {
  return db
    .insertInto('notices')
    .values({
      type: 'announcement',
      title: `测试公告${tag()}`,
      body: '正文',
      publish_at: now,
      org_id: at.street.id,
      org_path: at.street.path,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function policy(db: Db, at: Subtree, now = new Date()) {
  const k = await db.selectFrom('policy_categories').select('id').executeTakeFirstOrThrow();
  return db
    .insertInto('policy_documents')
    .values({
      category_id: k.id,
      title: `测试政策${tag()}`,
      issuer: at.street.name,
      issued_on: '2026-01-05',
      body: '正文',
      search_grams: [],
      org_id: at.street.id,
      org_path: at.street.path,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** A person living in a house of `at` (入住), open-ended. */
export async function residence(db: Db, at: Subtree) {
  const [p, h] = [await person(db, at), await house(db, at)];
  return db
    .insertInto('residences')
    .values({ person_id: p.id, house_id: h.id, relation: 'family', from_date: '2026-01-05' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A tenant checked in to a rental of `at`. */
export async function tenancy(db: Db, at: Subtree) {
  const [r, p] = [await rental(db, at), await person(db, at)];
  return db
    .insertInto('tenancies')
    .values({ rental_id: r.id, person_id: p.id, check_in: '2026-01-05' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A person employed by an organisation of `at`. */
export async function employment(db: Db, at: Subtree) {
  const [o, p] = [await organization(db, at), await person(db, at)];
  return db
    .insertInto('employments')
    .values({ organization_id: o.id, person_id: p.id, from_date: '2026-01-05' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A grid worker assigned to the grid of `at` (一格多员). */
export async function gridStaff(db: Db, at: Subtree) {
  const u = await user(db, at.grid, { code: 'grid_worker' });
  return db
    .insertInto('grid_staff')
    .values({ grid_id: at.grid.id, user_id: u.id, grid_role: 'worker', from_date: '2026-01-05' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A patrol zone (片区) of the street of `at`, holding its grid. */
export async function zone(db: Db, at: Subtree) {
  const u = await user(db, at.street, { code: 'street_staff' });
  const z = await db
    .insertInto('zones')
    .values({ org_id: at.street.id, name: `测试片区${tag()}`, owner_user_id: u.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('zone_members').values({ zone_id: z.id, org_id: at.grid.id }).execute();
  return z;
}

/**
 * An assessment scheme (考核方案) owned by the street of `at`, assessing its communities, with its period
 * 2026-11 opened (the route matrix's `:period`).
 */
export async function scheme(db: Db, at: Subtree, now = new Date()) {
  const s = await db
    .insertInto('assessment_schemes')
    .values({
      org_id: at.street.id,
      org_path: at.street.path,
      name: `测试方案${tag()}`,
      period_type: 'month',
      assessee_kind: 'community',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('assessment_periods')
    .values({
      scheme_id: s.id,
      period: '2026-11',
      starts_at: new Date('2026-10-31T16:00:00Z'),
      ends_at: new Date('2026-11-30T16:00:00Z'),
      computed_at: null,
      published_at: null,
      published_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((p) =>
      db
        .insertInto('assessment_assessees')
        .values({
          period_id: p.id,
          assessee_id: at.community.id,
          assessee_type: 'org',
          name: at.community.name,
          org_path: at.community.path,
          grid_ids: [at.grid.id],
        })
        .execute(),
    );
  return s;
}

/** A queued monthly report job of the street of `at`. */
export async function reportJob(db: Db, at: Subtree, now = new Date()) {
  return db
    .insertInto('report_jobs')
    .values({
      org_id: at.street.id,
      org_path: at.street.path,
      month: '2026-11',
      status: 'queued',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A person import (批量导入) validated and waiting for its commit, made by a user of `at`. */
export async function importJob(db: Db, at: Subtree) {
  const u = await user(db, at.street, { code: 'street_staff' });
  return db
    .insertInto('import_jobs')
    .values({
      kind: 'persons',
      status: 'validated',
      filename: 'persons.xlsx',
      org_id: at.street.id,
      org_path: at.street.path,
      created_by: u.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** An Open311 API key of the street of `at`. */
export async function open311Key(db: Db, at: Subtree, now = new Date()) {
  return db
    .insertInto('open311_keys')
    .values({
      name: `测试密钥${tag()}`,
      owner: '测试',
      org_id: at.street.id,
      org_path: at.street.path,
      key_hash: randomBytes(32).toString('hex'),
      key_prefix: tag(),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** An open data-subject request (PIPL art. 44–47) about a person of the grid. */
export async function subjectRequest(db: Db, at: Subtree) {
  const p = await person(db, at);
  return db
    .insertInto('subject_requests')
    .values({
      person_id: p.id,
      org_path: at.grid.path,
      kind: 'access',
      detail: '测试请求',
      received_at: new Date(),
      due_at: new Date(Date.now() + 14 * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A petition (信访) received at the street, registered, with its `petition` data class. */
export async function petition(db: Db, at: Subtree, now = new Date()) {
  const p = await person(db, at);
  const row = await db
    .insertInto('petitions')
    .values({
      number: `XFT${tag()}`,
      channel: 'desk',
      class: 'appeal',
      category: 'labour',
      summary: '测试信访事项',
      demands: '测试诉求',
      matter_key: 'labour||',
      received_at: now,
      first_receiver_name: '测试接待员',
      receiving_org_id: at.street.id,
      org_path: at.street.path,
      petitioner_id: p.id,
      petitioner_name: '测试信访人',
      status: 'registered',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('record_classes')
    .values({
      owner_type: 'petition',
      owner_id: row.id,
      class: 'petition',
      org_path: at.street.path,
      created_at: now,
    })
    .execute();
  return row;
}
