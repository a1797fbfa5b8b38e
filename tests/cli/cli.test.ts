import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { makeId } from '../helpers/core';
import { tempDir } from '../helpers/temp';

const PW = { ARCHIVE_PASSWORD: 'cli-admin-pass' };

describe('CLI', () => {
  it('runs the documented workflow with exit codes and JSON output', () => {
    const data = path.join(tempDir(), 'ws');
    const init = cli(['init', '--data', data, '--admin', 'root', '--json'], PW);
    expect(init.code, init.stderr).toBe(0);
    const { recoveryKey } = JSON.parse(init.stdout) as { recoveryKey: string };
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4,}(-[0-9A-Z]{4,}){3,}$/);

    // Password from standard input when the variable is absent.
    const town = cli(['town', 'add', '--data', data, '--code', '01', '--name', '城关街道'], {}, 'cli-admin-pass\n');
    expect(town.code, town.stderr).toBe(0);
    expect(cli(['community', 'add', '--data', data, '--town', '01', '--code', '001', '--name', '东风社区'], PW).code).toBe(0);

    const added = cli(['person', 'add', '--data', data, '--name', '张三', '--id', makeId(), '--community', '东风社区'], PW);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.trim()).toMatch(/^\d+$/);

    const good = makeId('19600101', '555');
    const badId = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const bad = cli(['person', 'add', '--data', data, '--name', '李四', '--id', badId, '--community', '东风社区'], PW);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('校验位');

    const user = cli(['user', 'add', '--data', data, '--name', 'clerk1', '--role', 'clerk'], { ...PW, NEW_USER_PASSWORD: 'clerk-pass-1' });
    expect(user.code, user.stderr).toBe(0);
    // A clerk may list but not add.
    const asClerk = { ARCHIVE_PASSWORD: 'clerk-pass-1' };
    const list = cli(['person', 'list', '--data', data, '--json', '--user', 'clerk1'], asClerk);
    expect(list.code, list.stderr).toBe(0);
    const people = JSON.parse(list.stdout) as { name: string; idNumber: string }[];
    expect(people.map((p) => p.name)).toEqual(['张三']);
    const denied = cli(['person', 'add', '--data', data, '--user', 'clerk1', '--name', '王五', '--id', makeId('19600101', '222'), '--community', '东风社区'], asClerk);
    expect(denied.code).toBe(1);

    const wrong = cli(['person', 'list', '--data', data], { ARCHIVE_PASSWORD: 'wrong-password' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('密码错误');

    const verify = cli(['verify', '--data', data, '--json'], PW);
    expect(verify.code, verify.stderr + verify.stdout).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  });

  it('backs up, restores, and verify exits 2 on a tampered workspace', () => {
    const root = tempDir();
    const data = path.join(root, 'ws');
    expect(cli(['init', '--data', data, '--admin', 'root'], PW).code).toBe(0);
    expect(cli(['town', 'add', '--data', data, '--code', '01', '--name', '城关街道'], PW).code).toBe(0);
    const backupFile = path.join(root, 'b.adbak');
    const backup = cli(['backup', '--data', data, '--to', backupFile], PW);
    expect(backup.code, backup.stderr).toBe(0);
    const verifyBackup = cli(['backup', 'verify', '--data', data, '--from', backupFile], PW);
    expect(verifyBackup.code, verifyBackup.stderr + verifyBackup.stdout).toBe(0);

    const restored = path.join(root, 'restored');
    const restore = cli(['restore', '--from', backupFile, '--data', restored]);
    expect(restore.code, restore.stderr).toBe(0);
    const towns = cli(['community', 'list', '--data', restored, '--json'], PW);
    expect(towns.code, towns.stderr).toBe(0);
    expect(cli(['restore', '--from', backupFile, '--data', restored]).code).toBe(1);

    // Flip a byte in every journal segment of the restored copy.
    for (const f of fs.readdirSync(restored).filter((n) => n.startsWith('journal-'))) {
      const p = path.join(restored, f);
      const buf = fs.readFileSync(p);
      if (buf.length < 40) continue;
      buf[buf.length - 5] = (buf[buf.length - 5] ?? 0) ^ 0xff;
      fs.writeFileSync(p, buf);
    }
    for (const f of fs.readdirSync(restored).filter((n) => n.startsWith('snapshot-'))) {
      const p = path.join(restored, f);
      const buf = fs.readFileSync(p);
      buf[buf.length - 5] = (buf[buf.length - 5] ?? 0) ^ 0xff;
      fs.writeFileSync(p, buf);
    }
    const v = cli(['verify', '--data', restored], PW);
    expect(v.code, v.stdout + v.stderr).toBe(2);
  });

  it('refuses a password given as an argument: there is no such option', () => {
    const r = cli(['init', '--data', tempDir(), '--admin', 'root', '--password', 'x']);
    expect(r.code).toBe(1);
  });
});
