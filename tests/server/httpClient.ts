/** Raw HTTP for the server tests: fetch would normalise paths and forbid a custom Host header. */
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function rawRequest(r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: r.port,
        path: r.path,
        method: r.method ?? 'GET',
        headers: { Host: `127.0.0.1:${r.port}`, ...r.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

/** Trades the token URL for the session cookie, as a browser does on first visit. */
export async function signIn(url: string): Promise<string> {
  const u = new URL(url);
  const res = await rawRequest({ port: Number(u.port), path: `${u.pathname}${u.search}` });
  if (res.status !== 302) throw new Error(`token URL answered ${res.status}`);
  const setCookie = res.headers['set-cookie']?.[0];
  if (!setCookie) throw new Error('no cookie');
  return setCookie.split(';')[0] ?? '';
}

export function callApi(port: number, cookie: string, body: unknown, extraHeaders: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({
    port,
    path: '/api/call',
    method: 'POST',
    headers: { Cookie: cookie, Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json', ...extraHeaders },
    body: JSON.stringify(body),
  });
}
