/**
 * Serves the built renderer from app://archivedesk/ instead of file://, so the page has a real
 * origin we can check IPC senders against, and every response carries our CSP.
 */
import fs from 'node:fs';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../services/server/contentSecurityPolicy';
import { contentTypeFor, resolveStaticPath } from '../services/server/staticFiles';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://archivedesk';
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function isAppUrl(url: string | undefined): boolean {
  return typeof url === 'string' && (url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`));
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.origin !== APP_ORIGIN) return textResponse(404, '找不到页面。');
    const file = resolveStaticPath(rendererDir, url.pathname);
    if (file === null) return textResponse(400, '请求的路径不允许访问。');
    try {
      const data = await fs.promises.readFile(file);
      return new Response(new Uint8Array(data), {
        headers: {
          'Content-Type': contentTypeFor(file),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return textResponse(404, '找不到界面文件，请重新安装或运行 npm run build。');
    }
  });
}
