// The app store's routing, driven through the real client with fetch stubbed as a tiny server.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../renderer/api/client';
import { useApp } from '../../renderer/state/appStore';
import { usePersons } from '../../renderer/state/personsStore';
import type { AppStatus, SessionInfo } from '../../shared/types';

const session: SessionInfo = { userId: 1, name: 'admin', displayName: '王建国', role: 'admin', locked: false, idleLockMinutes: 10 };
let status: AppStatus;
let calls: string[];

beforeEach(() => {
  status = { state: 'open', workspaceDir: '/w', session, mode: 'browser', version: '1' };
  calls = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const { method } = JSON.parse(String(init.body)) as { method: string };
    calls.push(method);
    const reply = (body: unknown) => new Response(JSON.stringify(body));
    if (method === 'app.status') return reply({ ok: true, value: status });
    if (method === 'session.lock' || method === 'session.logout') return reply({ ok: true, value: null });
    return reply({ ok: false, error: { code: 'NOT_SIGNED_IN', message: '已锁定，请先解锁。' } });
  });
  useApp.setState({ screen: 'loading', status: null, session: null, recoveryKey: null, startupError: null, loginNotice: null });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('app store', () => {
  it('routes each workspace state to its screen', async () => {
    status = { ...status, state: 'no-workspace', session: null };
    await useApp.getState().loadStatus();
    expect(useApp.getState().screen).toBe('setup');
    status = { ...status, state: 'closed', session: null };
    await useApp.getState().loadStatus();
    expect(useApp.getState().screen).toBe('login');
    status = { ...status, state: 'open', session };
    await useApp.getState().loadStatus();
    expect(useApp.getState().screen).toBe('shell');
    expect(useApp.getState().session?.displayName).toBe('王建国');
  });

  it('shows a startup error in Chinese when the status cannot be read', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await useApp.getState().loadStatus();
    expect(useApp.getState().screen).toBe('startup-error');
    expect(useApp.getState().startupError).toContain('无法连接');
  });

  it('keeps the recovery key screen until the user confirms', async () => {
    useApp.getState().workspaceCreated('ABCD-EFGH', session);
    expect(useApp.getState().screen).toBe('recovery-key');
    await useApp.getState().loadStatus();
    expect(useApp.getState().screen).toBe('recovery-key');
    useApp.getState().recoveryKeyKept();
    expect(useApp.getState().screen).toBe('shell');
    expect(useApp.getState().recoveryKey).toBeNull();
  });

  it('locks at once and tells the server', async () => {
    await useApp.getState().loadStatus();
    const pending = useApp.getState().lock();
    expect(useApp.getState().session?.locked).toBe(true);
    await pending;
    expect(calls).toContain('session.lock');
    expect(useApp.getState().screen).toBe('shell'); // the shell stays mounted under the lock screen
  });

  it('a NOT_SIGNED_IN answer re-reads the status: server-side lock shows the lock screen', async () => {
    await useApp.getState().loadStatus();
    status = { ...status, session: { ...session, locked: true } };
    await expect(call('person.search', {})).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await settle();
    expect(useApp.getState().screen).toBe('shell');
    expect(useApp.getState().session?.locked).toBe(true);
  });

  it('a NOT_SIGNED_IN answer after the session ended goes to login with a notice', async () => {
    await useApp.getState().loadStatus();
    status = { ...status, state: 'closed', session: null };
    await expect(call('person.search', {})).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await settle();
    expect(useApp.getState().screen).toBe('login');
    expect(useApp.getState().loginNotice).toContain('重新登录');
  });

  it('logout signs out and returns to login', async () => {
    await useApp.getState().loadStatus();
    status = { ...status, session: null };
    await useApp.getState().logout();
    expect(calls).toContain('session.logout');
    expect(useApp.getState().screen).toBe('login');
    expect(useApp.getState().session).toBeNull();
  });

  it('drops the previous user\'s lists when someone else signs in, keeps them for the same user', async () => {
    await useApp.getState().loadStatus();
    usePersons.setState({ query: '张', rows: [{ id: 1 } as never], total: 1 });
    useApp.getState().signedIn({ ...session, locked: false }); // unlock: same user
    expect(usePersons.getState().rows).toHaveLength(1);
    useApp.getState().signedIn({ ...session, userId: 2, name: 'liuli', displayName: '刘丽', role: 'intake' });
    expect(usePersons.getState()).toMatchObject({ query: '', rows: [], total: 0 });
  });
});
