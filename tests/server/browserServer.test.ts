import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreHost } from '../../electron/services/core/host';
import { MAX_BODY_BYTES, sessionCookieName, startBrowserServer, type BrowserServer } from '../../electron/services/server/browserServer';
import type { Result } from '../../shared/errors';
import { callApi, rawRequest, signIn } from './httpClient';

// A small limit keeps the test fast; the default must still fit a scanned page sent by page.upload.
const TEST_MAX_BODY = 1024 * 1024;

it('accepts a scanned page sent by page.upload by default (the contract allows 80 MB of base64)', () => {
  expect(MAX_BODY_BYTES).toBeGreaterThan(80_000_000);
});

/** A stand-in core that records who called what, so the transport can be tested on its own. */
class RecordingHost implements CoreHost {
  calls: { sessionId: string; method: string; payload: unknown }[] = [];
  async call(sessionId: string, method: string, payload: unknown): Promise<Result<unknown>> {
    this.calls.push({ sessionId, method, payload });
    return { ok: true, value: { sessionId, method, payload } };
  }
  async endSession(): Promise<void> {}
  async close(): Promise<void> {}
}

let root: string;
let staticDir: string;
let host: RecordingHost;
let server: BrowserServer;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-server-'));
  staticDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'fonts'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>档案工作站</title>');
  fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(staticDir, 'app.css'), 'body{}');
  fs.writeFileSync(path.join(staticDir, 'fonts', 'ui.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(root, 'secret.txt'), 'TOP-SECRET');
  host = new RecordingHost();
  server = await startBrowserServer({ host, staticDir, maxBodyBytes: TEST_MAX_BODY });
});

