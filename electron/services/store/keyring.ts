/**
 * Key slots (keyslots.json in the workspace folder). The random data key encrypts everything; each
 * user's password, and the recovery key, wraps a copy of it in one slot. Changing a password
 * rewrites one slot, never the data. Slot ids are hashes, so the file reveals no user names.
 *
 * The file carries a SHA-256 checksum of its content so a damaged or edited file is reported as
 * such (INTEGRITY) instead of looking like a wrong password; each wrapped key is additionally bound
 * (AES-GCM associated data) to its workspace, slot id and KDF parameters, so slots cannot be
 * swapped between users or workspaces.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { KEY_LEN, seal, tryOpen } from '../crypto/aead';
import { defaultScryptParams, deriveKey, isSaneScryptParams, type ScryptParams } from '../crypto/kdf';
import { sha256Hex } from '../crypto/subkeys';
import { writeFileAtomic } from './durableFs';
import type { Keyring } from './api';

export const KEYSLOTS_FILE = 'keyslots.json';
export const KEYSLOTS_FORMAT = 1;
export const RECOVERY_SLOT = 'recovery';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const slotSchema = z.object({
  kdf: z.object({ alg: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number() }),
  salt: b64,
  nonce: b64,
  wrapped: b64,
});
const fileSchema = z.object({
  format: z.literal(KEYSLOTS_FORMAT),
  workspaceId: z.string().regex(/^[0-9a-f]{32}$/),
  slots: z.record(z.string().min(1), slotSchema),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});

type Slot = z.infer<typeof slotSchema>;
interface SlotsBody {
  format: number;
  workspaceId: string;
  slots: Record<string, Slot>;
}

/** 32 random bytes: the key that encrypts the whole workspace. */
export function generateDataKey(): Buffer {
  return crypto.randomBytes(KEY_LEN);
}

/** Slot id for a user: hex SHA-256 of `workspaceId + '\n' + name` (no names in the file). */
export function userSlotId(workspaceId: string, userName: string): string {
  return sha256Hex(`${workspaceId}\n${userName}`);
}

function checksumOf(body: SlotsBody): string {
  return sha256Hex(JSON.stringify({ format: body.format, workspaceId: body.workspaceId, slots: body.slots }));
}

function wrapAad(workspaceId: string, slotId: string, kdf: ScryptParams, salt: string): Buffer {
  return Buffer.from(`archivedesk-keyslot-v1\n${workspaceId}\n${slotId}\n${kdf.alg}:${kdf.N}:${kdf.r}:${kdf.p}\n${salt}`);
}

/**
 * Parses and checks the text of a slots file. `label` names the file in messages (a workspace file
 * or a backup entry). Throws INTEGRITY if it is not a well-formed, unmodified slots file.
 */
export function parseKeyslots(text: string, label: string): SlotsBody {
  const tampered = (why: string) =>
    new AppError('INTEGRITY', `密钥槽文件 ${label} 已损坏或被改动（${why}），无法解锁档案库。请从备份恢复该文件或整个档案库。`, { file: label });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw tampered('不是有效的 JSON');
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw tampered('结构不符');
  const body: SlotsBody = { format: parsed.data.format, workspaceId: parsed.data.workspaceId, slots: parsed.data.slots };
  if (checksumOf(body) !== parsed.data.checksum) throw tampered('校验和不符');
  return body;
}

class FileKeyring implements Keyring {
  private readonly file: string;
  private slots: Record<string, Slot>;

  constructor(
    dir: string,
    readonly workspaceId: string,
    slots: Record<string, Slot>,
  ) {
    this.file = path.join(dir, KEYSLOTS_FILE);
    this.slots = slots;
  }

  hasSlot(slotId: string): boolean {
    return Object.hasOwn(this.slots, slotId);
  }

  /** Insertion order is kept through rewrites (JSON objects keep key order; ids are never numeric). */
  slotIds(): string[] {
    return Object.keys(this.slots);
  }

