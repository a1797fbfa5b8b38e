/** Reading our PDFs back with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm), as a reader would. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp';

export function savePdf(bytes: Uint8Array, name = 'doc.pdf'): string {
  const file = path.join(tempDir('archivedesk-doc-'), name);
  fs.writeFileSync(file, bytes);
  return file;
}

export function pdfText(file: string, o: { layout?: boolean; page?: number } = {}): string {
  const args = [...(o.layout ? ['-layout'] : []), ...(o.page ? ['-f', String(o.page), '-l', String(o.page)] : []), file, '-'];
  return execFileSync('pdftotext', args).toString();
}

/** Text with all whitespace removed: wording checks must not depend on where lines wrap. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

export function pdfInfo(file: string): { pages: number; size: string; sizes: string[] } {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const sizes = [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/g)].map((m) => m[1] ?? '');
  return { pages, size: sizes[0] ?? '', sizes };
}

export interface FontRow { name: string; type: string; emb: boolean; sub: boolean; uni: boolean }
export function pdfFonts(file: string): FontRow[] {
  const lines = execFileSync('pdffonts', [file]).toString().trim().split('\n').slice(2);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    const n = cols.length;
    return { name: cols[0] ?? '', type: cols.slice(1, n - 6).join(' '), emb: cols[n - 5] === 'yes', sub: cols[n - 4] === 'yes', uni: cols[n - 3] === 'yes' };
  });
}

/** Renders one page (optionally a crop, in pixels at `dpi`) to greyscale; fails on any poppler complaint. */
export function renderGray(file: string, page: number, dpi: number, crop?: { x: number; y: number; w: number; h: number }): { w: number; h: number; px: Uint8Array } {
  const args = ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile'];
  if (crop) args.push('-x', String(Math.round(crop.x)), '-y', String(Math.round(crop.y)), '-W', String(Math.round(crop.w)), '-H', String(Math.round(crop.h)));
  const r = spawnSync('pdftoppm', [...args, file], { maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0 || r.stderr.length > 0) throw new Error(`pdftoppm: ${r.stderr.toString()}`);
  return parsePgm(r.stdout);
}

function parsePgm(buf: Buffer): { w: number; h: number; px: Uint8Array } {
  // P5\n<w> <h>\n255\n<bytes>
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos] ?? 32))) pos++;
    let f = '';
    while (!/\s/.test(String.fromCharCode(buf[pos] ?? 32))) f += String.fromCharCode(buf[pos++] ?? 32);
    fields.push(f);
  }
  pos++;
  const w = Number(fields[1]);
  const h = Number(fields[2]);
  return { w, h, px: new Uint8Array(buf.subarray(pos, pos + w * h)) };
}

/** pdftoppm at 50 dpi over every page: any error or warning on stderr fails. */
export function renderAllQuietly(file: string): number {
  const dir = tempDir('archivedesk-png-');
  const r = spawnSync('pdftoppm', ['-r', '50', '-png', file, path.join(dir, 'p')]);
  if (r.status !== 0 || r.stderr.length > 0) throw new Error(`pdftoppm: ${r.stderr.toString()}`);
  return fs.readdirSync(dir).length;
}

export const hasCommand = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
