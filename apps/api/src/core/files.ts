import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from './errors.ts';

/** Where uploaded files live. Local disk now; an S3-compatible store can implement the same three calls. */
export interface FileStore {
  put(bytes: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private resolve(key: string) {
    const file = path.resolve(this.root, key);
    // Keys are ours, but a key must never point outside the store.
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new Error('bad storage key');
    return file;
  }

  async put(bytes: Buffer): Promise<string> {
    const now = new Date();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    const file = this.resolve(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, bytes, { flag: 'wx' });
    return key;
  }

  async get(key: string) {
    try {
      return await fs.readFile(this.resolve(key));
    } catch (err) {
      // The record is there but its file is not (lost disk, a restore without the uploads): the file is gone,
      // which the reader is told as such, not as a server fault.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw new AppError(
          'FILE_GONE',
          410,
          'the stored file of this record is missing; restore it from a backup',
        );
      throw err;
    }
  }

  async remove(key: string) {
    await fs.rm(this.resolve(key), { force: true });
  }
}

const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mime: 'image/gif',
    test: (b) =>
      b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a',
  },
  {
    mime: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** The type a file really is, read from its first bytes; the name and the declared type are not trusted. */
export function sniffMime(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(bytes))?.mime ?? null;
}

export function sha256(bytes: Buffer) {
  return createHash('sha256').update(bytes).digest('hex');
}
