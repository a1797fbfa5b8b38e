// The renderer's client over HTTP (fetch stubbed: the browser's transport, not our code) and the
// Electron bridge: results, Chinese errors, and the NOT_SIGNED_IN signal.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_PATH, call, errorMessage, onNotSignedIn, parseResult } from '../../renderer/api/client';
import { HTTP_CALL_PATH } from '../../shared/contract';
import { AppError } from '../../shared/errors';

function stubFetch(impl: (url: string, init: RequestInit) => Promise<Response>) {
  const fn = vi.fn(impl);
  vi.stubGlobal('fetch', fn);
  return fn;
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('call over HTTP', () => {
  it('uses the contract path', () => {
    expect(CALL_PATH).toBe(HTTP_CALL_PATH);
  });

  it('POSTs {method, payload} as same-origin JSON and returns the value', async () => {
    const fetchFn = stubFetch(async () => json({ ok: true, value: { state: 'closed', workspaceDir: '/w', session: null, mode: 'browser', version: '1' } }));
    const status = await call('app.status', {});
    expect(status.state).toBe('closed');
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('/api/call');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({ method: 'app.status', payload: {} });
  });

  it('throws an AppError carrying the server code, Chinese message and details', async () => {
    stubFetch(async () =>
      json({ ok: false, error: { code: 'CONFLICT', message: '身份证号 X 已登记，不能重复登记。', details: { field: 'idNumber', existingPersonId: 7 } } }),
    );
    const err = await call('person.add', { name: '张三', idNumber: 'x', communityId: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFLICT');
    expect((err as AppError).message).toBe('身份证号 X 已登记，不能重复登记。');
    expect((err as AppError).details).toEqual({ field: 'idNumber', existingPersonId: 7 });
  });

  it('reads the JSON error body of a 403 reply', async () => {
    stubFetch(async () => json({ ok: false, error: { code: 'FORBIDDEN', message: '连接已失效。' } }, 403));
    await expect(call('app.status', {})).rejects.toMatchObject({ code: 'FORBIDDEN', message: '连接已失效。' });
  });

  it('turns a network failure into a Chinese IO error', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(call('app.status', {})).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('无法连接') });
  });

  it('turns a non-JSON reply into a Chinese error naming the HTTP status', async () => {
    stubFetch(async () => new Response('<html>Bad Gateway</html>', { status: 502 }));
    await expect(call('app.status', {})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('HTTP 502') });
  });

  it('tells NOT_SIGNED_IN listeners, and only for that code', async () => {
    const seen: string[] = [];
    const off = onNotSignedIn((e) => seen.push(e.code));
    try {
      stubFetch(async () => json({ ok: false, error: { code: 'NOT_SIGNED_IN', message: '已锁定，请先解锁。' } }));
      await expect(call('person.search', {})).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
      stubFetch(async () => json({ ok: false, error: { code: 'FORBIDDEN', message: '无权限。' } }));
      await expect(call('user.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      off();
    }
    expect(seen).toEqual(['NOT_SIGNED_IN']);
  });
});

describe('call through the Electron bridge', () => {
  it('prefers window.archiveDesk.call and does not touch fetch', async () => {
    const fetchFn = stubFetch(async () => json({ ok: true, value: 'wrong transport' }));
    const bridgeCall = vi.fn(async () => ({ ok: true as const, value: [] }));
    vi.stubGlobal('window', { archiveDesk: { platform: 'electron', call: bridgeCall } });
    await expect(call('user.list', {})).resolves.toEqual([]);
    expect(bridgeCall).toHaveBeenCalledWith('user.list', {});
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('maps a bridge error result and a thrown IPC failure', async () => {
    vi.stubGlobal('window', {
      archiveDesk: { platform: 'electron', call: async () => ({ ok: false, error: { code: 'AUTH_FAILED', message: '密码错误。' } }) },
    });
    await expect(call('session.unlock', { password: 'x' })).rejects.toMatchObject({ code: 'AUTH_FAILED', message: '密码错误。' });
    vi.stubGlobal('window', {
      archiveDesk: {
        platform: 'electron',
        call: async () => {
          throw new Error('channel closed');
        },
      },
    });
    await expect(call('app.status', {})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('channel closed') });
  });
});

describe('parseResult and errorMessage', () => {
  it('rejects shapes that are not a Result', () => {
    expect(parseResult({ ok: true, value: 3 })).toEqual({ ok: true, value: 3 });
    expect(parseResult({ ok: true })).toEqual({ ok: true, value: null });
    expect(parseResult({ ok: false, error: { code: 'X' } })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(parseResult('hello')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(parseResult(null)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('shows AppError messages as they are and prefixes anything else in Chinese', () => {
    expect(errorMessage(new AppError('VALIDATION', '请填写姓名。'))).toBe('请填写姓名。');
    expect(errorMessage(new Error('boom'))).toBe('程序出错：boom');
    expect(errorMessage('odd')).toBe('程序出错：odd');
  });
});
