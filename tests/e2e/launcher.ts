/**
 * Starts the built launcher in browser mode (`node dist/electron/launcher.cjs --browser`) on a
 * given user-data folder, the way a user runs `npm start` without Electron, and stops it the way
 * Ctrl+C does, so the workspace lock is released before the next start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const LAUNCHER = path.join(REPO_ROOT, 'dist', 'electron', 'launcher.cjs');

export interface RunningLauncher {
  url: string;
  /** Everything the launcher printed so far (stdout then stderr). */
  output(): string;
  /** SIGTERM, then wait for exit; resolves to the exit code. */
  stop(): Promise<number | null>;
}

export async function startLauncher(userDataDir: string, runDir: string): Promise<RunningLauncher> {
  if (!fs.existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} 不存在：请先运行 npm run build`);
  const urlFile = path.join(runDir, `url-${Date.now()}.txt`);
  const child = spawn(process.execPath, [LAUNCHER, '--browser', '--url-file', urlFile], {
    cwd: REPO_ROOT,
    env: { ...process.env, ARCHIVEDESK_USER_DATA: userDataDir, ARCHIVEDESK_FAST_KDF: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const output = () => `${stdout}${stderr}`;

  const deadline = Date.now() + 30_000;
  while (!fs.existsSync(urlFile)) {
    if (child.exitCode !== null) throw new Error(`启动器提前退出（${child.exitCode}）：\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`启动器 30 秒内未给出地址：\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = fs.readFileSync(urlFile, 'utf8').trim();
  // The printed line travels through a pipe and may arrive after the file appears.
  while (!output().includes(url) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return { url, output, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}
