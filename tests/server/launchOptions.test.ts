import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs, resolveUserDataDir } from '../../electron/services/server/launchOptions';

describe('launcher flags', () => {
  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(parseLaunchArgs(['--browser', '--port', '8123', '--url-file=/tmp/u.txt', '--user-data', 'rel/dir'])).toEqual({
      browser: true,
      port: 8123,
      urlFile: '/tmp/u.txt',
      userDataDir: path.resolve('rel/dir'),
    });
    expect(parseLaunchArgs([])).toEqual({ browser: false, port: undefined, urlFile: undefined, userDataDir: undefined });
  });

  it('refuses unknown flags, missing values and bad ports in Chinese', () => {
    expect(() => parseLaunchArgs(['--brwoser'])).toThrow(/不认识的参数“--brwoser”/);
    expect(() => parseLaunchArgs(['--port'])).toThrow(/缺少取值/);
    expect(() => parseLaunchArgs(['--port', '70000'])).toThrow(/端口应为 1–65535/);
    expect(() => parseLaunchArgs(['--port', 'abc'])).toThrow(/端口/);
  });
});

describe('user-data folder', () => {
  it('prefers the flag, then ARCHIVEDESK_USER_DATA', () => {
    expect(resolveUserDataDir('/flag', { ARCHIVEDESK_USER_DATA: '/env' })).toBe('/flag');
    expect(resolveUserDataDir(undefined, { ARCHIVEDESK_USER_DATA: '/env' })).toBe('/env');
  });

  it('follows each OS convention otherwise', () => {
    expect(resolveUserDataDir(undefined, {}, 'linux', '/home/zhang')).toBe('/home/zhang/.config/ArchiveDesk');
    expect(resolveUserDataDir(undefined, { XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/zhang')).toBe('/xdg/ArchiveDesk');
    expect(resolveUserDataDir(undefined, { APPDATA: 'C:\\Users\\zhang\\AppData\\Roaming' }, 'win32', 'C:\\Users\\zhang')).toBe(
      'C:\\Users\\zhang\\AppData\\Roaming\\ArchiveDesk',
    );
    expect(resolveUserDataDir(undefined, {}, 'darwin', '/Users/zhang')).toBe('/Users/zhang/Library/Application Support/ArchiveDesk');
  });
});
