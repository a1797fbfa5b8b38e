/**
 * Direct batch scanning through SANE's `scanimage` (Linux): feeder, duplex, resolution, colour.
 * Pages are written by scanimage into a private temp folder, read as they complete (a page is
 * complete once the next one starts or scanimage ends), and deleted at once — the only moment a
 * page exists unencrypted outside an export.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IngestFailure } from '../ports';
import { naturalCompare } from './naturalSort';
import { POLL_MS, sleep } from './watchFolder';

export interface ScanOptions {
  device?: string | undefined;
  duplex: boolean;
  resolution: number;
  colour: boolean;
}

export interface ScannerStatus {
  available: boolean;
  devices: { name: string; label: string }[];
  message: string;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export async function scannerStatus(): Promise<ScannerStatus> {
  if (process.platform !== 'linux') {
    return { available: false, devices: [], message: '本机暂不支持直接扫描。请用扫描仪自带软件保存到文件夹，再使用“监视文件夹”。' };
  }
  const r = await run('scanimage', ['-L'], 15_000);
  if (r.code === -1 && r.stdout === '') {
    return { available: false, devices: [], message: '未找到 scanimage（SANE）。可安装 sane-utils，或用扫描仪自带软件配合“监视文件夹”。' };
  }
  const devices = [...r.stdout.matchAll(/device [`'‘]([^'’]+)['’] is a (.+)/g)].map((m) => ({ name: m[1] ?? '', label: (m[2] ?? '').trim() }));
  if (devices.length === 0) return { available: false, devices, message: '没有找到已连接的扫描仪。请检查电源和数据线后重试。' };
  return { available: true, devices, message: `找到 ${devices.length} 台扫描仪。` };
}

export function scanArgs(dir: string, o: ScanOptions): string[] {
  const args = [`--batch=${path.join(dir, 'page-%04d.tif')}`, '--format=tiff', '--resolution', String(o.resolution), '--mode', o.colour ? 'Color' : 'Gray'];
  args.push('--source', o.duplex ? 'ADF Duplex' : 'ADF');
  if (o.device) args.unshift('-d', o.device);
  return args;
}

export async function* scanPages(o: ScanOptions, signal: AbortSignal): AsyncGenerator<{ ok: true; name: string; data: Buffer } | IngestFailure> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-scan-'));
  fs.chmodSync(dir, 0o700);
  const child = spawn('scanimage', scanArgs(dir, o), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString('utf8')).slice(-2000);
  });
  let exited: number | null = null;
  let spawnError: Error | null = null;
  child.on('error', (err) => {
    spawnError = err;
    exited = -1;
  });
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  const onAbort = () => child.kill('SIGTERM');
  signal.addEventListener('abort', onAbort, { once: true });
  const done = new Set<string>();
  let n = 0;
  try {
    for (;;) {
      const finished = exited !== null;
      const files = fs.readdirSync(dir).filter((f) => !done.has(f)).sort(naturalCompare);
      // While scanimage runs, the newest file may still be being written.
      const ready = finished ? files : files.slice(0, -1);
      for (const f of ready) {
        done.add(f);
        const file = path.join(dir, f);
        const data = fs.readFileSync(file);
        fs.rmSync(file, { force: true });
        n++;
        yield { ok: true, name: `扫描第 ${n} 张`, data };
      }
      if (finished || signal.aborted) break;
      await sleep(POLL_MS, signal);
    }
    // scanimage exits 7 when the feeder is empty: that is the normal end of a batch.
    if (!signal.aborted && exited !== 0 && exited !== 7) {
      const why = spawnError ? (spawnError as Error).message : stderr.trim().split('\n').pop() ?? '';
      yield { ok: false, source: '扫描仪', message: `扫描中断（scanimage 退出码 ${exited}）：${why}。请检查扫描仪（卡纸、进纸器无纸、盖板未合上）后继续扫描。` };
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (exited === null) child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