  unwrap(slotId: string, secret: string): Buffer {
    const slot = this.hasSlot(slotId) ? this.slots[slotId] : undefined;
    if (!slot) {
      // Same cost as a real attempt, so timing does not reveal which user names exist.
      deriveKey(secret, crypto.randomBytes(16), defaultScryptParams());
      throw authFailed();
    }
    if (!isSaneScryptParams(slot.kdf)) {
      throw new AppError('INTEGRITY', `密钥槽文件 ${KEYSLOTS_FILE} 中的参数不合理（可能被改动），已拒绝使用。请从备份恢复该文件。`, {
        file: KEYSLOTS_FILE,
      });
    }
    const kek = deriveKey(secret, Buffer.from(slot.salt, 'base64'), slot.kdf);
    const sealed = Buffer.concat([Buffer.from(slot.nonce, 'base64'), Buffer.from(slot.wrapped, 'base64')]);
    const key = tryOpen(kek, sealed, wrapAad(this.workspaceId, slotId, slot.kdf, slot.salt));
    if (!key || key.length !== KEY_LEN) throw authFailed();
    return key;
  }

  setSlot(slotId: string, secret: string, dataKey: Buffer): void {
    if (dataKey.length !== KEY_LEN) throw new AppError('INTERNAL', `数据密钥长度应为 ${KEY_LEN} 字节。`);
    if (secret.length === 0) throw new AppError('VALIDATION', '密码不能为空。');
    const kdf = defaultScryptParams();
    const salt = crypto.randomBytes(16).toString('base64');
    const kek = deriveKey(secret, Buffer.from(salt, 'base64'), kdf);
    const sealed = seal(kek, dataKey, wrapAad(this.workspaceId, slotId, kdf, salt));
    const slot: Slot = {
      kdf,
      salt,
      nonce: sealed.subarray(0, 12).toString('base64'),
      wrapped: sealed.subarray(12).toString('base64'),
    };
    this.save({ ...this.slots, [slotId]: slot });
  }

  removeSlot(slotId: string): void {
    if (!this.hasSlot(slotId)) return;
    const next = { ...this.slots };
    delete next[slotId];
    this.save(next);
  }

  /** Writes first, then updates memory: a failed write leaves both as they were. */
  private save(slots: Record<string, Slot>): void {
    const body: SlotsBody = { format: KEYSLOTS_FORMAT, workspaceId: this.workspaceId, slots };
    writeFileAtomic(this.file, `${JSON.stringify({ ...body, checksum: checksumOf(body) }, null, 1)}\n`);
    this.slots = slots;
  }

  /** Used by createKeyring to write the initial (empty) file. */
  init(): void {
    this.save({});
  }
}

function authFailed(): AppError {
  return new AppError('AUTH_FAILED', '用户名或密码错误。');
}

/** Starts a new workspace's slots file with a fresh random workspace id. Refuses to overwrite one. */
export function createKeyring(dir: string): Keyring {
  fs.mkdirSync(dir, { recursive: true });
  if (fs.existsSync(path.join(dir, KEYSLOTS_FILE))) {
    throw new AppError('CONFLICT', `文件夹 ${dir} 中已有档案库（存在 ${KEYSLOTS_FILE}），不能重复创建。请直接打开它，或选择一个空文件夹。`);
  }
  const ring = new FileKeyring(dir, crypto.randomBytes(16).toString('hex'), {});
  ring.init();
  return ring;
}

/** Reads an existing workspace's slots file (WORKSPACE_MISSING if absent, INTEGRITY if damaged). */
export function loadKeyring(dir: string): Keyring {
  const file = path.join(dir, KEYSLOTS_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('WORKSPACE_MISSING', `在 ${dir} 找不到档案库（缺少 ${KEYSLOTS_FILE}）。请检查档案库文件夹设置，或从备份恢复。`, { dir });
    }
    throw err;
  }
  const body = parseKeyslots(text, KEYSLOTS_FILE);
  return new FileKeyring(dir, body.workspaceId, body.slots);
}
