/**
 * The same journey through the Electron shell. Runs only where the Electron binary is installed;
 * offline machines (and CI here) cannot download it, and browser.spec.ts drives the same renderer
 * and core in Chromium instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../electron/services/server/electronBinary';
import { addRetirees, addTownAndCommunity, expectRetireeListed, firstRun, lockAndUnlock, logIn, logOut } from './flow';
import { REPO_ROOT } from './launcher';

const executablePath = findElectronBinary(REPO_ROOT);
const MAIN = path.join(REPO_ROOT, 'dist', 'electron', 'main.cjs');

async function launch(userDataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  const args = [MAIN];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox'); // Chromium refuses root without it
  const app = await electron.launch({
    executablePath: executablePath ?? undefined,
    args,
    env: { ...process.env, ARCHIVEDESK_USER_DATA: userDataDir, ARCHIVEDESK_FAST_KDF: '1' },
  });
  const page = await app.firstWindow();
  return { app, page };
}

/** Counts retirees through the preload bridge, as the page's own session. */
async function countRetirees(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const r = (await window.archiveDesk?.call('person.search', {})) as { ok: boolean; value?: { total: number } } | undefined;
    if (!r?.ok || !r.value) throw new Error(`person.search failed: ${JSON.stringify(r)}`);
    return r.value.total;
  });
}

test('first run, communities, retirees, lock, log out, restart — in Electron', async () => {
  test.skip(executablePath === null, '未找到 Electron 二进制（离线环境无法下载），已由 browser.spec.ts 覆盖同一渲染进程');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-e2e-electron-'));
  const userDataDir = path.join(root, 'user-data');
  let app: ElectronApplication | null = null;
  try {
    const first = await launch(userDataDir);
    app = first.app;
    const page = first.page;
    expect(await page.evaluate(() => window.archiveDesk?.platform)).toBe('electron');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');

    await firstRun(page);
    await addTownAndCommunity(page);
    await addRetirees(page, () => countRetirees(page));
    await lockAndUnlock(page);
    await logOut(page);
    await logIn(page);
    await expectRetireeListed(page);

    await app.close();
    app = null;
    const second = await launch(userDataDir);
    app = second.app;
    await logIn(second.page);
    await expectRetireeListed(second.page);
  } finally {
    await app?.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
