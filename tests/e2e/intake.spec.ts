/**
 * Intake end to end in a real browser: a batch is registered, a generated roster (.xlsx, official
 * layout with a title row) is imported, the paper files are counted at the desk by keyboard as a
 * scanner types (a count entered by mistake is cleared and redone), a tiny generated digital copy (300 dpi JPEGs) is checked, a finding is resolved,
 * the batch is accepted, archive numbers are issued and the batch's documents are listed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { checkDigitFor } from '../../shared/idNumber';
import { expect, test } from './fixtures';
import { addTownAndCommunity, COMMUNITY, firstRun, TOWN } from './flow';

const id = (first17: string) => `${first17}${checkDigitFor(first17)}`;
/** Roster order; 李建国's roster says 3 pages but only 2 arrive (desk and digital copy agree). */
const PERSONS = [
  { name: '张淑芬', id: id('11010519491231002'), volumes: 1, pages: 2, images: 2 },
  { name: '李建国', id: id('11010519500305001'), volumes: 1, pages: 3, images: 2 },
];
const W = 827; // A4 at 100 px per inch would be 827 × 1169; dpi is what the file declares
const H = 1169;

function pageSvg(person: number, n: number): string {
  // Different text per page so no two pages look alike (the near-duplicate check).
  const lines = Array.from({ length: 6 }, (_, i) => `<text x="${80 + ((person * 37 + n * 53 + i * 11) % 90)}" y="${180 + i * 110}" font-family="DejaVu Sans" font-size="${30 + ((i + n) % 3) * 6}" fill="#111">RECORD ${person}-${n} LINE ${i + 1} ${'#'.repeat(3 + ((n + i) % 7))}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="#fff"/>${lines}<text x="${W / 2}" y="${H - 70}" font-family="DejaVu Sans" font-size="34" text-anchor="middle" fill="#111">- ${n} -</text></svg>`;
}

/** The official 档案移交名册表 layout: a merged title row, the header, the rows, a footer. */
async function writeRoster(file: string, persons: { name: string; id: string; volumes: number; pages: number }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(['国有企业退休人员社会化管理服务档案移交名册表']);
  ws.mergeCells('A1:H1');
  ws.addRow(['序号', '姓名', '社会保障号码（身份证号）', '乡镇（街道）', '社区', '档案卷数', '页数', '备注']);
  persons.forEach((p, i) => ws.addRow([i + 1, p.name, p.id, TOWN.name, COMMUNITY.name, p.volumes, p.pages, '']));
  ws.addRow([]);
  ws.addRow(['填报人：王会计', '', '联系电话：13800138000', '', '填报日期：2026-01-05']);
  await wb.xlsx.writeFile(file);
}

async function makeDelivery(dir: string): Promise<{ roster: string; pkg: string }> {
  const roster = path.join(dir, '移交名册.xlsx');
  await writeRoster(roster, PERSONS);

  const pkg = path.join(dir, '数字副本');
  for (const [pi, p] of PERSONS.entries()) {
    const folder = path.join(pkg, `${p.name}_${p.id}`);
    fs.mkdirSync(folder, { recursive: true });
    for (let n = 1; n <= p.images; n++) {
      await sharp(Buffer.from(pageSvg(pi + 1, n)))
        .withMetadata({ density: 300 })
        .jpeg({ quality: 80 })
        .toFile(path.join(folder, `page${n}.jpg`));
    }
  }
  return { roster, pkg };
}

async function registerBatch(page: Page, enterprise: string): Promise<void> {
  await page.getByTestId('nav-intake').click();
  await page.getByTestId('batch-add').click();
  await page.getByTestId('batch-enterprise').fill(enterprise);
  await page.getByTestId('batch-contact').fill('王会计');
  await page.getByTestId('batch-phone').fill('13800138000');
  await page.getByTestId('batch-delivered-by').fill('赵送');
  await page.getByTestId('batch-delivered-by').press('Control+Enter');
  await expect(page.getByTestId('batch-workspace')).toBeVisible();
  await expect(page.getByTestId('batch-status')).toHaveAttribute('data-status', 'registered');
}

/** As a barcode scanner does it: the ID number and Enter, then the counts, each with Enter. */
async function countAtDesk(page: Page, idNumber: string, volumes: number, pages: number, thickness: string, note: string): Promise<void> {
  const scan = page.getByTestId('desk-scan');
  await expect(scan).toBeFocused();
  await page.keyboard.type(idNumber);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-volumes')).toBeFocused();
  await page.keyboard.type(String(volumes));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-pages')).toBeFocused();
  await page.keyboard.type(String(pages));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-thickness')).toBeFocused();
  if (thickness) await page.keyboard.type(thickness);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-note')).toBeFocused();
  if (note) await page.keyboard.type(note);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-saved')).toBeVisible();
  await expect(scan).toBeFocused();
}

test('intake: register, roster, desk count, check, resolve, accept, numbers and documents', async ({ page, launcher }) => {
  test.setTimeout(120_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-e2e-ik-'));
  try {
    const { roster, pkg } = await makeDelivery(work);
    const app = await launcher.start();
    await page.goto(app.url);
    await firstRun(page);
    await addTownAndCommunity(page);

    await test.step('register a batch with the keyboard', () => registerBatch(page, '第一棉纺厂'));

    await test.step('import the roster after a preview', async () => {
      await page.getByTestId('roster-file').fill(roster);
      await page.getByTestId('roster-preview').click();
      await expect(page.getByTestId('roster-row-count')).toHaveText('2');
      await expect(page.getByTestId('roster-preview-rows')).toContainText(PERSONS[1]?.id ?? '');
      await expect(page.getByTestId('mapping-idNumber')).not.toHaveValue('');
      // The desk's own mapping goes back to the reader: drop 备注 and preview again.
      await page.getByTestId('mapping-remarks').selectOption('');
      await page.getByTestId('roster-repreview').click();
      await expect(page.getByTestId('roster-repreview')).toHaveCount(0);
      await expect(page.getByTestId('mapping-remarks')).toHaveValue('');
      await expect(page.getByTestId('roster-row-count')).toHaveText('2');
      await page.getByTestId('roster-import').click();
      await expect(page.getByTestId('roster-imported')).toContainText('已导入 2 人');
    });

    await test.step('count the paper files at the desk by keyboard', async () => {
      await page.getByTestId('roster-next').click();
      const [a, b] = PERSONS;
      if (!a || !b) throw new Error('persons');
      await countAtDesk(page, a.id, 1, 2, '12.5', '');
      await countAtDesk(page, b.id, 1, 2, '', '缺第 3 页，移交单位附书面说明');
      await expect(page.getByTestId('desk-totals')).toHaveText('已清点 2 / 2 人；卷数 2 / 2；页数 4 / 5；与名册不符 1 人');
      await expect(page.getByTestId('desk-row').filter({ hasText: b.name })).toHaveAttribute('data-state', 'mismatch');
      await expect(page.getByTestId('desk-row').filter({ hasText: a.name })).toHaveAttribute('data-state', 'ok');
      // A count entered by mistake is cleared (the person is 未点 again), then counted again.
      await page.getByTestId('desk-row').filter({ hasText: a.name }).getByTestId('desk-clear').click();
      await expect(page.getByTestId('desk-row').filter({ hasText: a.name })).toHaveAttribute('data-state', 'pending');
      await expect(page.getByTestId('desk-totals')).toContainText('已清点 1 / 2 人');
      await countAtDesk(page, a.id.slice(-6), 1, 2, '', '');
      await expect(page.getByTestId('desk-totals')).toHaveText('已清点 2 / 2 人；卷数 2 / 2；页数 4 / 5；与名册不符 1 人');
    });

    await test.step('check the digital copy', async () => {
      await page.getByTestId('step-tab-check').click();
      await page.getByTestId('package-dir').fill(pkg);
      await page.getByTestId('check-start').click();
      await expect(page.getByTestId('check-done')).toBeVisible({ timeout: 60_000 });
    });

    await test.step('resolve the page-count finding with a note', async () => {
      await page.getByTestId('check-next').click();
      await expect(page.getByTestId('severity-chart')).toBeVisible();
      const finding = page.locator('[data-testid="finding"][data-code="PAGE_COUNT_MISMATCH"]');
      await expect(finding).toHaveCount(1);
      await expect(finding).toContainText(PERSONS[1]?.name ?? '');
      await finding.getByTestId('finding-resolve').click();
      await page.getByTestId('resolve-note').fill('已收到书面说明');
      await page.getByTestId('resolve-note').press('Control+Enter');
      await page.getByTestId('finding-filter-resolved').click();
      await expect(finding).toHaveAttribute('data-state', 'resolved');
      await expect(finding.getByTestId('finding-resolution')).toContainText('已收到书面说明');
    });

    await test.step('accept (a supervisor overrides what is still open, with a note)', async () => {
      await page.getByTestId('batch-accept').click();
      const note = page.getByTestId('accept-note');
      if (await note.isVisible()) await note.fill('经主管核对，其余问题已有书面说明');
      await page.getByTestId('accept-confirm').click();
      await expect(page.getByTestId('step-files')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('batch-status')).toHaveAttribute('data-status', 'accepted');
      const numbers = await page.getByTestId('file-archive-no').allInnerTexts();
      expect(numbers).toHaveLength(2);
      expect(new Set(numbers).size).toBe(2);
      // Roster order within the community: the running numbers end in 1 and 2.
      expect(numbers.map((n) => Number(/(\d+)$/.exec(n.trim())?.[1]))).toEqual([1, 2]);
      await expect(page.getByTestId('file-row').first()).toContainText(PERSONS[0]?.name ?? '');
    });

    await test.step('the batch documents are listed (receipt, inspection report, 案卷目录)', async () => {
      await page.getByTestId('step-tab-documents').click();
      await expect(page.getByTestId('document-row').first()).toBeVisible({ timeout: 15_000 });
      expect(await page.getByTestId('document-row').count()).toBeGreaterThanOrEqual(2);
      const receiptDoc = page.locator('[data-testid="document-row"]', { hasText: '回执' });
      await receiptDoc.getByTestId('document-open').click();
      await expect(page.getByTestId('document-frame')).toBeVisible();
      await page.getByTestId('document-close').click();
      // 另存为: the one plaintext copy, written where the user typed.
      const saved = path.join(work, '回执.pdf');
      await receiptDoc.getByTestId('document-save').click();
      await page.getByTestId('document-save-path').fill(saved);
      await page.getByTestId('document-save-submit').click();
      await expect(page.getByTestId('document-saved')).toContainText('回执.pdf');
      expect(fs.readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByTestId('document-close').click();
    });

    await test.step('the receipt awaits return until marked returned; the ledger lists the batch', async () => {
      await page.getByTestId('intake-tab-receipts').click();
      const receipt = page.getByTestId('receipt-row').filter({ hasText: '第一棉纺厂' });
      await expect(receipt).toHaveCount(1);
      await expect(receipt).toHaveAttribute('data-overdue', 'false');
      await page.getByTestId('nav-home').click();
      await expect(page.getByTestId('home-receipts').getByTestId('receipt-row')).toContainText('第一棉纺厂');
      await page.getByTestId('nav-intake').click();
      await expect(receipt).toHaveCount(1);
      await receipt.getByTestId('receipt-mark').click();
      await page.getByTestId('receipt-returned-on').press('Control+Enter');
      await expect(receipt).toHaveCount(0);
      await page.getByTestId('receipts-open-only').uncheck();
      await expect(receipt).toHaveCount(1);
      await expect(receipt).not.toContainText('未退回');
      await page.getByTestId('intake-tab-batches').click();
      await page.getByTestId('batch-back').click();
      await page.getByTestId('batch-filter-accepted').click();
      await expect(page.getByTestId('batch-row').filter({ hasText: '第一棉纺厂' }).getByTestId('batch-status')).toHaveAttribute('data-status', 'accepted');
      await page.getByTestId('intake-tab-ledger').click();
      await expect(page.getByTestId('ledger-row').filter({ hasText: '第一棉纺厂' })).toContainText('已接收');
      await expect(page.getByTestId('ledger-totals')).toContainText('共 1 批、2 人、2 卷');
      const xlsx = path.join(work, '台账.xlsx');
      await page.getByTestId('ledger-export').click();
      await page.getByTestId('ledger-export-path').fill(xlsx);
      await page.getByTestId('ledger-export-save').click();
      await expect(page.getByTestId('ledger-exported')).toContainText('已导出 1 行');
      expect(fs.readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');

    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('intake: an intake clerk cannot accept with open findings and returns the batch', async ({ page, launcher }) => {
  test.setTimeout(90_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-e2e-ik-'));
  const clerk = { name: 'jieshou', displayName: '李接收', password: 'Jieshou#2024-test' };
  const good = PERSONS[0];
  if (!good) throw new Error('persons');
  const badId = `${good.id.slice(0, 17)}${good.id.endsWith('1') ? '2' : '1'}`;
  try {
    const roster = path.join(work, '名册.xlsx');
    await writeRoster(roster, [good, { name: '错号人', id: badId, volumes: 1, pages: 10 }]);
    const app = await launcher.start();
    await page.goto(app.url);
    await firstRun(page);
    await addTownAndCommunity(page);

    await test.step('numbering settings: the preview follows the edit, then saves', async () => {
      await page.getByTestId('nav-intake').click();
      await page.getByTestId('intake-tab-settings').click();
      const live = page.getByTestId('num-preview-live').first();
      await expect(live).toHaveText(`CCSRS-${TOWN.code}-${COMMUNITY.code}-0001`);
      await page.getByTestId('num-district').fill('02');
      await page.getByTestId('num-prefix').fill('YS');
      await expect(live).toHaveText(`YS-02${TOWN.code}-${COMMUNITY.code}-0001`);
      await page.getByTestId('num-save').click();
      await expect(page.getByTestId('num-saved')).toBeVisible();
      await expect(page.getByTestId('num-preview').locator('tbody tr').first()).toContainText(`YS-02${TOWN.code}-${COMMUNITY.code}-0001`);
      await page.getByTestId('intake-tab-batches').click();
    });

    await test.step('the admin adds an intake clerk and registers the batch with its roster', async () => {
      await page.getByTestId('nav-users').click();
      await page.getByTestId('user-add').click();
      await page.getByTestId('user-name').fill(clerk.name);
      await page.getByTestId('user-display').fill(clerk.displayName);
      await page.getByTestId('user-role').selectOption('intake');
      await page.getByTestId('user-password').fill(clerk.password);
      await page.getByTestId('user-save').click();
      await expect(page.getByText(clerk.displayName).first()).toBeVisible();
      await registerBatch(page, '第二机械厂');
      await page.getByTestId('roster-file').fill(roster);
      await page.getByTestId('roster-preview').click();
      await page.getByTestId('roster-import').click();
      await expect(page.getByTestId('roster-imported')).toContainText('错误 1');
      await page.getByTestId('logout-button').click();
    });

    await test.step('the clerk sees why 接收 is disabled', async () => {
      await page.getByTestId('login-name').fill(clerk.name);
      await page.getByTestId('login-password').fill(clerk.password);
      await page.getByTestId('login-submit').click();
      await expect(page.getByTestId('current-user')).toContainText(clerk.displayName);
      await page.getByTestId('nav-intake').click();
      await expect(page.getByTestId('batch-workspace')).toHaveCount(0); // another user starts at the list
      await page.getByTestId('batch-row').filter({ hasText: '第二机械厂' }).click();
      await page.getByTestId('step-tab-findings').click();
      await expect(page.locator('[data-testid="finding"][data-code="ID_CHECKSUM"]')).toContainText('错号人');
      await expect(page.getByTestId('batch-accept')).toBeDisabled();
      await expect(page.getByTestId('accept-disabled-reason')).toContainText('1 个未处理的问题');
    });

    await test.step('the clerk returns the batch with a reason; the 退回通知 is listed', async () => {
      await page.getByTestId('batch-return').click();
      await page.getByTestId('return-reason').fill('身份证号校验位错误，请核对后重新移交');
      await page.getByTestId('return-reason').press('Control+Enter');
      await expect(page.getByTestId('batch-status')).toHaveAttribute('data-status', 'returned');
      await expect(page.getByTestId('intake-documents')).toBeVisible();
      await expect(page.getByTestId('document-row').first()).toBeVisible({ timeout: 15_000 });
      await page.getByTestId('step-tab-findings').click();
      await expect(page.getByTestId('decision-done')).toContainText('身份证号校验位错误');
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
