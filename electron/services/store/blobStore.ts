/**
 * Encrypted files beside the database (page images, PDFs, OCR text): `blobs/<2 hex>/<62 hex>`.
 * The id is an HMAC-SHA256 of the content under a key derived from the data key, so equal files
 * are stored once and a name says nothing about the content to someone without the key. Each file
 * is "ADBLOB01" ‖ nonce ‖ AES-GCM(content) ‖ tag with the id as associated data (no swapping).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { seal, tryOpen } from '../crypto/aead';
import { hmac, subkey } from '../crypto/subkeys';
import type { BlobStore } from './api';
import { fsyncDir, isTempName, writeFileAtomic } from './durableFs';

export const BLOB_DIR = 'blobs';
const MAGIC = Buffer.from('ADBLOB01', 'latin1');
const ID_RE = /^[0-9a-f]{64}$/;

export interface BlobKeys {
  name: Buffer;
  data: Buffer;
}

export function blobKeys(dataKey: Uint8Array): BlobKeys {
  return { name: subkey(dataKey, 'blob-name'), data: subkey(dataKey, 'blob-data') };
}

export function blobRelPath(id: string): string {
  return `${BLOB_DIR}/${id.slice(0, 2)}/${id.slice(2)}`;
}

function aad(workspaceId: string, id: string): Buffer {
  return Buffer.from(`ADBLOB01\n${workspaceId}\n${id}`);
}

/**
 * Decrypts one stored blob and checks it is the content its id names. `label` names the file in
 * messages. Throws INTEGRITY on any mismatch.
 */
export function openBlob(keys: BlobKeys, workspaceId: string, id: string, stored: Buffer, label: string): Buffer {
  const bad = (why: string) =>
    new AppError('INTEGRITY', `附件文件 ${label} 已损坏或被改动（${why}）。请从备份恢复该文件。`, { file: label, blobId: id });
  if (stored.length < MAGIC.length || !stored.subarray(0, MAGIC.length).equals(MAGIC)) throw bad('文件头不符');
  const plain = tryOpen(keys.data, stored.subarray(MAGIC.length), aad(workspaceId, id));
  if (!plain) throw bad('无法通过校验');
  if (!crypto.timingSafeEqual(hmac(keys.name, plain), Buffer.from(id, 'hex'))) throw bad('内容与文件名不符');
  return plain;
}

/** Lists blob ids under `dir/blobs` (skipping crash leftovers and anything not named like a blob). */
export function listBlobIds(dir: string): string[] {
  const root = path.join(dir, BLOB_DIR);
  if (!fs.existsSync(root)) return [];
  const ids: string[] = [];
  for (const sub of fs.readdirSync(root).sort()) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    for (const name of fs.readdirSync(path.join(root, sub)).sort()) {
      if (!isTempName(name) && /^[0-9a-f]{62}$/.test(name)) ids.push(sub + name);
    }
  }
  return ids;
}

export class FileBlobStore implements BlobStore {
  constructor(
    private readonly dir: string,
    private readonly workspaceId: string,
    private readonly keys: BlobKeys,
    /** Runs a deletion now, or later if a backup is reading the files. */
    private readonly deferDelete: (fn: () => void) => void,
  ) {}

  put(data: Uint8Array): string {
    const id = hmac(this.keys.name, data).toString('hex');
    const file = this.pathOf(id);
    if (fs.existsSync(file)) {
      try {
        this.readVerified(id);
        return id; // already stored and intact
      } catch {
        // damaged copy: rewrite it below
      }
    }
    const sub = path.dirname(file);
    if (!fs.existsSync(sub)) {
      fs.mkdirSync(sub, { recursive: true });
      fsyncDir(path.dirname(sub));
    }
    writeFileAtomic(file, Buffer.concat([MAGIC, seal(this.keys.data, data, aad(this.workspaceId, id))]));
    return id;
  }

  get(id: string): Buffer {
    checkId(id);
    return this.readVerified(id);
  }

  has(id: string): boolean {
    return ID_RE.test(id) && fs.existsSync(this.pathOf(id));
  }

  delete(id: string): void {
    checkId(id);
    const file = this.pathOf(id);
    this.deferDelete(() => fs.rmSync(file, { force: true }));
  }

  list(): string[] {
    return listBlobIds(this.dir);
  }

  private pathOf(id: string): string {
    return path.join(this.dir, BLOB_DIR, id.slice(0, 2), id.slice(2));
  }

  private readVerified(id: string): Buffer {
    let stored: Buffer;
    try {
      stored = fs.readFileSync(this.pathOf(id));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new AppError('NOT_FOUND', `找不到附件文件 ${blobRelPath(id)}。它可能已被删除；请从备份恢复。`, { blobId: id });
      }
      throw err;
    }
    return openBlob(this.keys, this.workspaceId, id, stored, blobRelPath(id));
  }
}

function checkId(id: string): void {
  if (!ID_RE.test(id)) throw new AppError('VALIDATION', `附件编号格式不正确：${id.slice(0, 80)}`);
}
