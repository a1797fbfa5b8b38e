/** Command-line flags of the launcher and where the per-user app folder lives. */
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export interface LaunchOptions {
  /** Use the browser mode even when Electron is available. */
  browser: boolean;
  port: number | undefined;
  /** Write the browser-mode URL to this file (tests read it). */
  urlFile: string | undefined;
  userDataDir: string | undefined;
}

const USAGE = '用法：npm start -- [--browser] [--port 端口] [--url-file 文件] [--user-data 文件夹]';

export function parseLaunchArgs(argv: readonly string[]): LaunchOptions {
  const opts: LaunchOptions = { browser: false, port: undefined, urlFile: undefined, userDataDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new AppError('VALIDATION', `参数 ${flag} 后面缺少取值。${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--browser':
        opts.browser = true;
        break;
      case '--port': {
        const raw = value();
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 1 || n > 65535) throw new AppError('VALIDATION', `端口应为 1–65535 之间的整数，收到的是“${raw}”。`);
        opts.port = n;
        break;
      }
      case '--url-file':
        opts.urlFile = path.resolve(value());
        break;
      case '--user-data':
        opts.userDataDir = path.resolve(value());
        break;
      default:
        throw new AppError('VALIDATION', `不认识的参数“${arg}”。${USAGE}`);
    }
  }
  return opts;
}

/**
 * The per-user app folder: --user-data, else ARCHIVEDESK_USER_DATA, else the OS convention, which
 * matches Electron's app.getPath('userData') for productName ArchiveDesk so both modes share it.
 */
export function resolveUserDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (flag) return flag;
  if (env.ARCHIVEDESK_USER_DATA) return path.resolve(env.ARCHIVEDESK_USER_DATA);
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'ArchiveDesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'ArchiveDesk');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'ArchiveDesk');
}
