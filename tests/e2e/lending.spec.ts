/**
 * 查借阅 end to end in a real browser: a clerk files a request (a bad reader ID is caught as typed),
 * a supervisor — a different login — approves it from the home page, the clerk checks the file out
 * by scanning its archive number and takes it back in by scan, and the 登记簿 PDF, downloaded from
 * the page, lists the reader, the file and the check-out and return times (read with pdftotext).
 *
 * A second test covers the settings, the own-request blocker and a transfer out with its notice.
 *
 * Holdings are made before the launcher starts, through the real core on the same user-data folder:
 * intake's own services receive the files (roster, desk count, acceptance); only the scanned pages
 * are written directly, as digitization would leave them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { Core } from '../../electron/services/core/core';
import { checkDigitFor } from '../../shared/idNumber';
import type { LendingRequestDetail } from '../../shared/lendingTypes';
import { expect, test } from './fixtures';

const ADMIN = { name: 'admin', displayName: '王档案', password: 'Dangan#2024-test' };
const CLERK = { name: 'clerk1', displayName: '李档案', password: 'clerk-password-1' };
const SUPERVISOR = { name: 'sup1', displayName: '张主管', password: 'super-password-1' };
const HOLDER = { name: '张淑芬', idNumber: withCheck('11010519491231002') };
const SECOND = { name: '李明', idNumber: withCheck('11010519520605003') };
const READER = { name: '周经办', idNumber: withCheck('11010519800101555'), unit: '城关街道社保所', contact: '13800000000' };

function withCheck(first17: string): string {
  return first17 + checkDigitFor(first17);
}

/** A scanned page with its number printed large, so the viewer visibly shows which page it is. */
function pageJpeg(n: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="620" height="877"><rect width="100%" height="100%" fill="#fff"/><text x="310" y="440" font-size="80" text-anchor="middle" font-family="DejaVu Sans">PAGE ${n}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

interface Held {
  holder: string;
  second: string;
}

/**
 * A workspace with admin, a clerk and a supervisor; two files received through intake (roster,
 * desk count, acceptance: the archive numbers are intake's); the first file's volume 1 scanned
 * (3 pages: page 1 class 1, pages 2–3 class 4). Closed afterwards so the launcher can open it.
 */
async function seedWorkspace(userDataDir: string): Promise<Held> {
  process.env.ARCHIVEDESK_FAST_KDF = '1'; // test-only scrypt cost, the same the launcher is given
  const core = new Core({ mode: 'cli', userDataDir, version: 'e2e' });
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = (await core.call('seed', method as never, input as never)) as { ok: boolean; value?: T; error?: { message: string } };
    if (!r.ok) throw new Error(`${method}: ${r.error?.message ?? ''}`);
    return r.value as T;
  };
  try {
    await call('workspace.create', { adminName: ADMIN.name, adminDisplayName: ADMIN.displayName, password: ADMIN.password });
    const town = await call<{ id: number }>('town.add', { code: '01', name: '城关街道' });
    await call('community.add', { townId: town.id, code: '001', name: '东关社区' });
    await call('user.add', { ...CLERK, role: 'clerk' });
    await call('user.add', { ...SUPERVISOR, role: 'supervisor' });

    const roster = path.join(path.dirname(userDataDir), 'roster.csv');
    fs.writeFileSync(roster, `序号,姓名,身份证号,乡镇（街道）,社区,档案卷数,页数\n1,${HOLDER.name},${HOLDER.idNumber},城关街道,东关社区,2,80\n2,${SECOND.name},${SECOND.idNumber},城关街道,东关社区,1,40\n`);
    const batch = await call<{ id: number }>('intake.batch.create', { enterprise: '第一棉纺厂', deliveredBy: '刘送交', deliveredOn: '2026-11-02' });
    await call('intake.roster.import', { batchId: batch.id, file: roster });
    await call('intake.desk.record', { batchId: batch.id, idNumber: HOLDER.idNumber, volumes: 2, pages: 80 });
    await call('intake.desk.record', { batchId: batch.id, idNumber: SECOND.idNumber, volumes: 1, pages: 40 });
    const accepted = await call<{ files: { archiveNo: string; personId: number; name: string }[] }>('intake.batch.accept', { batchId: batch.id, overrideNote: '端到端测试：纸质档案，无数字副本' });
    const holder = accepted.files.find((f) => f.name === HOLDER.name);
    const second = accepted.files.find((f) => f.name === SECOND.name);
    if (!holder || !second) throw new Error(`intake accepted ${JSON.stringify(accepted.files)}`);

    // The scan as digitization leaves it (its own e2e covers how): volume, page rows, encrypted images, item starts.
    const at = new Date().toISOString();
    const store = core.workspace.require().store;
    const blobs = await Promise.all([1, 2, 3].map(async (n) => store.blobs.put(await pageJpeg(n))));
    store.write((tx) => {
      const volumeId = tx.run("INSERT INTO volumes (person_id, volume_no, scheme, status, created_at, updated_at) VALUES (?, 1, 'enterprise', 'accepted', ?, ?)", [holder.personId, at, at]).lastInsertRowid;
      const pageIds = blobs.map(
        (blob, i) =>
          tx.run(
            "INSERT INTO pages (volume_id, position, source, image_blob, thumb_blob, sha256, width, height, dpi, created_at, updated_at) VALUES (?, ?, 'seed', ?, ?, 'x', 620, 877, 300, ?, ?)",
            [volumeId, i + 1, blob, blob, at, at],
          ).lastInsertRowid,
      );
      for (const [cls, start] of [['1', pageIds[0] ?? null], ['4', pageIds[1] ?? null]] as const) {
        tx.run("INSERT INTO item_list (person_id, volume_no, class_code, item_no, title, pages, volume_id, start_page_id) VALUES (?, 1, ?, 1, '材料', 1, ?, ?)", [holder.personId, cls, volumeId, start]);
      }
    });
    return { holder: holder.archiveNo, second: second.archiveNo };
  } finally {
    await core.close();
  }
}

