/**
 * Browser mode end to end: the launcher as `npm start` runs it where Electron is unavailable, the
 * real renderer in Chromium, the real core in its worker, a real encrypted workspace on disk.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addRetirees, addTownAndCommunity, expectRetireeListed, firstRun, lockAndUnlock, logIn, logOut } from './flow';

/** Counts retirees through the same HTTP endpoint the renderer uses, as the page's own session. */
async function countRetirees(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'person.search', payload: {} }),
    });
    const body = (await res.json()) as { ok: boolean; value?: { total: number } };
    if (!body.ok || !body.value) throw new Error(`person.search failed: ${JSON.stringify(body)}`);
    return body.value.total;
  });
}

test('first run, communities, retirees, lock, log out, restart — in a real browser', async ({ page, launcher }) => {
  const first = await launcher.start();
  expect(first.output()).toMatch(/浏览器模式：请在浏览器中打开 http:\/\/127\.0\.0\.1:\d+\/\?token=/);

  await test.step('without the token the server refuses', async () => {
    const res = await page.request.get(new URL('/', first.url).toString());
    expect(res.status()).toBe(403);
  });

  await page.goto(first.url);
  expect(new URL(page.url()).search).toBe(''); // the token leaves the address bar at once

  await test.step('first run: workspace, admin, recovery key', () => firstRun(page));
  await test.step('add a town and a community', () => addTownAndCommunity(page));
  await test.step('a bad ID number is refused, a good one is saved', () => addRetirees(page, () => countRetirees(page)));
  await test.step('lock and unlock', () => lockAndUnlock(page));
  await test.step('log out and log in again', async () => {
    await logOut(page);
    await page.getByTestId('login-name').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('form-error')).toBeVisible();
    await logIn(page);
    await expectRetireeListed(page);
  });

  await test.step('restart on the same user data: login screen, data still there', async () => {
    expect(await launcher.stop()).toBe(0);
    const second = await launcher.start();
    expect(second.url).not.toBe(first.url);
    await page.goto(second.url);
    await logIn(page);
    await expectRetireeListed(page);
    expect(await countRetirees(page)).toBe(1);
  });
});
