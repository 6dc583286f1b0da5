import { createHash, randomBytes } from 'node:crypto';
import type { FileStore } from '../core/files.ts';
import type { Db } from '../db/client.ts';
import { person, user, type Subtree } from './factories.ts';

/**
 * The shared record parts hung off a case of `at`: a subject link, a referral, an issued document and an
 * attachment. Each is what the route matrix needs to ask "may street A reach street B's part by its id?".
 */

const tag = () => randomBytes(4).toString('hex');

/** A registry person of `at` linked to the case as a party (当事人). */
export async function subjectLink(db: Db, at: Subtree, caseId: string, now = new Date()) {
  const p = await person(db, at);
  return db
    .insertInto('record_subjects')
    .values({
      owner_type: 'case',
      owner_id: caseId,
      subject_type: 'person',
      subject_id: p.id,
      role: 'party',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A pending referral of the case from the street of `at` to its community: both ends inside `at`. */
export async function referral(db: Db, at: Subtree, caseId: string, now = new Date()) {
  return db
    .insertInto('referrals')
    .values({
      owner_type: 'case',
      owner_id: caseId,
      kind: 'referral',
      from_org_id: at.street.id,
      from_path: at.street.path,
      to_org_id: at.community.id,
      to_path: at.community.path,
      reason: `测试转办${tag()}`,
      due_at: new Date(now.getTime() + 3 * 86_400_000),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A numbered document (文书) of the case, issued by the street of `at`; the bytes are a minimal PDF. */
export async function documentOf(db: Db, at: Subtree, caseId: string, now = new Date()) {
  const file = Buffer.from(`%PDF-1.4\n% test ${tag()}\n%%EOF\n`);
  const seq = randomBytes(3).readUIntBE(0, 3);
  return db
    .insertInto('documents')
    .values({
      owner_type: 'case',
      owner_id: caseId,
      org_id: at.street.id,
      org_path: at.street.path,
      series: 'test',
      year: now.getFullYear(),
      seq,
      number: `测字〔${now.getFullYear()}〕第${seq}号`,
      title: '测试文书',
      file,
      size: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A photo uploaded by a street user of `at` and attached to the case; its bytes are in `files`. */
export async function attachment(db: Db, files: FileStore, at: Subtree, caseId: string) {
  const bytes = Buffer.from(`test photo ${tag()}`);
  const uploader = await user(db, at.street, { code: 'street_staff' });
  return db
    .insertInto('attachments')
    .values({
      filename: 'photo.jpg',
      mime: 'image/jpeg',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storage_key: await files.put(bytes),
      uploaded_by: uploader.id,
      case_id: caseId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A reply template (常用回复) of the street of `at`. */
export async function replyTemplate(db: Db, at: Subtree) {
  return db
    .insertInto('case_reply_templates')
    .values({
      org_id: at.street.id,
      org_path: at.street.path,
      action: 'feedback',
      title: `测试回复${tag()}`,
      body: '已按要求处理完毕。',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
