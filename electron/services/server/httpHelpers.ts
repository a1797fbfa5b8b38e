/** Small HTTP pieces the browser-mode server needs: cookie parsing, bounded body reading, replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

export class BodyTooLargeError extends Error {}

/**
 * Reads the whole body, refusing more than maxBytes. On overflow the rest is drained and dropped
 * (up to a hard cap, then the socket is cut) so the client can read the 413 instead of a reset.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > maxBytes) {
      drain(req, maxBytes);
      reject(new BodyTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        req.off('data', onData);
        drain(req, maxBytes);
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!done) reject(err);
    });
  });
}

function drain(req: IncomingMessage, maxBytes: number): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 16 * maxBytes) req.destroy();
  });
  req.resume();
}

/** Headers every response carries: no caching, no sniffing, no referrer (the token must not leak). */
export function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const data = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { ...baseHeaders('application/json; charset=utf-8'), 'Content-Length': String(data.length), ...extra });
  res.end(data);
}

export function sendHtml(res: ServerResponse, status: number, title: string, message: string, extra: Record<string, string> = {}): void {
  const page =
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body style="font-family:sans-serif;margin:3em"><h1>${title}</h1><p>${message}</p></body></html>`;
  const data = Buffer.from(page, 'utf8');
  res.writeHead(status, { ...baseHeaders('text/html; charset=utf-8'), 'Content-Length': String(data.length), ...extra });
  res.end(data);
}
