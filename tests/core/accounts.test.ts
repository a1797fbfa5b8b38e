import { describe, expect, it } from 'vitest';
import { generateRecoveryKey } from '../../electron/services/store';
import { ADMIN_PASSWORD, fails, makeId, newCore, ok, seededCore, testClock } from '../helpers/core';

describe('first run, sign-in and roles', () => {
  it('goes from no workspace to open, and a restarted core asks for a login', async () => {
    const { core, userDataDir } = await seededCore();
    expect((await ok(core, 'admin', 'app.status', {})).state).toBe('open');
    await core.close();

    const again = newCore({ userDataDir });
    const status = await ok(again, 'ui', 'app.status', {});
    expect(status.state).toBe('closed');
    expect(status.session).toBeNull();
    expect((await fails(again, 'ui', 'person.search', {})).code).toBe('NOT_SIGNED_IN');
    expect((await fails(again, 'ui', 'session.login', { name: 'admin', password: 'wrong-password' })).code).toBe('AUTH_FAILED');
    const info = await ok(again, 'ui', 'session.login', { name: 'admin', password: ADMIN_PASSWORD });
    expect(info).toMatchObject({ name: 'admin', role: 'admin', locked: false, idleLockMinutes: 10 });
    await again.close();
  });

  it('refuses a second first-run on a folder that already holds a workspace', async () => {
    const { core, workspaceDir } = await seededCore();
    await core.close();
    const other = newCore({ workspaceDir });
    const err = await fails(other, 's', 'workspace.create', { adminName: 'x', adminDisplayName: 'x', password: 'password-123' });
    expect(err.code).toBe('CONFLICT');
  });

  it('enforces roles in the services, not only in the UI, and logs the refusal', async () => {
    const { core } = await seededCore();
    await ok(core, 'admin', 'user.add', { name: 'clerk1', displayName: '李档案', role: 'clerk', password: 'clerk-password' });
    await ok(core, 'c', 'session.login', { name: 'clerk1', password: 'clerk-password' });
    expect((await ok(core, 'c', 'person.search', {})).total).toBe(0);
    const denied = await fails(core, 'c', 'person.add', { name: '张三', idNumber: makeId(), communityId: 1 });
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.message).toContain('档案员');
    expect((await fails(core, 'c', 'user.list', {})).code).toBe('FORBIDDEN');
    const log = await ok(core, 'admin', 'audit.list', { action: 'access.denied' });
    expect(log.rows.map((r) => r.entityId).sort()).toEqual(['person.add', 'user.list']);
    await core.close();
  });

  it('changing a role takes effect on the next call', async () => {
    const { core } = await seededCore();
    const u = await ok(core, 'admin', 'user.add', { name: 'amy', displayName: '艾米', role: 'clerk', password: 'amy-password' });
    await ok(core, 'amy', 'session.login', { name: 'amy', password: 'amy-password' });
    expect((await fails(core, 'amy', 'town.add', { code: '09', name: '新街道' })).code).toBe('FORBIDDEN');
    await ok(core, 'admin', 'user.update', { id: u.id, role: 'supervisor' });
    expect((await ok(core, 'amy', 'town.add', { code: '09', name: '新街道' })).name).toBe('新街道');
    await core.close();
  });

  it('disabling removes the password slot; reset password re-enables', async () => {
    const { core } = await seededCore();
    const u = await ok(core, 'admin', 'user.add', { name: 'bob', displayName: '鲍勃', role: 'intake', password: 'bob-password' });
    await ok(core, 'bob', 'session.login', { name: 'bob', password: 'bob-password' });
    await ok(core, 'admin', 'user.update', { id: u.id, disabled: true });
    expect((await fails(core, 'bob', 'person.search', {})).code).toBe('NOT_SIGNED_IN');
    expect((await fails(core, 'bob2', 'session.login', { name: 'bob', password: 'bob-password' })).code).toBe('AUTH_FAILED');
    expect((await fails(core, 'admin', 'user.update', { id: u.id, disabled: false })).code).toBe('VALIDATION');
    await ok(core, 'admin', 'user.resetPassword', { id: u.id, newPassword: 'bob-new-password' });
    const info = await ok(core, 'bob3', 'session.login', { name: 'bob', password: 'bob-new-password' });
    expect(info.role).toBe('intake');
    await core.close();
  });

  it('will not disable or demote the last admin', async () => {
    const { core } = await seededCore();
    const users = await ok(core, 'admin', 'user.list', {});
    const admin = users[0];
    if (!admin) throw new Error('no admin');
    expect((await fails(core, 'admin', 'user.update', { id: admin.id, role: 'clerk' })).code).toBe('CONFLICT');
    await core.close();
  });

  it('changing a password re-wraps one slot: the old password stops working, the data stays', async () => {
    const { core, userDataDir, community } = await seededCore();
    await ok(core, 'admin', 'person.add', { name: '张三', idNumber: makeId(), communityId: community.id });
    expect((await fails(core, 'admin', 'session.changePassword', { oldPassword: 'nope', newPassword: 'new-admin-pass' })).code).toBe('AUTH_FAILED');
    await ok(core, 'admin', 'session.changePassword', { oldPassword: ADMIN_PASSWORD, newPassword: 'new-admin-pass' });
    await core.close();
    const again = newCore({ userDataDir });
    expect((await fails(again, 's', 'session.login', { name: 'admin', password: ADMIN_PASSWORD })).code).toBe('AUTH_FAILED');
    await ok(again, 's', 'session.login', { name: 'admin', password: 'new-admin-pass' });
    expect((await ok(again, 's', 'person.search', {})).total).toBe(1);
    await again.close();
  });

  it('the recovery key resets a forgotten password, and nothing is lost', async () => {
    const { core, userDataDir, recoveryKey, community } = await seededCore();
    await ok(core, 'admin', 'person.add', { name: '张三', idNumber: makeId(), communityId: community.id });
    await core.close();
    const again = newCore({ userDataDir });
    expect((await fails(again, 's', 'session.recover', { recoveryKey: generateRecoveryKey(), name: 'admin', newPassword: 'recovered-pass' })).code).toBe('AUTH_FAILED');
    const malformed = await fails(again, 's', 'session.recover', { recoveryKey: 'AAAAA-BBBBB', name: 'admin', newPassword: 'recovered-pass' });
    expect(malformed.message).toContain('恢复密钥');
    // Users copy keys by hand: lower case and spaces must still work.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    await ok(again, 's', 'session.recover', { recoveryKey: typed, name: 'admin', newPassword: 'recovered-pass' });
    expect((await ok(again, 's', 'person.search', {})).total).toBe(1);
    await again.close();
    const third = newCore({ userDataDir });
    await ok(third, 's', 'session.login', { name: 'admin', password: 'recovered-pass' });
    await third.close();
  });

  it('locks on demand and after the idle limit, and unlocks with the password', async () => {
    const clock = testClock();
    const { core } = await seededCore({ clock });
    await ok(core, 'admin', 'session.lock', {});
    expect((await ok(core, 'admin', 'app.status', {})).session?.locked).toBe(true);
    expect((await fails(core, 'admin', 'person.search', {})).code).toBe('NOT_SIGNED_IN');
    expect((await fails(core, 'admin', 'session.unlock', { password: 'wrong' })).code).toBe('AUTH_FAILED');
    await ok(core, 'admin', 'session.unlock', { password: ADMIN_PASSWORD });
    await ok(core, 'admin', 'settings.update', { idleLockMinutes: 5 });
    clock.advance(4 * 60_000);
    await ok(core, 'admin', 'person.search', {});
    clock.advance(5 * 60_000 + 1);
    const idle = await fails(core, 'admin', 'person.search', {});
    expect(idle.code).toBe('NOT_SIGNED_IN');
    expect(idle.message).toContain('长时间未操作');
    await ok(core, 'admin', 'session.unlock', { password: ADMIN_PASSWORD });
    await core.close();
  });

  it('validates payloads before any handler runs, with Chinese messages', async () => {
    const { core } = await seededCore();
    const bad = await fails(core, 'admin', 'person.add', { name: '', idNumber: 'x', communityId: -1 } as never);
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toMatch(/输入有误/);
    expect((await fails(core, 'admin', 'no.such.method' as never, {} as never)).code).toBe('VALIDATION');
    await core.close();
  });
});
