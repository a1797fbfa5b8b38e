/**
 * The user journey both end-to-end specs walk (browser mode and Electron share one renderer), as
 * small steps on a Page, using only the renderer's data-testids.
 */
import { expect, type Page } from '@playwright/test';
import { checkDigitFor } from '../../shared/idNumber';

export const ADMIN = { name: 'admin', displayName: '王档案', password: 'Dangan#2024-test' };
export const TOWN = { code: '01', name: '城关街道' };
export const COMMUNITY = { code: '001', name: '东关社区' };

const FIRST17 = '11010519491231002';
const CHECK = checkDigitFor(FIRST17);
/** A valid 居民身份证号 (born 1949-12-31, female) and the same number with a wrong check digit. */
export const GOOD_ID = `${FIRST17}${CHECK}`;
export const BAD_ID = `${FIRST17}${CHECK === '1' ? '2' : '1'}`;
export const RETIREE = '张淑芬';

export async function firstRun(page: Page): Promise<void> {
  await expect(page.getByTestId('setup-dir')).toBeVisible();
  await expect(page.getByTestId('setup-dir')).not.toHaveValue('');
  await page.getByTestId('setup-admin-name').fill(ADMIN.name);
  await page.getByTestId('setup-admin-display').fill(ADMIN.displayName);
  await page.getByTestId('setup-password').fill(ADMIN.password);
  await page.getByTestId('setup-password2').fill(ADMIN.password);
  await page.getByTestId('setup-submit').click();

  const key = page.getByTestId('recovery-key');
  await expect(key).toBeVisible({ timeout: 30_000 });
  expect((await key.innerText()).trim().length).toBeGreaterThanOrEqual(20);
  await expect(page.getByTestId('recovery-continue')).toBeDisabled();
  await page.getByTestId('recovery-confirm').check();
  await page.getByTestId('recovery-continue').click();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName);
}

export async function addTownAndCommunity(page: Page): Promise<void> {
  await page.getByTestId('nav-communities').click();
  await page.getByTestId('town-code').fill(TOWN.code);
  await page.getByTestId('town-name').fill(TOWN.name);
  await page.getByTestId('town-add').click();
  await expect(page.getByTestId('town-list')).toContainText(TOWN.name);

  await page.getByTestId('community-town').selectOption({ label: TOWN.name });
  await page.getByTestId('community-code').fill(COMMUNITY.code);
  await page.getByTestId('community-name').fill(COMMUNITY.name);
  await page.getByTestId('community-add').click();
  await expect(page.getByTestId('community-list')).toContainText(COMMUNITY.name);
}

async function fillRetiree(page: Page, idNumber: string): Promise<void> {
  await page.getByTestId('person-add').click();
  await page.getByTestId('person-name').fill(RETIREE);
  await page.getByTestId('person-id').fill(idNumber);
  await page.getByTestId('person-community').selectOption({ label: COMMUNITY.name });
  await page.getByTestId('person-phone').fill('13800138000');
  await page.getByTestId('person-save').click();
}

/** A wrong check digit is shown as an error and nothing is saved; the right one is saved and listed. */
export async function addRetirees(page: Page, countRetirees: () => Promise<number>): Promise<void> {
  await page.getByTestId('nav-persons').click();
  await expect(page.getByTestId('person-table')).toBeVisible();

  await fillRetiree(page, BAD_ID);
  await expect(page.getByTestId('person-id-error')).toContainText('校验位');
  await page.getByTestId('person-cancel').click();
  await expect(page.getByTestId('person-table').getByText(RETIREE)).toHaveCount(0);
  expect(await countRetirees()).toBe(0);

  await fillRetiree(page, GOOD_ID);
  const row = page.getByTestId('person-table').locator('tr', { hasText: RETIREE });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(GOOD_ID);
  await expect(row).toContainText(COMMUNITY.name);
  expect(await countRetirees()).toBe(1);
}

export async function lockAndUnlock(page: Page): Promise<void> {
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('unlock-password')).toBeVisible();
  // The shell stays mounted under the lock screen; it must not be visible.
  await expect(page.getByTestId('person-table')).not.toBeVisible();
  await page.getByTestId('unlock-password').fill('not-the-password');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('form-error')).toBeVisible();
  await page.getByTestId('unlock-password').fill(ADMIN.password);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName);
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout-button').click();
  await expect(page.getByTestId('login-name')).toBeVisible();
}

export async function logIn(page: Page): Promise<void> {
  await expect(page.getByTestId('login-name')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('login-name').fill(ADMIN.name);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName, { timeout: 30_000 });
}

export async function expectRetireeListed(page: Page): Promise<void> {
  await page.getByTestId('nav-persons').click();
  const row = page.getByTestId('person-table').locator('tr', { hasText: RETIREE });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(GOOD_ID);
}
