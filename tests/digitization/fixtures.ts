/**
 * Generated page images and a digitization-ready core for the digitization tests. Text is Latin
 * (rendered with the system's DejaVu/Liberation fonts): no CJK font is guaranteed on CI, and the
 * Chinese OCR model reads Latin letters and digits well enough for these checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { Core } from '../../electron/services/core/core';
import type { Job } from '../../shared/types';
import { makeId, ok, seededCore } from '../helpers/core';

export const PAGE = { width: 1240, height: 1754, dpi: 300 };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** A page with a large title line, body lines, and the printed page number at the bottom centre. */
export async function textPage(opts: { title: string; lines: string[]; pageNo?: number; red?: boolean }): Promise<Buffer> {
  const { width, height } = PAGE;
  const font = "font-family='DejaVu Sans, Liberation Sans, sans-serif'";
  const parts = [
    `<rect width='100%' height='100%' fill='white'/>`,
    opts.red ? `<rect x='150' y='60' width='900' height='30' fill='#cc0000'/>` : '',
    `<text x='150' y='220' ${font} font-size='64' fill='black'>${esc(opts.title)}</text>`,
    ...opts.lines.map((l, i) => `<text x='150' y='${340 + i * 70}' ${font} font-size='40' fill='black'>${esc(l)}</text>`),
    opts.pageNo === undefined ? '' : `<text x='${width / 2 - 40}' y='${height - 90}' ${font} font-size='40' fill='black'>- ${opts.pageNo} -</text>`,
  ];
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='${height}'>${parts.join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().withMetadata({ density: PAGE.dpi }).toBuffer();
}

export async function blankPage(): Promise<Buffer> {
  // A blank side still has a speck or two of dust.
  return sharp({ create: { width: PAGE.width, height: PAGE.height, channels: 3, background: '#fdfdfb' } })
    .composite([{ input: { create: { width: 3, height: 3, channels: 3, background: '#222' } }, left: 400, top: 700 }])
    .png()
    .withMetadata({ density: PAGE.dpi })
    .toBuffer();
}

export function write(dir: string, name: string, data: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

/** A seeded workspace with one retiree, a clerk signed in on session 'clerk' and an intake user on 'intake'. */
export async function digitizationCore() {
  const seeded = await seededCore();
  const { core, community } = seeded;
  const person = await ok(core, 'admin', 'person.add', { name: '张三', idNumber: makeId('19350506', '123'), communityId: community.id });
  await ok(core, 'admin', 'user.add', { name: 'clerk1', displayName: '李档案', role: 'clerk', password: 'clerk-password' });
  await ok(core, 'admin', 'user.add', { name: 'intake1', displayName: '赵接收', role: 'intake', password: 'intake-password' });
  await ok(core, 'clerk', 'session.login', { name: 'clerk1', password: 'clerk-password' });
  await ok(core, 'intake', 'session.login', { name: 'intake1', password: 'intake-password' });
  return { ...seeded, person };
}

export async function waitJob(core: Core, session: string, jobId: string, until: (j: Job) => boolean = (j) => j.state !== 'running', timeoutMs = 60_000): Promise<Job> {
  const start = Date.now();
  for (;;) {
    const job = await ok(core, session, 'job.get', { jobId });
    if (until(job)) return job;
    expect(Date.now() - start, `job ${job.kind} still ${job.state}: ${JSON.stringify(job)}`).toBeLessThan(timeoutMs);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until no page of the volume is waiting for OCR. */
export async function waitOcr(core: Core, session: string, volumeId: number, timeoutMs = 90_000) {
  const start = Date.now();
  for (;;) {
    const list = await ok(core, session, 'page.list', { volumeId });
    if (list.pages.every((p) => p.ocr !== 'pending')) return list;
    expect(Date.now() - start, 'OCR still pending').toBeLessThan(timeoutMs);
    await new Promise((r) => setTimeout(r, 200));
  }
}
