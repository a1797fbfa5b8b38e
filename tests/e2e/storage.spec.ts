/**
 * 库房管理 end to end in a real browser: a room and a shelving unit are created through the forms
 * (with the live preview and a field error on the way), the capacity dashboard shows the new shelf
 * length, and files received through intake (seeded through the same HTTP API the renderer uses)
 * are placed, located by archive number with the shelf marked in the unit diagram, given spine
 * labels (a stored PDF previewed in the app), and stocktaken by scanning.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { checkDigitFor } from '../../shared/idNumber';
import { expect, test } from './fixtures';
import { addTownAndCommunity, COMMUNITY, firstRun, TOWN } from './flow';

/** One API call as the page's own session (cookie), unwrapped; throws with the Chinese message. */
async function api<T>(page: Page, method: string, payload: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([m, p]) => {
      const res = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: m, payload: p }) });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [method, payload] as const,
  );
  if (!r.ok) throw new Error(`${method}: ${r.error?.message ?? '失败'}`);
  return r.value as T;
}

const idFor = (i: number) => {
  const first17 = `11010519500101${String(100 + i).padStart(3, '0')}`;
  return first17 + checkDigitFor(first17);
};

/** Three retirees accepted through intake: registered batch, roster (CSV), accepted by the admin. */
async function receiveFiles(page: Page, dir: string): Promise<string[]> {
  const roster = path.join(dir, '名册.csv');
  const rows = ['李建国', '王秀英', '赵德明'].map((name, i) => `${i + 1},${name},${idFor(i)},${TOWN.name},${COMMUNITY.name},1,60`);
  fs.writeFileSync(roster, ['序号,姓名,身份证号,乡镇（街道）,社区,档案卷数,页数', ...rows].join('\r\n'), 'utf8');
  const batch = await api<{ id: number }>(page, 'intake.batch.create', { enterprise: '第一棉纺厂', deliveredBy: '刘干事', deliveredOn: '2026-11-02' });
  await api(page, 'intake.roster.import', { batchId: batch.id, file: roster });
  const accepted = await api<{ files: { archiveNo: string }[] }>(page, 'intake.batch.accept', { batchId: batch.id, overrideNote: '端到端测试：纸质档案已当面清点' });
  return accepted.files.map((f) => f.archiveNo);
}

