import type { SignedInContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { sha256, sniffMime, type FileStore } from '../../core/files.ts';
import { caseVisible } from './repository.ts';

/** Stores an upload after checking what it really is (by its bytes) and its size. */
export async function saveAttachment(
  ctx: SignedInContext,
  store: FileStore,
  file: { filename: string; bytes: Buffer },
  maxBytes: number,
) {
  if (file.bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', 400, 'file: empty', {
      fields: [{ path: 'file', message: 'empty' }],
    });
  if (file.bytes.length > maxBytes)
    throw new AppError('FILE_TOO_LARGE', 413, `file: larger than ${Math.round(maxBytes / 1048576)} MB`, {
      fields: [{ path: 'file', message: 'too large' }],
    });
  const mime = sniffMime(file.bytes);
  if (!mime)
    throw new AppError(
      'UNSUPPORTED_FILE',
      415,
      'file: only JPEG, PNG, GIF, WebP images and PDF are accepted',
      { fields: [{ path: 'file', message: 'not an image or PDF' }] },
    );
  const key = await store.put(file.bytes);
  const { id } = await ctx.db
    .insertInto('attachments')
    .values({
      filename: file.filename.slice(0, 200),
      mime,
      size: file.bytes.length,
      sha256: sha256(file.bytes),
      storage_key: key,
      uploaded_by: ctx.user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, filename: file.filename, mime, size: file.bytes.length };
}

/** A file is readable by its uploader, or by anyone who can see the case it belongs to. */
export async function readAttachment(ctx: SignedInContext, store: FileStore, id: string) {
  const a = await ctx.db
    .selectFrom('attachments')
    .select(['id', 'filename', 'mime', 'storage_key', 'uploaded_by', 'case_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!a) throw notFound('attachment');
  if (a.uploaded_by !== ctx.user.id) {
    const visible = a.case_id
      ? await ctx.db
          .selectFrom('cases as c')
          .select('c.id')
          .where('c.id', '=', a.case_id)
          .where(caseVisible(ctx.scope))
          .executeTakeFirst()
      : null;
    if (!visible) throw notFound('attachment');
  }
  return { filename: a.filename, mime: a.mime, bytes: await store.get(a.storage_key) };
}
