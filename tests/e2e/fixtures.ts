/**
 * Playwright fixtures: a fresh user-data folder per test and a `launcher` that starts (and, at the
 * end, stops) the browser-mode app on it. A test may stop and start it again on the same folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { startLauncher, type RunningLauncher } from './launcher';

export interface LauncherControl {
  userDataDir: string;
  start(): Promise<RunningLauncher>;
  /** Stops the running launcher and asserts nothing: the caller checks the exit code. */
  stop(): Promise<number | null>;
}

export const test = base.extend<{ launcher: LauncherControl }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  launcher: async ({}, use, testInfo) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-e2e-'));
    const userDataDir = path.join(root, 'user-data');
    let running: RunningLauncher | null = null;
    const control: LauncherControl = {
      userDataDir,
      start: async () => {
        if (running) throw new Error('启动器已在运行');
        running = await startLauncher(userDataDir, root);
        return running;
      },
      stop: async () => {
        const r = running;
        running = null;
        return r ? r.stop() : null;
      },
    };
    await use(control);
    const last = running as RunningLauncher | null;
    if (last) {
      const log = last.output();
      await control.stop();
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('launcher-output', { body: log, contentType: 'text/plain' });
    }
    fs.rmSync(root, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