/** A layout sheet (one row per shelf); `duplicate` repeats the last shelf, which must be refused. */
async function layoutFile(dir: string, name: string, duplicate: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('布局');
  ws.addRow(['库房', '密集架', '列', '节', '层', '面', '宽度(mm)', '容量(卷)']);
  ws.addRow(['二号库房', '甲架', 1, 1, 1, 'A', 900, null]);
  ws.addRow(['二号库房', '甲架', 1, 1, 2, 'A', 900, null]);
  if (duplicate) ws.addRow(['二号库房', '甲架', 1, 1, 2, 'A', 900, null]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

test('storage: room and unit by form, capacity, placement, locate, labels and stocktake', async ({ page, launcher }) => {
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('Content Security Policy')) cspViolations.push(m.text());
  });
  const running = await launcher.start();
  await page.goto(running.url);
  await firstRun(page);
  await addTownAndCommunity(page);

  await test.step('add a room through the form', async () => {
    await page.getByTestId('nav-storage').click();
    await page.getByTestId('storage-tab-rooms').click();
    await page.getByTestId('room-add').click();
    await page.getByTestId('room-name').fill('一号库房');
    await page.getByTestId('room-area').fill('120');
    await page.getByTestId('room-save').click();
    await expect(page.getByTestId('room-list')).toContainText('一号库房');
  });

  await test.step('create a whole unit with one form: preview, a field error, then saved', async () => {
    await page.getByTestId('unit-add').click();
    await expect(page.getByTestId('unit-name')).toHaveValue('1号密集架');
    await page.getByTestId('unit-rows').fill('0');
    await expect(page.getByRole('alert').filter({ hasText: '列数至少为 1' })).toBeVisible();
    await page.getByTestId('unit-rows').fill('4');
    await page.getByTestId('unit-sections').fill('3');
    await page.getByTestId('unit-shelves').fill('5');
    await expect(page.getByTestId('unit-preview')).toContainText('4 列 × 3 节 × 5 层 × 2 面 = 120 层');
    await page.getByTestId('unit-save').click();
    const row = page.getByTestId('unit-list').locator('tr', { hasText: '1号密集架' });
    await expect(row).toContainText('4 × 3 × 5 × 2');
    await expect(row).toContainText('120');
  });

  await test.step('the dashboard shows the new capacity', async () => {
    await page.getByTestId('storage-tab-capacity').click();
    // 120 shelves × 900 mm = 108 m, nothing used yet.
    await expect(page.getByTestId('total-capacity')).toContainText('108 米');
    await expect(page.getByTestId('chart-rooms')).toContainText('一号库房');
    await expect(page.getByTestId('compliance-cards')).toBeVisible();
  });

  await test.step('import a layout .xlsx: a bad one lists its problems, a good one is imported', async () => {
    await page.getByTestId('storage-tab-rooms').click();
    await page.getByTestId('layout-import-open').click();
    await page.getByTestId('layout-file').setInputFiles(await layoutFile(launcher.userDataDir, '布局-重复.xlsx', true));
    await expect(page.getByTestId('layout-problems')).toBeVisible();
    await expect(page.getByTestId('layout-commit')).toBeDisabled();
    await page.getByTestId('layout-file').setInputFiles(await layoutFile(launcher.userDataDir, '布局.xlsx', false));
    await expect(page.getByTestId('layout-preview-result')).toContainText('共 2 层');
    await expect(page.getByTestId('layout-problems')).toHaveCount(0);
    await page.getByTestId('layout-commit').click();
    await expect(page.getByTestId('room-list')).toContainText('二号库房');
  });

  const archiveNos = await test.step('files received through intake', () => receiveFiles(page, launcher.userDataDir));
  expect(archiveNos).toHaveLength(3);

  await test.step('placement plan, then commit', async () => {
    await page.getByTestId('storage-tab-placement').click();
    await page.getByTestId('placement-plan').click();
    await expect(page.getByTestId('placement-summary')).toContainText('待上架 3 份');
    await expect(page.getByTestId('placement-runs')).toContainText(COMMUNITY.name);
    await page.getByTestId('placement-commit').click();
    await expect(page.getByTestId('placement-result')).toHaveAttribute('data-committed', 'true');
  });

  await test.step('locate by archive number with a scan (code + Enter), Alt+3 opens the tab', async () => {
    await page.keyboard.press('Alt+3');
    const box = page.getByTestId('locate-query');
    await expect(box).toBeFocused();
    await box.pressSequentially(archiveNos[1] ?? '');
    await box.press('Enter');
    await expect(page.getByTestId('locate-archive-no')).toHaveText(archiveNos[1] ?? '');
    await expect(page.getByTestId('locate-status')).toHaveText('在架');
    await expect(page.getByTestId('locate-place')).toContainText('一号库房');
    await expect(page.getByTestId('locate-diagram-shelf')).toHaveCount(1);
    await expect(box).toBeFocused(); // ready for the next scan
  });

  await test.step('spine labels for two pasted archive numbers: a PDF shown in the app', async () => {
    await page.getByTestId('storage-tab-labels').click();
    await page.getByTestId('label-list').fill(`${archiveNos[0]}\n${archiveNos[2]}\n`);
    await page.getByTestId('label-choose').click();
    await expect(page.getByTestId('label-count')).toHaveText('2');
    await page.getByTestId('label-print').click();
    await expect(page.getByTestId('document-frame')).toBeVisible({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('document-dialog')).toHaveCount(0);
    expect(cspViolations).toEqual([]);
  });

  await test.step('stocktake: scan two of three at their shelf, finish, one missing', async () => {
    await page.getByTestId('storage-tab-stocktake').click();
    await page.getByTestId('stocktake-new').click();
    await page.getByTestId('stocktake-start').click();
    const scan = page.getByTestId('stocktake-scan');
    await expect(scan).toBeFocused();
    await expect(page.getByTestId('stocktake-progress')).toContainText('应有 3 份');
    for (const no of [archiveNos[0], archiveNos[2]]) {
      await scan.pressSequentially(no ?? '');
      await scan.press('Enter');
    }
    await expect(page.getByTestId('stocktake-count-found')).toHaveText('在位 2');
    await expect(page.getByTestId('stocktake-scan-panel')).toHaveAttribute('data-outcome', 'found');
    await scan.pressSequentially('NOT-A-NUMBER');
    await scan.press('Enter');
    await expect(page.getByTestId('stocktake-scan-panel')).toHaveAttribute('data-outcome', 'rejected');
    await expect(scan).toBeFocused();
    page.once('dialog', (d) => void d.accept()); // "1 份未扫到，结束后记为缺失"
    await page.getByTestId('stocktake-finish').click();
    await expect(page.getByTestId('report-found')).toHaveText('2');
    await expect(page.getByTestId('report-missing')).toHaveText('1');
    await expect(page.getByTestId('stocktake-report')).toContainText(archiveNos[1] ?? '');
  });
});
