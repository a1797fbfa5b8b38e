/**
 * Browser mode: serves the renderer and the call endpoint on 127.0.0.1 for a machine where the
 * Electron binary is unavailable. Only the person holding this run's token can get in: the token
 * URL trades the token for an HttpOnly, SameSite=Strict cookie naming a per-client session; every
 * other request needs that cookie. Host and Origin are checked so a web page elsewhere cannot reach
 * the server through DNS rebinding or cross-site POSTs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, toErrorPayload, type Result } from '../../../shared/errors';
import { HTTP_CALL_PATH } from '../../../shared/contract';
import type { CoreHost } from '../core/host';
import { BodyTooLargeError, baseHeaders, parseCookies, readBody, sendHtml, sendJson } from './httpHelpers';
import { contentTypeFor, resolveStaticPath } from './staticFiles';

export interface BrowserServerOptions {
  host: CoreHost;
  /** Folder holding the built renderer (index.html, app.js, app.css, fonts/). */
  staticDir: string;
  /** Fixed port; omitted or 0 means a random free port. */
  port?: number;
  /** Largest request body accepted; defaults to MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}

export interface BrowserServer {
  /** The only way in: http://127.0.0.1:PORT/?token=… */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Cookies are not scoped by port; naming ours per port keeps two running instances apart. */
export function sessionCookieName(port: number): string {
  return `archivedesk_session_${port}`;
}
// page.upload carries a scanned page as base64 (the contract allows up to 80 MB of base64); every
// other call is tiny. Only a holder of this run's token gets this far.
export const MAX_BODY_BYTES = 96 * 1024 * 1024;

const FORBIDDEN_TITLE = '拒绝访问';
const FORBIDDEN_TEXT = '请使用档案工作站启动时在终端中显示的完整链接（含 token）打开本页；如已重新启动程序，请改用新显示的链接。';

function randomSecret(): string {
  return crypto.randomBytes(32).toString('base64url'); // 256 bits
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function errorResult(code: 'VALIDATION' | 'FORBIDDEN', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = randomSecret();
  /** cookie value → session id handed to the core (the cookie itself never leaves this module). */
  const sessions = new Map<string, string>();
  let sessionCounter = 0;
  let cookieName = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      sendHtml(res, 403, FORBIDDEN_TITLE, '请求的主机名不正确：本服务只接受 127.0.0.1 上的访问。');
      return;
    }
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1));
    const method = req.method ?? 'GET';
    const isApi = pathname.startsWith('/api/');

    const offeredToken = query.get('token');
    if (offeredToken !== null && (method === 'GET' || method === 'HEAD')) {
      if (!sameSecret(offeredToken, token)) {
        sendHtml(res, 403, FORBIDDEN_TITLE, FORBIDDEN_TEXT);
        return;
      }
      // Reopening the link in a browser that already has a session keeps it (and its sign-in).
      const headers: Record<string, string> = { ...baseHeaders('text/plain; charset=utf-8'), Location: '/' };
      const existing = parseCookies(req.headers.cookie).get(cookieName);
      if (existing === undefined || !sessions.has(existing)) {
        const cookie = randomSecret();
        sessions.set(cookie, `web-${++sessionCounter}`);
        headers['Set-Cookie'] = `${cookieName}=${cookie}; HttpOnly; SameSite=Strict; Path=/`;
      }
      res.writeHead(302, headers);
      res.end();
      return;
    }

    const cookie = parseCookies(req.headers.cookie).get(cookieName);
    const sessionId = cookie === undefined ? undefined : sessions.get(cookie);
    if (sessionId === undefined) {
      if (isApi) sendJson(res, 403, errorResult('FORBIDDEN', `连接已失效。${FORBIDDEN_TEXT}`));
      else sendHtml(res, 403, FORBIDDEN_TITLE, FORBIDDEN_TEXT);
      return;
    }

    if (pathname === HTTP_CALL_PATH) {
      if (method !== 'POST') {
        sendJson(res, 405, errorResult('VALIDATION', '此地址只接受 POST 请求。'), { Allow: 'POST' });
        return;
      }
      await handleCall(req, res, sessionId);
      return;
    }
    if (isApi) {
      sendJson(res, 404, errorResult('VALIDATION', `没有这个接口：${pathname}`));
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendHtml(res, 405, '不支持的请求', '此地址只接受 GET 请求。', { Allow: 'GET, HEAD' });
      return;
    }
    await serveStatic(res, pathname, method === 'HEAD');
  }

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, sessionId: string): Promise<void> {
    // Browsers always send Origin on POST; a missing or foreign one is a cross-site request.
    if (!allowedOrigins.has(req.headers.origin ?? '')) {
      sendJson(res, 403, errorResult('FORBIDDEN', '拒绝来自其他网页的请求：请只在档案工作站自己的页面中操作。'));
      return;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      sendJson(res, 415, errorResult('VALIDATION', '请求格式错误：须为 JSON（Content-Type: application/json）。'));
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, opts.maxBodyBytes ?? MAX_BODY_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, errorResult('VALIDATION', '提交的数据超过 1 MB 上限，请分批提交；文件请改用导入功能。'), { Connection: 'close' });
        return;
      }
      throw err;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, errorResult('VALIDATION', '请求内容不是有效的 JSON，请刷新页面后重试。'));
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { method?: unknown }).method !== 'string') {
      sendJson(res, 400, errorResult('VALIDATION', '请求缺少 method 字段，请刷新页面后重试。'));
      return;
    }
    const { method, payload } = parsed as { method: string; payload?: unknown };
    let result: Result<unknown>;
    try {
      result = await opts.host.call(sessionId, method, payload ?? {});
    } catch (err) {
      result = { ok: false, error: toErrorPayload(err) };
    }
    sendJson(res, 200, result);
  }

  async function serveStatic(res: http.ServerResponse, pathname: string, headOnly: boolean): Promise<void> {
    const file = resolveStaticPath(opts.staticDir, pathname);
    if (file === null) {
      sendHtml(res, 400, '请求路径无效', '请求的路径不允许访问。');
      return;
    }
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat?.isFile()) {
      sendHtml(res, 404, '找不到页面', '请求的文件不存在。如刚更新过程序，请先运行 npm run build。');
      return;
    }
    res.writeHead(200, { ...baseHeaders(contentTypeFor(file)), 'Content-Length': String(stat.size) });
    if (headOnly) {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, 500, { ok: false, error: toErrorPayload(err) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(new AppError('IO', `端口 ${opts.port ?? 0} 已被其他程序占用，请换一个端口（--port）或不指定端口以自动选择。`));
      } else {
        reject(new AppError('IO', `无法在 127.0.0.1 上启动浏览器模式服务：${err.message}`));
      }
    };
    server.once('error', onError);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  cookieName = sessionCookieName(port);
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
