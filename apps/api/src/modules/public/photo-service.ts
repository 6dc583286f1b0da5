import type { RequestContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { sniffMime, type FileStore } from '../../core/files.ts';
import { saveAttachment } from '../cases/attachment-service.ts';
import { publicActor } from '../cases/public-actor.ts';
import { logRejection } from './abuse.ts';

const ROUTE = 'POST /api/public/attachments';

/**
 * A resident's photo: an image by its bytes (a PDF or anything else is refused here, unlike staff uploads) and
 * no larger than the upload limit. Refusals are logged with their reason.
 */
export async function savePublicPhoto(
  ctx: RequestContext,
  store: FileStore,
  file: { filename: string; bytes: Buffer },
  maxBytes: number,
) {
  const mime = file.bytes.length ? sniffMime(file.bytes) : null;
  if (file.bytes.length && file.bytes.length <= maxBytes && !mime?.startsWith('image/')) {
    await logRejection(ctx, ROUTE, 'not_an_image', mime ?? 'unknown');
    throw new AppError('UNSUPPORTED_FILE', 415, 'file: only photos (JPEG, PNG, GIF, WebP) are accepted', {
      fields: [{ path: 'file', message: 'not a photo' }],
    });
  }
  try {
    const saved = await saveAttachment(await publicActor(ctx), store, file, maxBytes);
    return { id: saved.id, mime: saved.mime, size: saved.size };
  } catch (err) {
    if (err instanceof AppError) await logRejection(ctx, ROUTE, err.code.toLowerCase(), err.message);
    throw err;
  }
}

/** A file larger than the limit is cut off by the multipart parser: the same 413 and log entry as above. */
export async function refuseTooLarge(ctx: RequestContext, maxBytes: number): Promise<never> {
  await logRejection(ctx, ROUTE, 'file_too_large');
  throw new AppError('FILE_TOO_LARGE', 413, `file: larger than ${Math.round(maxBytes / 1048576)} MB`, {
    fields: [{ path: 'file', message: 'too large' }],
  });
}
