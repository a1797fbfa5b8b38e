import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireLock, LOCK_FILE } from '../../electron/services/store/lock';
import { killed, spawnTs, waitForOutput } from './childProcess';
import { appError, removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

describe('workspace lock', () => {
  test('a second holder gets WORKSPACE_BUSY naming the process; release frees it', async () => {
    const dir = tempDir();
    const lock = acquireLock(dir);
    const info = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    expect(typeof info.startedAt).toBe('string');
    const err = await appError(() => acquireLock(dir));
    expect(err.code).toBe('WORKSPACE_BUSY');
    expect(err.message).toBe(`该档案库正被另一个程序使用（进程 ${process.pid}）。请先关闭另一个窗口或程序，再重试。`);
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    acquireLock(dir).release();
  });

  test('a live process in another program holds it; once SIGKILLed its lock is taken over', async () => {
    const dir = tempDir();
    const child = spawnTs('holdLock.ts', [dir]);
    try {
      await waitForOutput(child, /locked \d+/);
      const busy = await appError(() => acquireLock(dir));
      expect(busy.code).toBe('WORKSPACE_BUSY');
      expect(busy.message).toContain(`进程 ${child.pid}`);
    } finally {
      await killed(child);
    }
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(child.pid);
    const lock = acquireLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  test('an empty lock file (crash between create and write) is taken over once it is old', async () => {
    const dir = tempDir();
    const file = path.join(dir, LOCK_FILE);
    fs.writeFileSync(file, '');
    expect((await appError(() => acquireLock(dir))).code).toBe('WORKSPACE_BUSY');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    acquireLock(dir).release();
  });

  test('release does not remove a lock that is no longer ours', () => {
    const dir = tempDir();
    const lock = acquireLock(dir);
    const file = path.join(dir, LOCK_FILE);
    fs.writeFileSync(file, JSON.stringify({ pid: 1, hostname: os.hostname(), startedAt: '', token: 'other' }));
    lock.release();
    expect(fs.existsSync(file)).toBe(true);
  });
});