afterEach(async () => {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 with a token of at least 128 bits in the URL', () => {
    const u = new URL(server.url);
    expect(u.hostname).toBe('127.0.0.1');
    expect(Number(u.port)).toBe(server.port);
    const token = u.searchParams.get('token') ?? '';
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('refuses a request without the token or cookie (403, Chinese page)', async () => {
    const res = await rawRequest({ port: server.port, path: '/' });
    expect(res.status).toBe(403);
    expect(res.body).toContain('拒绝访问');
    expect(res.body).not.toContain('档案工作站</title>');
    const api = await callApi(server.port, '', { method: 'app.status', payload: {} });
    expect(api.status).toBe(403);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false });
    expect(host.calls).toHaveLength(0);
  });

  it('refuses a wrong token and a forged cookie', async () => {
    const wrong = await rawRequest({ port: server.port, path: '/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const forged = await rawRequest({ port: server.port, path: '/', headers: { Cookie: `${sessionCookieName(server.port)}=guess` } });
    expect(forged.status).toBe(403);
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie, then serves files and calls', async () => {
    const u = new URL(server.url);
    const first = await rawRequest({ port: server.port, path: `/${u.search}` });
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const setCookie = first.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie.startsWith(`${sessionCookieName(server.port)}=`)).toBe(true);
    const cookie = setCookie.split(';')[0] ?? '';

    const page = await rawRequest({ port: server.port, path: '/', headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('档案工作站');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);

    const js = await rawRequest({ port: server.port, path: '/app.js', headers: { Cookie: cookie } });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const font = await rawRequest({ port: server.port, path: '/fonts/ui.woff2', headers: { Cookie: cookie } });
    expect(font.headers['content-type']).toBe('font/woff2');
    const missing = await rawRequest({ port: server.port, path: '/nope.js', headers: { Cookie: cookie } });
    expect(missing.status).toBe(404);

    const res = await callApi(server.port, cookie, { method: 'person.search', payload: { query: '张' } });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as Result<{ sessionId: string; method: string; payload: unknown }>;
    expect(body.ok).toBe(true);
    expect(host.calls).toEqual([{ sessionId: expect.stringMatching(/^web-/), method: 'person.search', payload: { query: '张' } }]);
    expect(host.calls[0]?.sessionId).not.toContain(cookie.split('=')[1] ?? '');
  });

  it('keeps the session when a browser that has one opens the token link again', async () => {
    const cookie = await signIn(server.url);
    const u = new URL(server.url);
    const again = await rawRequest({ port: server.port, path: `/${u.search}`, headers: { Cookie: cookie } });
    expect(again.status).toBe(302);
    expect(again.headers['set-cookie']).toBeUndefined();
    await callApi(server.port, cookie, { method: 'app.status', payload: {} });
    expect(host.calls[0]?.sessionId).toBe('web-1');
  });

  it('gives each client its own session and keeps it across calls', async () => {
    const a = await signIn(server.url);
    const b = await signIn(server.url);
    expect(a).not.toBe(b);
    await callApi(server.port, a, { method: 'app.status', payload: {} });
    await callApi(server.port, b, { method: 'app.status', payload: {} });
    await callApi(server.port, a, { method: 'app.status' });
    const [c1, c2, c3] = host.calls;
    expect(c1?.sessionId).toBe(c3?.sessionId);
    expect(c1?.sessionId).not.toBe(c2?.sessionId);
    expect(c3?.payload).toEqual({});
  });

  it('refuses a wrong Host header (DNS rebinding)', async () => {
    const cookie = await signIn(server.url);
    for (const h of [`evil.example:${server.port}`, '127.0.0.1:1', 'localhost']) {
      const res = await rawRequest({ port: server.port, path: '/', headers: { Host: h, Cookie: cookie } });
      expect(res.status).toBe(403);
      expect(res.body).toContain('主机名不正确');
    }
    const u = new URL(server.url);
    const token = await rawRequest({ port: server.port, path: `/${u.search}`, headers: { Host: `rebind.example:${server.port}` } });
    expect(token.status).toBe(403);
    expect(token.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a POST whose Origin is not this server, or has none', async () => {
    const cookie = await signIn(server.url);
    const cross = await callApi(server.port, cookie, { method: 'app.status', payload: {} }, { Origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    const otherPort = await callApi(server.port, cookie, { method: 'app.status', payload: {} }, { Origin: 'http://127.0.0.1:1' });
    expect(otherPort.status).toBe(403);
    const none = await rawRequest({
      port: server.port,
      path: '/api/call',
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{"method":"app.status"}',
    });
    expect(none.status).toBe(403);
    expect(host.calls).toHaveLength(0);
  });

  it('refuses directory traversal in every spelling', async () => {
    const cookie = await signIn(server.url);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/fonts/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/fonts/%2E%2E/%2E%2E/secret.txt', '/%00']) {
      const res = await rawRequest({ port: server.port, path: p, headers: { Cookie: cookie } });
      expect(res.status, p).toBe(400);
      expect(res.body).not.toContain('TOP-SECRET');
    }
  });

  it('answers 413 to a body over the limit, declared or streamed, without calling the core', async () => {
    const cookie = await signIn(server.url);
    const big = JSON.stringify({ method: 'app.status', payload: { x: 'a'.repeat(TEST_MAX_BODY) } });
    const declared = await callApi(server.port, cookie, JSON.parse(big) as unknown);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const chunked = await rawRequest({
      port: server.port,
      path: '/api/call',
      method: 'POST',
      headers: { Cookie: cookie, Origin: `http://127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(413);
    expect(host.calls).toHaveLength(0);
  });

  it('answers bad JSON and a non-JSON content type with a Chinese Result error', async () => {
    const cookie = await signIn(server.url);
    const headers = { Cookie: cookie, Origin: `http://127.0.0.1:${server.port}` };
    const bad = await rawRequest({ port: server.port, path: '/api/call', method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{nope' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('JSON') } });
    const form = await rawRequest({ port: server.port, path: '/api/call', method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    expect(host.calls).toHaveLength(0);
  });

  it('reports a busy fixed port in Chinese', async () => {
    await expect(startBrowserServer({ host, staticDir, port: server.port })).rejects.toThrow(/端口 \d+ 已被其他程序占用/);
  });
});
