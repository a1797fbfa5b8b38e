/**
 * `npm start`: opens the Electron app when its binary is installed; otherwise (or with --browser)
 * runs the same core in a worker thread and serves the same renderer to a browser on 127.0.0.1.
 * Deliberately does not import 'electron' — that import throws where the binary is missing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { version } from '../package.json';
import { AppError } from '../shared/errors';
import { startCoreWorker } from './services/core/index';
import { startBrowserServer } from './services/server/browserServer';
import { findElectronBinary } from './services/server/electronBinary';
import { withMallocArenaLimit } from './services/mallocArenas';
import { parseLaunchArgs, resolveUserDataDir, type LaunchOptions } from './services/server/launchOptions';

const runningFromSource = __filename.endsWith('.ts');
/** dist/electron when bundled; the repo's dist/electron when run from source through tsx. */
const bundleDir = runningFromSource ? path.join(__dirname, '..', 'dist', 'electron') : __dirname;
const rendererDir = path.join(bundleDir, '..', 'renderer');

function runElectron(exe: string, opts: LaunchOptions): void {
  const env = withMallocArenaLimit({ ...process.env });
  delete env.ELECTRON_RUN_AS_NODE;
  if (opts.userDataDir) env.ARCHIVEDESK_USER_DATA = opts.userDataDir;
  const child = spawn(exe, [path.join(bundleDir, 'main.cjs')], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (err) => {
    console.error(`无法启动 Electron（${exe}）：${err.message}。可改用 npm start -- --browser 以浏览器模式运行。`);
    process.exit(1);
  });
}

async function runBrowserMode(opts: LaunchOptions, electronFound: boolean): Promise<void> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new AppError('WORKSPACE_MISSING', `找不到界面文件 ${path.join(rendererDir, 'index.html')}，请先运行 npm run build。`);
  }
  const userDataDir = resolveUserDataDir(opts.userDataDir);
  fs.mkdirSync(userDataDir, { recursive: true });
  const host = startCoreWorker({ mode: 'browser', userDataDir, version });
  let server: Awaited<ReturnType<typeof startBrowserServer>>;
  try {
    server = await startBrowserServer({ host, staticDir: rendererDir, port: opts.port });
  } catch (err) {
    await host.close();
    throw err;
  }

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    // Close the door first so no call arrives while the core flushes and releases its lock.
    await server.close().catch(() => undefined);
    let code = 0;
    try {
      await host.close();
    } catch (err) {
      code = 1;
      console.error(`关闭工作区时出错：${err instanceof Error ? err.message : String(err)}`);
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const why = electronFound ? '已按 --browser 参数使用浏览器模式' : '未找到 Electron 程序（本机无法下载），已改用浏览器模式';
  console.log(`${why}：请在浏览器中打开 ${server.url}`);
  if (opts.urlFile) {
    // Write then rename, so a reader polling for the file never sees half a URL.
    fs.mkdirSync(path.dirname(opts.urlFile), { recursive: true });
    fs.writeFileSync(`${opts.urlFile}.tmp`, server.url);
    fs.renameSync(`${opts.urlFile}.tmp`, opts.urlFile);
  }
}

async function main(): Promise<void> {
  const opts = parseLaunchArgs(process.argv.slice(2));
  const exe = findElectronBinary(bundleDir);
  if (exe && !opts.browser) {
    runElectron(exe, opts);
    return;
  }
  await runBrowserMode(opts, exe !== null);
}

main().catch((err: unknown) => {
  console.error(err instanceof AppError ? err.message : `启动失败：${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exit(1);
});
