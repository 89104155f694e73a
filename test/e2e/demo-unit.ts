import type { Page } from 'playwright-core';
import type { HarnessApp } from '../harness/app';

/** A demo unit's account, with the password `setup.demo` generated for this run. */
export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly role: string;
}

export interface DemoUnit {
  readonly officer: DemoAccount;
  readonly supervisor: DemoAccount;
  readonly administrator: DemoAccount;
}

function byRole(accounts: readonly DemoAccount[], role: string): DemoAccount {
  const found = accounts.find((candidate) => candidate.role === role);
  if (!found) throw new Error(`no demo ${role} in ${JSON.stringify(accounts.map((entry) => entry.role))}`);
  return found;
}

/** Creates the training unit through the contract (setup.demo logs its administrator in) and names its accounts by role. */
export async function createDemoUnit(app: HarnessApp): Promise<DemoUnit> {
  const created = await app.backend.services.invoke('setup.demo', undefined);
  if (!created.ok) throw new Error(`demo setup failed: ${JSON.stringify(created.error)}`);
  const { accounts } = created.value as { accounts: DemoAccount[] };
  return { officer: byRole(accounts, 'officer'), supervisor: byRole(accounts, 'supervisor'), administrator: byRole(accounts, 'administrator') };
}

/**
 * Logs out through the user menu (the screens unmount before the session
 * ends, so no request of theirs is cut off) and logs in as `user`.
 */
export async function switchUser(page: Page, user: DemoAccount): Promise<void> {
  await page.locator('.user-menu').getByRole('button', { name: 'Log out', exact: true }).click();
  await page.locator('.auth-screen[data-screen="login"]').waitFor();
  await page.locator('.auth-screen').getByLabel('User name', { exact: true }).fill(user.username);
  await page.locator('.auth-screen').getByLabel('Password', { exact: true }).fill(user.password);
  await page.keyboard.press('Enter');
  await page.locator('main[data-section] h1').waitFor();
}

/** Calls the services behind the page directly (set-up steps and checks, not what is under test). */
export async function invokeOk<T>(app: HarnessApp, channel: string, input: unknown): Promise<T> {
  const result = await app.backend.services.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
