/**
 * The digital-copy checks on generated packages (pages rendered with sharp at 1240 px across, 300
 * dpi in the metadata): every planted defect is found with the right code on the right page, and
 * a clean package gives no findings at all. One OCR reader is shared by the tests in this file.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { PageRenderer } from '../../bench/fixtures/deliveryPages';
import { makeIdNumber, writeOfficialRoster } from '../../bench/fixtures/deliveryRoster';
import { DEFECT_KINDS, generateDelivery, type Delivery } from '../../bench/fixtures/deliveryGenerator';
import { runChecks } from '../../electron/services/intake/check/engine';
import { createDigitOcr } from '../../electron/services/intake/check/digitOcr';
import { createPageNumberReader } from '../../electron/services/intake/check/pageNumbers';
import type { Finding } from '../../electron/services/intake/check/findings';
import { readRoster } from '../../electron/services/intake/roster/readRoster';
import { tempDir } from '../helpers/temp';

const reader = createPageNumberReader(createDigitOcr({ workers: 1 }), 150_000_000);
afterAll(() => reader.close());

async function check(d: Delivery) {
  const roster = await readRoster(d.rosterFile);
  return runChecks(roster, { packageDir: d.packageDir, pageNumbers: reader, context: { today: new Date('2026-11-21') } });
}

/** Findings not explained by a planted defect (same person, the defect's code or a consequence). */
function unexplained(findings: readonly Finding[], d: Delivery): Finding[] {
  return findings.filter((f) => !d.defects.some((p) => p.idNumber === f.idNumber && (p.code === f.code || p.also.includes(f.code))));
}

describe('digital-copy checks', () => {
  it('finds every planted defect on the right page, and nothing else', async () => {
    const dir = tempDir();
    const d = await generateDelivery({ dir, persons: DEFECT_KINDS.length + 6, pages: [6, 9], width: 1240, concurrency: 2 });
    // A name that tries to climb out of the package (legal on Linux, a path on Windows).
    const someone = d.persons.find((p) => p.folder && !d.defects.some((x) => x.idNumber === p.idNumber)) as (typeof d.persons)[number];
    fs.writeFileSync(path.join(d.packageDir, someone.folder as string, '..\\..\\evil.jpg'), 'x');
    d.defects.push({ kind: 'unsafe-path', idNumber: someone.idNumber, code: 'UNSAFE_PATH', page: null, also: [] });

    const r = await check(d);
    expect(r.persons).toBe(DEFECT_KINDS.length + 6 - 1); // the no-roster-row person is not in the roster
    expect(r.pages).toBe(d.imageFiles);
    for (const planted of d.defects) {
      const hit = r.findings.find((f) => f.code === planted.code && f.idNumber === planted.idNumber && (planted.page === null || f.page === planted.page));
      expect(hit, `${planted.kind}: ${planted.code} for ${planted.idNumber} page ${planted.page}`).toBeDefined();
    }
    expect(unexplained(r.findings, d)).toEqual([]);
    // Messages are Chinese sentences naming the file or row.
    for (const f of r.findings) expect(f.message).toMatch(/[\u4e00-\u9fff].*。/);
    // The skewed page was turned by 3°; the estimate says so within a few tenths.
    const skew = r.findings.find((f) => f.code === 'SKEW');
    const degrees = Number(/倾斜约 ([\d.]+)°/.exec(skew?.message ?? '')?.[1]);
    expect(Math.abs(degrees - 3)).toBeLessThanOrEqual(0.3);
    // Blank sides are not counted and not numbered; page numbers were read on all the others but
    // the one sheet planted without a number.
    const pages = r.folders.flatMap((f) => f.pages);
    expect(pages.filter((p) => p.blank === true).length).toBeGreaterThan(0);
    const numbered = pages.filter((p) => p.status === 'ok' && p.blank === false);
    expect(numbered.filter((p) => p.printedNumber === null)).toHaveLength(1);
  });

  it('gives no findings for a clean package (blank sides, item lists, TIFF pages, varied numbering)', async () => {
    const dir = tempDir();
    const d = await generateDelivery({ dir, persons: 10, pages: [5, 8], width: 1240, defects: [], concurrency: 2 });
    const r = await check(d);
    expect(r.findings).toEqual([]);
    expect(r.persons).toBe(10);
    const tiffs = r.folders.flatMap((f) => f.pages).filter((p) => p.format === 'tiff');
    expect(tiffs.length).toBeGreaterThan(0);
    expect(r.folders.every((f) => f.rosterRow !== null)).toBe(true);
  });

  it('checks each page of a multi-page TIFF as its own page', async () => {
    const dir = tempDir();
    const renderer = new PageRenderer(1240, 1754);
    const pages = await Promise.all([1, 2, 4].map((n) => renderer.raw({ seed: n, number: n, place: 'top-right' })));
    const tiff = await sharp(Buffer.concat(pages), { raw: { width: 1240, height: 1754 * 3, channels: 1, pageHeight: 1754 } })
      .withDensity(300)
      .tiff({ compression: 'lzw' })
      .toBuffer();
    const id = makeIdNumber(42);
    fs.mkdirSync(path.join(dir, 'package', `王芳_${id}`), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package', `王芳_${id}`, 'scan.tif'), tiff);
    const rosterFile = path.join(dir, 'roster.xlsx');
    await writeOfficialRoster(rosterFile, [{ name: '王芳', id, volumes: 1, pages: 3 }]);
    const r = await runChecks(await readRoster(rosterFile), { packageDir: path.join(dir, 'package'), pageNumbers: reader });
    expect(r.pages).toBe(3);
    expect(r.folders[0]?.pages.map((p) => [p.position, p.tiffPage, p.printedNumber])).toEqual([
      [1, 0, 1],
      [2, 1, 2],
      [3, 2, 4],
    ]);
    expect(r.findings.map((f) => [f.code, f.page])).toEqual([['PAGE_SEQUENCE_GAP', 3]]);
    expect(r.findings[0]?.message).toContain('scan.tif 第 3 页');
  });
});