async function logIn(page: Page, user: { name: string; displayName: string; password: string }): Promise<void> {
  await expect(page.getByTestId('login-name')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('login-name').fill(user.name);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-user')).toContainText(user.displayName, { timeout: 30_000 });
}

async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout-button').click();
  await expect(page.getByTestId('login-name')).toBeVisible();
}

/** The request as the services see it, through the page's own session. */
async function requestByNo(page: Page, requestNo: string): Promise<LendingRequestDetail> {
  return page.evaluate(async (no) => {
    const post = async (method: string, payload: unknown) => {
      const res = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, payload }) });
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
      return body.value;
    };
    const list = (await post('lending.request.list', { query: no })) as { rows: { id: number; requestNo: string }[] };
    const row = list.rows.find((r) => r.requestNo === no);
    if (!row) throw new Error(`request ${no} not listed`);
    return (await post('lending.request.get', { id: row.id })) as LendingRequestDetail;
  }, requestNo);
}

/** 'YYYY-MM-DD HH:mm' in China Standard Time, as the register prints times. */
function cst(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

test('a clerk files requests, a supervisor approves them, the file is viewed, goes out and back, the register lists it', async ({ page, launcher }) => {
  const held = await seedWorkspace(launcher.userDataDir);
  const app = await launcher.start();
  await page.goto(app.url);
  let requestNo = '';
  let viewNo = '';
  let checkoutStarted = 0;

  await test.step('clerk files a request; a bad reader ID is caught as typed', async () => {
    await logIn(page, CLERK);
    await page.getByTestId('nav-lending').click();
    await page.getByTestId('ld-tab-request').click();
    await page.getByTestId('ld-type').selectOption('借阅');
    await page.getByTestId('ld-purpose').selectOption('享受政策待遇');
    await page.getByTestId('ld-unit').fill(READER.unit);
    await page.getByTestId('ld-letter').fill('城社函〔2026〕12号');
    await page.getByTestId('ld-reader-0-name').fill(READER.name);
    const badId = READER.idNumber.slice(0, 17) + (READER.idNumber.endsWith('1') ? '2' : '1');
    await page.getByTestId('ld-reader-0-id').fill(badId);
    await expect(page.getByTestId('ld-reader-0-id-error')).toContainText('校验');
    await page.getByTestId('ld-reader-0-id').fill(READER.idNumber);
    await expect(page.getByTestId('ld-reader-0-id-error')).toHaveCount(0);
    await page.getByTestId('ld-reader-0-unit').fill(READER.unit);
    await page.getByTestId('ld-reader-0-contact').fill(READER.contact);
    // A scanner types the archive number and Enter: the file is added and the box is ready again.
    await page.getByTestId('ld-file-search').fill(held.holder.toLowerCase());
    await page.getByTestId('ld-file-search').press('Enter');
    await expect(page.getByTestId(`ld-chosen-${held.holder}`)).toContainText(HOLDER.name);
    await expect(page.getByTestId('ld-file-search')).toBeFocused();
    await expect(page.getByTestId('ld-file-search')).toHaveValue('');
    // A period over the limit asks for a note, inline, before anything is sent.
    const from = await page.getByTestId('ld-from').inputValue();
    const over = new Date(Date.parse(`${from}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const due = await page.getByTestId('ld-to').inputValue();
    await page.getByTestId('ld-to').fill(over);
    await expect(page.getByTestId('ld-period-error')).toContainText('备注');
    await page.getByTestId('ld-to').fill(due);
    await expect(page.getByTestId('ld-period-error')).toHaveCount(0);
    await page.getByTestId('ld-request-submit').click();
    await expect(page.getByTestId('ld-request-created')).toBeVisible();
    requestNo = (await page.getByTestId('ld-request-created').locator('.mono').innerText()).trim();
    expect(requestNo).not.toBe('');
  });

  await test.step('clerk files an electronic viewing request narrowed to class 4', async () => {
    await page.getByTestId('ld-type').selectOption('电子查阅');
    await page.getByTestId('ld-purpose').selectOption('其他');
    await page.getByTestId('ld-purpose-other').fill('核对工龄');
    await page.getByTestId('ld-unit').fill(READER.unit);
    await page.getByTestId('ld-reader-0-name').fill(READER.name);
    await page.getByTestId('ld-reader-0-id').fill(READER.idNumber);
    await page.getByTestId('ld-reader-0-unit').fill(READER.unit);
    await page.getByTestId('ld-reader-0-contact').fill(READER.contact);
    await page.getByTestId('ld-file-search').fill(HOLDER.name);
    await page.getByTestId('ld-file-search').press('Enter');
    await page.getByTestId(`ld-file-add-${held.holder}`).click();
    await page.getByTestId(`ld-chosen-${held.holder}`).getByLabel('4').check();
    const before = requestNo;
    await page.getByTestId('ld-request-submit').click();
    await expect(page.getByTestId('ld-request-created').locator('.mono')).not.toHaveText(before);
    viewNo = (await page.getByTestId('ld-request-created').locator('.mono').innerText()).trim();
    await logOut(page);
  });

  await test.step('a supervisor approves both from the home page', async () => {
    await logIn(page, SUPERVISOR);
    for (const no of [requestNo, viewNo]) {
      const row = page.getByTestId('home-approval-queue').getByTestId(`ld-row-${no}`);
      await expect(row).toContainText(READER.name);
      await row.click();
      await expect(page.getByTestId('ld-request-detail')).toContainText(held.holder);
      await expect(page.getByTestId('ld-approval-blocker')).toHaveCount(0);
      await page.getByTestId('ld-opinion').fill('同意，按期归还。');
      // The second one from the keyboard: Ctrl+Enter approves.
      if (no === viewNo) await page.getByTestId('ld-opinion').press('Control+Enter');
      else await page.getByTestId('ld-approve').click();
      await expect(page.getByTestId('ld-approval-done')).toContainText('已批准');
      await page.getByTestId('ld-approval-close').click();
      await expect(page.getByTestId('home-approval-queue').getByTestId(`ld-row-${no}`)).toHaveCount(0);
    }
    await logOut(page);
  });

  await test.step('the clerk views only the approved pages, watermarked, and makes a copy', async () => {
    await logIn(page, CLERK);
    await page.getByTestId('nav-lending').click();
    await page.getByTestId('ld-tab-view').click();
    const option = page.getByTestId('ld-view-request').locator('option', { hasText: viewNo });
    await page.getByTestId('ld-view-request').selectOption((await option.getAttribute('value')) ?? '');
    // Class 4 starts at the second scanned page: two of the three pages are approved.
    await expect(page.getByTestId('ld-view-position')).toHaveText('1 / 2');
    await expect(page.getByTestId('ld-view-image')).toBeVisible();
    await expect(page.getByTestId('ld-watermark').first()).toContainText(viewNo);
    await expect(page.getByTestId('ld-watermark').first()).toContainText(READER.name);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('ld-view-position')).toHaveText('2 / 2');
    await expect(page.getByTestId('ld-view-image')).toHaveAttribute('alt', /第 3 张/);
    await page.getByTestId('ld-view-pick-0').check();
    await page.getByTestId('ld-view-pick-1').check();
    await page.getByTestId('ld-view-copy').click();
    await expect(page.getByTestId('document-dialog')).toBeVisible();
    await page.getByTestId('document-close').click();
  });

  await test.step('the clerk checks the file out by scan, then takes it back by scan', async () => {
    await page.getByTestId('nav-home').click();
    await expect(page.getByTestId('home-my-requests').getByTestId(`ld-row-${requestNo}`)).toHaveAttribute('data-status', 'approved');
    await page.getByTestId('nav-lending').click();
    await page.getByTestId('ld-tab-desk').click();
    const option = page.getByTestId('ld-checkout-request').locator('option', { hasText: requestNo });
    await page.getByTestId('ld-checkout-request').selectOption((await option.getAttribute('value')) ?? '');
    await expect(page.getByTestId('ld-checkout-scan')).toBeFocused();
    await page.getByTestId('ld-checkout-scan').fill('CCSRS-99-999-9999');
    await page.getByTestId('ld-checkout-scan').press('Enter');
    await expect(page.getByTestId('ld-checkout').getByTestId('form-error')).toContainText('不在这份申请');
    await page.getByTestId('ld-checkout-scan').fill(held.holder);
    await page.getByTestId('ld-checkout-scan').press('Enter');
    await expect(page.getByTestId('ld-checkout-scans')).toContainText(HOLDER.name);
    const due = await page.getByTestId('ld-checkout-due').inputValue();
    checkoutStarted = Date.now();
    await page.getByTestId('ld-checkout-confirm').click();
    await expect(page.getByTestId('ld-checkout-done')).toContainText(`应还 ${due}`);

    await page.getByTestId('ld-return-by').fill(READER.name);
    await page.getByTestId('ld-return-scan').fill(held.holder);
    await page.getByTestId('ld-return-scan').press('Enter');
    await expect(page.getByTestId('ld-return-log')).toContainText(held.holder);
    await expect(page.getByTestId('ld-return-scan')).toBeFocused();
  });

  await test.step('the register PDF lists the request with its check-out and return times', async () => {
    const r = await requestByNo(page, requestNo);
    const file = r.fileList[0];
    expect(r.status).toBe('completed');
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
    expect(file?.checkedOutAt).toMatch(iso);
    expect(file?.returnedAt).toMatch(iso);
    // The right times: taken while this test pressed the buttons, returned after it went out.
    const out = Date.parse(file?.checkedOutAt ?? '');
    const back = Date.parse(file?.returnedAt ?? '');
    expect(out).toBeGreaterThanOrEqual(checkoutStarted - 1000);
    expect(back).toBeGreaterThanOrEqual(out);
    expect(back).toBeLessThanOrEqual(Date.now());
    await page.getByTestId('ld-tab-register').click();
    await page.getByTestId('ld-register-pdf').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('ld-register-doc').getByTestId('document-download').click();
    const pdf = test.info().outputPath('register.pdf');
    await (await download).saveAs(pdf);
    // -raw keeps each table cell's wrapped lines together (content order), so values read whole.
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    for (const s of [requestNo, READER.name, READER.unit, HOLDER.name, held.holder, CLERK.displayName, SUPERVISOR.displayName]) {
      expect(flat, `登记簿应列出「${s}」`).toContain(s.replace(/\s+/g, ''));
    }
    for (const at of [file?.checkedOutAt ?? '', file?.returnedAt ?? '']) {
      expect(flat, `登记簿应列出时间 ${cst(at)}`).toContain(cst(at).replace(/\s+/g, ''));
    }
    // The same register as .xlsx: stored, offered for download and save-as.
    await page.getByTestId('ld-register-xlsx').click();
    await expect(page.getByTestId('ld-register-doc')).toContainText('.xlsx');
    await expect(page.getByTestId('ld-register-doc').getByTestId('document-download')).toHaveAttribute('download', /\.xlsx$/);
  });
});

test('settings, the own-request blocker, and a transfer out with its notice', async ({ page, launcher }) => {
  const held = await seedWorkspace(launcher.userDataDir);
  const app = await launcher.start();
  await page.goto(app.url);
  await logIn(page, ADMIN);
  await page.getByTestId('nav-lending').click();

  await test.step('settings: a 5-day limit and second-level approval', async () => {
    await page.getByTestId('ld-tab-settings').click();
    await page.getByTestId('ld-set-limit').fill('0');
    await page.getByTestId('ld-set-save').click();
    await expect(page.getByTestId('form-error')).toContainText('1–90');
    await page.getByTestId('ld-set-limit').fill('5');
    await page.getByTestId('ld-set-second').check();
    await page.getByTestId('ld-set-save').click();
    await expect(page.getByTestId('ld-set-saved')).toBeVisible();
  });

  await test.step('the one who filed a request sees why they cannot approve it', async () => {
    await page.getByTestId('ld-tab-request').click();
    await expect(page.getByTestId('ld-request-submit')).toBeVisible();
    await expect(page.locator('#ld-to').locator('..')).toContainText('规定不超过 5 天');
    await page.getByTestId('ld-unit').fill(READER.unit);
    await page.getByTestId('ld-reader-0-name').fill(READER.name);
    await page.getByTestId('ld-reader-0-id').fill(READER.idNumber);
    await page.getByTestId('ld-reader-0-unit').fill(READER.unit);
    await page.getByTestId('ld-reader-0-contact').fill(READER.contact);
    await page.getByTestId('ld-file-search').fill(held.holder);
    await page.getByTestId('ld-file-search').press('Enter');
    await expect(page.getByTestId(`ld-chosen-${held.holder}`)).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('ld-request-created')).toBeVisible();
    const no = (await page.getByTestId('ld-request-created').locator('.mono').innerText()).trim();
    await page.getByTestId('ld-tab-approve').click();
    await expect(page.getByTestId('ld-approval-queue').getByTestId(`ld-row-${no}`)).toHaveCount(0);
    await page.getByTestId('ld-approval-others').getByTestId(`ld-row-${no}`).click();
    await expect(page.getByTestId('ld-approval-blocker')).toContainText('本人登记');
    await expect(page.getByTestId('ld-approve')).toBeDisabled();
    await page.getByTestId('ld-approval-close').click();
  });

  await test.step('a transfer out makes the 转递通知单 and is listed with its receipt outstanding', async () => {
    await page.getByTestId('ld-tab-transfer').click();
    await page.getByTestId('ld-file-search').fill(held.second);
    await page.getByTestId('ld-file-search').press('Enter');
    await expect(page.getByTestId('ld-transfer-files')).toContainText(SECOND.name);
    await page.getByTestId('ld-transfer-unit').fill('长沙市芙蓉区人社局档案室');
    await page.getByTestId('ld-transfer-submit').click();
    await expect(page.getByTestId('document-dialog')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('document-close').click();
    const row = page.getByTestId('ld-transfer-list').locator('tr', { hasText: '长沙市芙蓉区人社局档案室' });
    await expect(row).toContainText(held.second);
    await expect(row).toContainText('未退回');
    // Its 回执 is awaited in the same list as intake's, on the home page.
    await page.getByTestId('nav-home').click();
    await expect(page.getByTestId('home-receipts')).toContainText('长沙市芙蓉区人社局档案室');
  });
});
