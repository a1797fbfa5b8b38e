/**
 * Digitization end to end in a real browser: a retiree's volume is created, generated page images
 * are imported by path, processed and counted, an item is catalogued, the strip is edited (keys and
 * drag) and the edits undone, a rescan is uploaded in place, a watched folder feeds a page, the
 * volume is exported to a folder and accepted. Same launcher and fixtures as
 * browser.spec.ts; real core, real imaging and OCR, real encrypted workspace.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addTownAndCommunity, COMMUNITY, firstRun, GOOD_ID, RETIREE } from './flow';

/** A4 at 150 dpi keeps processing and OCR quick on two cores; the text is large and clean. */
const W = 1240;
const ARCHIVE_NO = '0101001-01';
const H = 1754;

function textPage(lines: string[], pageNumber: number): string {
  const body = lines
    .map((l, i) => `<text x="150" y="${300 + i * 90}" font-family="DejaVu Sans" font-size="48" fill="#111">${l}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="#fff"/>${body}<text x="${W / 2}" y="${H - 120}" font-family="DejaVu Sans" font-size="44" text-anchor="middle" fill="#111">- ${pageNumber} -</text></svg>`;
}

/** Three text pages and one blank side, as a scanner would deliver a short item. */
async function makePages(dir: string): Promise<string[]> {
  const specs: { name: string; svg: string }[] = [
    { name: '001.png', svg: textPage(['PERSONNEL RECORD', 'Name: Zhang Shufen', 'Born: 1949-12-31', 'Signed: 1985-03-12'], 1) },
    { name: '002.png', svg: textPage(['EDUCATION CERTIFICATE', 'Graduated in July 1970', 'Beijing Normal School'], 2) },
    { name: '003.png', svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="#fff"/></svg>` },
    { name: '004.png', svg: textPage(['WORK HISTORY', 'Beijing Cotton Mill No. 1', 'Retired in 2004'], 3) },
  ];
  const files: string[] = [];
  for (const s of specs) {
    const file = path.join(dir, s.name);
    await sharp(Buffer.from(s.svg)).withMetadata({ density: 150 }).png().toFile(file);
    files.push(file);
  }
  return files;
}

async function addRetiree(page: Page): Promise<void> {
  await page.getByTestId('nav-persons').click();
  await page.getByTestId('person-add').click();
  await page.getByTestId('person-name').fill(RETIREE);
  await page.getByTestId('person-id').fill(GOOD_ID);
  await page.getByTestId('person-community').selectOption({ label: COMMUNITY.name });
  await page.getByTestId('person-save').click();
  await expect(page.getByTestId('person-table').locator('tr', { hasText: RETIREE })).toHaveCount(1);
}

const countLine = (page: Page): Locator => page.getByTestId('page-count-line');

/** Page ids in strip order, read from the thumbnails. */
async function stripOrder(page: Page): Promise<string[]> {
  return page.getByTestId('page-strip').locator('[data-page-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-page-id') ?? ''));
}

test('digitize a volume: import, count, catalogue, edit and undo, export, accept', async ({ page, launcher }) => {
  test.setTimeout(180_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-e2e-dz-'));
  try {
    const files = await makePages(work);
    const exportDir = path.join(work, 'export');
    const watchDir = path.join(work, 'watch');
    fs.mkdirSync(exportDir);
    fs.mkdirSync(watchDir);
    const rescan = path.join(work, 'rescan.png');
    await sharp(Buffer.from(textPage(['RESCANNED PAGE', 'Clearer copy'], 2))).png().toFile(rescan);

    const app = await launcher.start();
    await page.goto(app.url);
    await test.step('first run, a community and a retiree', async () => {
      await firstRun(page);
      await addTownAndCommunity(page);
      await addRetiree(page);
    });

    await test.step('find the retiree by ID number (as a barcode scanner types it) and create a volume', async () => {
      await page.getByTestId('nav-digitize').click();
      await page.getByTestId('dz-person-search').fill(GOOD_ID);
      await page.getByTestId('dz-person-search').press('Enter');
      await expect(page.getByTestId('dz-person')).toContainText(RETIREE);
      await page.getByTestId('volume-scheme').selectOption('cadre');
      await page.getByTestId('volume-create').click();
      await expect(page.getByTestId('volume-row-1')).toContainText('干部');
      await page.getByTestId('volume-row-1').click();
      await expect(page.getByTestId('workbench')).toBeVisible();
      await expect(countLine(page)).toHaveText('计数页数 0（共 0 张图像，空白 0，封面 0）');
    });

    await test.step('import four page images by path and wait for the job', async () => {
      await page.getByTestId('dz-import').click();
      await page.getByTestId('import-paths').fill(files.join('\n'));
      await page.getByTestId('import-submit').click();
      await expect(page.getByTestId('job-import')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
      await expect(page.getByTestId('job-import').getByTestId('job-summary')).toContainText('4 / 4 张');
      await expect(countLine(page)).toHaveText('计数页数 3（共 4 张图像，空白 1，封面 0）');
      for (let i = 1; i <= 4; i++) await expect(page.getByTestId(`page-thumb-${i}`).locator('img')).toBeVisible();
      await expect(page.getByTestId('page-thumb-3')).toHaveAttribute('data-kind', 'blank');
      await expect(page.getByTestId('viewer-image')).toBeVisible();
    });

    await test.step('mark an item from the first page, pick class 4-1, see 序号 and 页数', async () => {
      await page.getByTestId('page-thumb-1').click();
      await page.keyboard.press('n');
      await page.getByTestId('item-class').selectOption('4-1');
      await page.getByTestId('item-title').fill('学历证明材料');
      await page.getByTestId('item-date').fill('1970-07-01');
      await page.getByTestId('item-save').click();
      const row = page.getByTestId('item-row-4-1-1');
      await expect(row).toContainText('学历证明材料');
      await expect(row.getByTestId('item-pages')).toHaveText('3');
      await expect(page.getByTestId('page-thumb-1').getByTestId('item-start-marker')).toContainText('4-1-1');
    });

    await test.step('reorder with Ctrl+↓, delete with Delete, undo both with Ctrl+Z', async () => {
      const before = await stripOrder(page);
      await page.getByTestId('page-thumb-2').click();
      await page.keyboard.press('Control+ArrowDown');
      await expect.poll(() => stripOrder(page)).toEqual([before[0], before[2], before[1], before[3]]);

      await page.getByTestId('page-thumb-4').click();
      await page.keyboard.press('Delete');
      await expect(countLine(page)).toHaveText('计数页数 2（共 3 张图像，空白 1，封面 0）');
      await expect(page.getByTestId('item-row-4-1-1').getByTestId('item-pages')).toHaveText('2');

      await page.keyboard.press('Control+z');
      await expect(countLine(page)).toHaveText('计数页数 3（共 4 张图像，空白 1，封面 0）');
      await page.keyboard.press('Control+z');
      await expect.poll(() => stripOrder(page)).toEqual(before);
    });

    await test.step('drag a page to the top of the strip, then undo', async () => {
      const before = await stripOrder(page);
      // Start the drag on the source before the strip scrolls to the target (as a hand would).
      const source = page.getByTestId('page-thumb-3');
      await source.hover();
      await page.mouse.down();
      const box = await source.boundingBox();
      if (!box) throw new Error('page-thumb-3 has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 12, { steps: 3 });
      await page.getByTestId('page-thumb-1').hover({ position: { x: 40, y: 8 } });
      await page.mouse.up();
      await expect.poll(() => stripOrder(page)).toEqual([before[2], before[0], before[1], before[3]]);
      await page.keyboard.press('Control+z');
      await expect.poll(() => stripOrder(page)).toEqual(before);
    });

    await test.step('insert a rescan before page 2 through the browser file picker (upload), then delete it', async () => {
      const before = await stripOrder(page);
      await page.getByTestId('page-thumb-2').click();
      await page.keyboard.press('Insert');
      await expect(page.getByRole('dialog')).toContainText('插入到图像 2 之前');
      await page.getByTestId('import-files').setInputFiles(rescan);
      await expect(countLine(page)).toHaveText('计数页数 4（共 5 张图像，空白 1，封面 0）', { timeout: 60_000 });
      const after = await stripOrder(page);
      expect(after.filter((id) => id !== after[1])).toEqual(before);
      expect(before).not.toContain(after[1]);
      await page.getByTestId('page-thumb-2').click();
      await page.keyboard.press('Delete');
      await expect.poll(() => stripOrder(page)).toEqual(before);
    });

    await test.step('watch a folder: a file saved into it appears; stop watching', async () => {
      await page.getByTestId('dz-watch').click();
      await page.getByTestId('watch-dir').fill(watchDir);
      await page.getByTestId('watch-start').click();
      await expect(page.getByTestId('dz-watch-stop')).toBeVisible();
      fs.copyFileSync(rescan, path.join(watchDir, 'scan-0001.png'));
      await expect(countLine(page)).toHaveText('计数页数 4（共 5 张图像，空白 1，封面 0）', { timeout: 60_000 });
      await page.getByTestId('dz-watch-stop').click();
      await expect(page.getByTestId('job-watch')).toHaveAttribute('data-state', 'cancelled');
      await expect(page.getByTestId('dz-watch')).toBeVisible();
      await page.getByTestId('page-strip').focus();
      await page.keyboard.press('End');
      await page.keyboard.press('Delete');
      await expect(countLine(page)).toHaveText('计数页数 3（共 4 张图像，空白 1，封面 0）');
    });

    await test.step('export to a folder: the job lists its outputs and the files exist', async () => {
      await page.getByTestId('dz-export').click();
      await page.getByTestId('export-dir').fill(exportDir);
      // The volume was created without an archive number; export asks for it, since files are named by it.
      await page.getByTestId('export-start').click();
      await expect(page.getByTestId('form-error')).toContainText('档号');
      await page.getByTestId('export-archive-no').fill(ARCHIVE_NO);
      await page.getByTestId('export-start').click();
      await expect(page.getByTestId('export-job')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      const outputs = await page.getByTestId('export-outputs').locator('li').allInnerTexts();
      expect(outputs.length).toBeGreaterThan(0);
      for (const o of outputs) expect(fs.existsSync(o.trim()), o).toBe(true);
      const written = fs.readdirSync(exportDir, { recursive: true }).map(String);
      // Images of counted pages only: the blank side is not numbered (domain.md §5).
      expect(written.filter((f) => f.endsWith('.jpg')).length).toBe(3);
      expect(written).toContain(path.join(ARCHIVE_NO, `${ARCHIVE_NO}-0001.jpg`));
      await expect(page.getByTestId('volume-archive')).toContainText(ARCHIVE_NO);
      expect(written.some((f) => f.endsWith('.pdf'))).toBe(true);
      expect(written.some((f) => f.endsWith('.xlsx'))).toBe(true);
      expect(written.some((f) => f.endsWith('.xml'))).toBe(true);
      await page.getByTestId('export-close').click();
    });

    await test.step('accept the volume: confirmation, then read-only', async () => {
      await page.getByTestId('dz-accept').click();
      await page.getByTestId('accept-confirm').click();
      await expect(page.getByTestId('volume-status')).toHaveText('已验收');
      await expect(page.getByTestId('dz-import')).toHaveCount(0);
      await expect(page.getByTestId('item-new')).toHaveCount(0);
      await page.getByTestId('page-thumb-1').click();
      await page.keyboard.press('Delete');
      await expect(page.getByTestId('form-error')).toContainText('已验收');
      await expect(countLine(page)).toHaveText('计数页数 3（共 4 张图像，空白 1，封面 0）');
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
