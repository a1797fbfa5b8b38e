/**
 * The workspace this core serves: which folder, whether it is open, and opening it (the only
 * place a data key is unwrapped). Opening needs a user's password or the recovery key.
 */
import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { AppState } from '../../../shared/types';
import { migrate } from '../db/migrations';
import { firstAdmin, insertUser } from '../db/queries/users';
import { appendAudit, deriveAuditKey } from '../domain/audit';
import { slotFor } from '../domain/users';
import type { Keyring, Store } from '../store/api';
import {
  createKeyring,
  createStore,
  generateDataKey,
  generateRecoveryKey,
  loadKeyring,
  normaliseRecoveryKey,
  openStore,
  RECOVERY_SLOT,
  restoreBackupFile,
  workspaceExists,
} from '../store';
import { defaultWorkspaceDir, readConfig, writeConfig } from './config';

export interface OpenWorkspace {
  dir: string;
  store: Store;
  keyring: Keyring;
  dataKey: Buffer;
  auditKey: Buffer;
  /** Runtime services bound to this workspace (OCR pools, watchers, jobs) stop here before the store closes. */
  closeHooks: (() => Promise<void>)[];
}

export class WorkspaceHost {
  private current: OpenWorkspace | null = null;

  constructor(
    private readonly userDataDir: string,
    /** Set by the CLI's --data: use this folder and never touch the launcher config. */
    private readonly fixedDir: string | undefined,
    private readonly now: () => Date,
  ) {}

  dir(): string {
    if (this.current) return this.current.dir;
    return this.fixedDir ?? readConfig(this.userDataDir).workspaceDir ?? defaultWorkspaceDir(this.userDataDir);
  }

  state(): AppState {
    if (this.current) return 'open';
    return workspaceExists(this.dir()) ? 'closed' : 'no-workspace';
  }

  get open(): OpenWorkspace | null {
    return this.current;
  }

  require(): OpenWorkspace {
    if (!this.current) throw new AppError('NOT_SIGNED_IN', '档案库尚未解锁，请先登录。');
    return this.current;
  }

  private remember(dir: string): void {
    if (!this.fixedDir) writeConfig(this.userDataDir, { workspaceDir: dir });
  }

  /** First run: a new workspace, its first admin, and a recovery key (returned once, never stored in clear). */
  async create(
    dirInput: string | undefined,
    admin: { name: string; displayName: string; password: string },
    at: Date = this.now(),
  ): Promise<{ recoveryKey: string; adminId: number }> {
    if (this.current) throw new AppError('CONFLICT', '已有打开的档案库，不能再次初始化。');
    const dir = dirInput ?? this.dir();
    if (workspaceExists(dir)) throw new AppError('CONFLICT', `文件夹 ${dir} 中已有档案库。请直接登录，或选择另一个文件夹。`);
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new AppError('IO', `无法创建文件夹 ${dir}：${(err as Error).message}。请选择有写入权限的位置。`);
    }
    const keyring = createKeyring(dir);
    const dataKey = generateDataKey();
    const recoveryKey = generateRecoveryKey();
    keyring.setSlot(RECOVERY_SLOT, normaliseRecoveryKey(recoveryKey), dataKey);
    keyring.setSlot(slotFor({ keyring }, admin.name), admin.password, dataKey);
    const store = await createStore(dir, keyring.workspaceId, dataKey);
    migrate(store, at.toISOString());
    const auditKey = deriveAuditKey(dataKey);
    const adminId = store.write((tx) => {
      const id = insertUser(tx, { name: admin.name, displayName: admin.displayName, role: 'admin', createdAt: at.toISOString() });
      appendAudit(tx, auditKey, { userId: id, userName: admin.name }, at, {
        action: 'workspace.create',
        entity: 'workspace',
        entityId: keyring.workspaceId,
        after: { dir, admin: admin.name },
      });
      return id;
    });
    this.current = { dir, store, keyring, dataKey, auditKey, closeHooks: [] };
    this.remember(dir);
    return { recoveryKey, adminId };
  }

  /** Unwraps the data key with a user's password and opens the workspace if it is not open yet. */
  async unlockWithPassword(name: string, password: string): Promise<OpenWorkspace> {
    const keyring = this.current?.keyring ?? loadKeyring(this.dir());
    const dataKey = keyring.unwrap(slotFor({ keyring }, name), password);
    return this.openWith(keyring, dataKey);
  }

  /**
   * The CLI's default user is the first admin, whose slot was the first user slot created. The
   * password is tried against that slot only; the match is then confirmed against the catalogue.
   */
  async firstAdminName(password: string): Promise<string> {
    const keyring = this.current?.keyring ?? loadKeyring(this.dir());
    const first = keyring.slotIds().find((id) => id !== RECOVERY_SLOT);
    if (!first) throw new AppError('AUTH_FAILED', '档案库中没有可用的用户。');
    const ws = await this.openWith(keyring, keyring.unwrap(first, password));
    const admin = firstAdmin(ws.store);
    if (!admin || admin.disabled || slotFor(ws, admin.name) !== first) {
      throw new AppError('VALIDATION', '无法确定默认用户（第一位管理员的账户已停用）。请用 --user 指定用户名。');
    }
    return admin.name;
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<OpenWorkspace> {
    const keyring = this.current?.keyring ?? loadKeyring(this.dir());
    const dataKey = keyring.unwrap(RECOVERY_SLOT, normaliseRecoveryKey(recoveryKey));
    return this.openWith(keyring, dataKey);
  }

  private async openWith(keyring: Keyring, dataKey: Buffer): Promise<OpenWorkspace> {
    if (this.current) {
      if (!this.current.dataKey.equals(dataKey)) throw new AppError('INTEGRITY', '密钥与已打开的档案库不符。');
      return this.current;
    }
    const dir = this.dir();
    const store = await openStore(dir, dataKey);
    try {
      migrate(store, this.now().toISOString());
    } catch (err) {
      await store.close();
      throw err;
    }
    this.current = { dir, store, keyring, dataKey, auditKey: deriveAuditKey(dataKey), closeHooks: [] };
    return this.current;
  }

  async close(): Promise<void> {
    const ws = this.current;
    this.current = null;
    if (!ws) return;
    for (const hook of ws.closeHooks.splice(0).reverse()) {
      await hook().catch(() => undefined); // a failing service must not keep the workspace lock held
    }
    await ws.store.close();
  }

  /** Restores a backup into an empty folder and makes it this app's workspace. */
  async restore(from: string, dir: string): Promise<void> {
    if (this.current) throw new AppError('CONFLICT', '请先退出登录并关闭当前档案库，再从备份恢复。');
    await restoreBackupFile(from, dir);
    this.remember(dir);
  }
}
