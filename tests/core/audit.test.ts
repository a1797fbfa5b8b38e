import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/services/domain/audit';
import { makeId, ok, seededCore } from '../helpers/core';

describe('audit log (操作日志)', () => {
  it('records every change and sign-in with who, when, what', async () => {
    const { core, community } = await seededCore();
    await ok(core, 'admin', 'person.add', { name: '张三', idNumber: makeId(), communityId: community.id });
    const page = await ok(core, 'admin', 'audit.list', {});
    expect(page.rows.map((r) => r.action).reverse()).toEqual(['workspace.create', 'session.login', 'town.add', 'community.add', 'person.add']);
    expect(page.rows.every((r) => r.userName === 'admin')).toBe(true);
    expect((await ok(core, 'admin', 'audit.list', { userName: 'nobody' })).total).toBe(0);
    await core.close();
  });

  it('detects an altered, a removed and a truncated entry', async () => {
    const { core, community } = await seededCore();
    for (let i = 0; i < 3; i++) await ok(core, 'admin', 'person.add', { name: `人员${i}`, idNumber: makeId('19500101', `1${i}1`), communityId: community.id });
    const ws = core.workspace.require();
    expect(verifyAuditChain(ws.store, ws.auditKey).problems).toEqual([]);

    ws.store.write((tx) => tx.run("UPDATE audit_log SET user_name = 'mallory' WHERE id = 3"));
    const altered = verifyAuditChain(ws.store, ws.auditKey);
    expect(altered.problems.map((p) => p.message).join()).toContain('第 3 条内容被修改');

    ws.store.write((tx) => tx.run("UPDATE audit_log SET user_name = 'admin' WHERE id = 3"));
    expect(verifyAuditChain(ws.store, ws.auditKey).problems).toEqual([]);
    ws.store.write((tx) => tx.run('DELETE FROM audit_log WHERE id = 4'));
    expect(verifyAuditChain(ws.store, ws.auditKey).problems.map((p) => p.message).join()).toContain('缺失');

    const report = await ok(core, 'admin', 'workspace.verify', {});
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.kind === 'audit')).toBe(true);
    await core.close();
  });

  it('detects removal of the newest entries through the chain head', async () => {
    const { core } = await seededCore();
    const ws = core.workspace.require();
    const last = ws.store.get<{ id: number }>('SELECT max(id) AS id FROM audit_log');
    ws.store.write((tx) => tx.run('DELETE FROM audit_log WHERE id = ?', [last?.id ?? 0]));
    expect(verifyAuditChain(ws.store, ws.auditKey).problems.map((p) => p.message).join()).toContain('末尾缺失');
    await core.close();
  });
});

describe('backup verification', () => {
  it('walks the audit chain inside the backup, not only its files', async () => {
    const { core, userDataDir } = await seededCore();
    const file = `${userDataDir}/backup.adbak`;
    await ok(core, 'admin', 'backup.create', { to: file });
    const report = await ok(core, 'admin', 'backup.verify', { file });
    expect(report.ok).toBe(true);
    // workspace.create, session.login, town.add, community.add are in the backup's chain.
    expect(report.checked.auditEntries).toBeGreaterThanOrEqual(4);
    await core.close();
  });
});
