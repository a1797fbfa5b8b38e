/** Users, audit log, settings, integrity and backup — the admin's and supervisor's tools. */
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../../../shared/errors';
import type { VerifyReport } from '../../../../shared/types';
import * as uq from '../../db/queries/users';
import { searchAudit } from '../../db/queries/audit';
import { deriveAuditKey, verifyAuditChain } from '../../domain/audit';
import { idleLockMinutes, setIdleLockMinutes } from '../../domain/settings';
import { addUser, resetPassword, updateUser } from '../../domain/users';
import { writeAudited } from '../../domain/write';
import { openStore, restoreBackupFile, verifyBackupFile } from '../../store';
import type { HandlerMap } from './types';
import type { OpenWorkspace } from '../workspace';

/** A local calendar day → the UTC instant of its midnight (the audit filter is in local days). */
function localDayStart(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** Files on disk + the audit chain inside the database. */
export async function verifyWorkspace(ws: OpenWorkspace): Promise<VerifyReport> {
  const files = await ws.store.verifyFiles();
  const chain = verifyAuditChain(ws.store, ws.auditKey);
  const problems = [...files.problems, ...chain.problems];
  return { ok: problems.length === 0, checked: { ...files.checked, auditEntries: chain.entries }, problems };
}

/**
 * The audit chain inside a backup can only be read from its database: restore the (still encrypted)
 * files into a private temp folder, open them, walk the chain, and remove the copy.
 */
async function verifyBackupAuditChain(file: string, dataKey: Buffer, files: VerifyReport): Promise<Pick<VerifyReport, 'ok' | 'checked' | 'problems'>> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-verify-'));
  try {
    const dir = path.join(tmp, 'workspace');
    restoreBackupFile(file, dir);
    const store = await openStore(dir, dataKey, { autoSnapshot: false });
    try {
      const chain = verifyAuditChain(store, deriveAuditKey(dataKey));
      const problems = [...files.problems, ...chain.problems.map((p) => ({ ...p, kind: 'backup' as const, file: path.basename(file) }))];
      return { ok: problems.length === 0, checked: { ...files.checked, auditEntries: chain.entries }, problems };
    } finally {
      await store.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function backupTarget(to: string, now: Date): string {
  const isDir = fs.existsSync(to) && fs.statSync(to).isDirectory();
  if (!isDir) return to;
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return path.join(to, `档案工作站备份-${stamp}.adbak`);
}

export const adminHandlers: HandlerMap<
  | 'user.list'
  | 'user.add'
  | 'user.update'
  | 'user.resetPassword'
  | 'audit.list'
  | 'settings.get'
  | 'settings.update'
  | 'workspace.verify'
  | 'backup.create'
  | 'backup.verify'
> = {
  'user.list': (_i, ctx) => uq.listUsers(ctx.domain().store),
  'user.add': (i, ctx) => addUser(ctx.domain(), ctx.keys(), i),
  'user.update': (i, ctx) => {
    const user = updateUser(ctx.domain(), ctx.keys(), i);
    // Disabling signs the user out everywhere at once.
    if (user.disabled) for (const s of ctx.sessions.forUser(user.id)) s.locked = true;
    return user;
  },
  'user.resetPassword': (i, ctx) => {
    resetPassword(ctx.domain(), ctx.keys(), i.id, i.newPassword);
    return null;
  },
  'audit.list': (i, ctx) =>
    searchAudit(ctx.domain().store, {
      userName: i.userName,
      action: i.action,
      fromAt: i.from ? localDayStart(i.from) : undefined,
      toAt: i.to ? localDayStart(i.to, 1) : undefined,
      offset: i.offset,
      limit: i.limit,
    }),
  'settings.get': (_i, ctx) => ({ idleLockMinutes: idleLockMinutes(ctx.domain().store), workspaceDir: ctx.workspace.dir() }),
  'settings.update': (i, ctx) => {
    setIdleLockMinutes(ctx.domain(), i.idleLockMinutes);
    return { idleLockMinutes: i.idleLockMinutes, workspaceDir: ctx.workspace.dir() };
  },
  'workspace.verify': (_i, ctx) => verifyWorkspace(ctx.workspace.require()),
  'backup.create': async (i, ctx) => {
    const ws = ctx.workspace.require();
    const file = backupTarget(i.to, ctx.now);
    const bytes = await ws.store.backupTo(file);
    writeAudited(ctx.domain(), () => ({ value: null, audit: { action: 'backup.create', entity: 'workspace', entityId: ws.keyring.workspaceId, after: { file, bytes } } }));
    return { file, bytes };
  },
  'backup.verify': async (i, ctx) => {
    const ws = ctx.workspace.require();
    if (!fs.existsSync(i.file)) throw new AppError('NOT_FOUND', `找不到备份文件 ${i.file}。`);
    const files = verifyBackupFile(i.file, ws.dataKey);
    if (!files.ok) return files;
    return { ...files, ...(await verifyBackupAuditChain(i.file, ws.dataKey, files)) };
  },
};
