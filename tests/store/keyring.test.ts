import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createKeyring, generateDataKey, loadKeyring, RECOVERY_SLOT, userSlotId } from '../../electron/services/store/index';
import { appError, flipByte, removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

describe('keyring', () => {
  test('create, unwrap, reload from disk', () => {
    const dir = tempDir();
    const ring = createKeyring(dir);
    expect(ring.workspaceId).toMatch(/^[0-9a-f]{32}$/);
    const key = generateDataKey();
    expect(key.length).toBe(32);
    const slot = userSlotId(ring.workspaceId, 'admin');
    ring.setSlot(slot, 'pw-1', key);
    ring.setSlot(RECOVERY_SLOT, 'RECOV-ERYKE-Y0000', key);
    expect(ring.unwrap(slot, 'pw-1').equals(key)).toBe(true);
    const again = loadKeyring(dir);
    expect(again.workspaceId).toBe(ring.workspaceId);
    expect(again.slotIds()).toEqual([slot, RECOVERY_SLOT]);
    expect(again.unwrap(RECOVERY_SLOT, 'RECOV-ERYKE-Y0000').equals(key)).toBe(true);
  });

  test('wrong password and unknown user give the same AUTH_FAILED message', async () => {
    const dir = tempDir();
    const ring = createKeyring(dir);
    const slot = userSlotId(ring.workspaceId, '张三');
    ring.setSlot(slot, 'right', generateDataKey());
    const wrong = await appError(() => ring.unwrap(slot, 'wrong'));
    expect(wrong.code).toBe('AUTH_FAILED');
    expect(wrong.message).toBe('用户名或密码错误。');
    const unknown = await appError(() => ring.unwrap(userSlotId(ring.workspaceId, 'nobody'), 'right'));
    expect(unknown.message).toBe(wrong.message);
  });

  test('the slots file reveals no user names; ids depend on the workspace', () => {
    const dir = tempDir();
    const ring = createKeyring(dir);
    ring.setSlot(userSlotId(ring.workspaceId, 'zhangsan'), 'pw', generateDataKey());
    expect(fs.readFileSync(path.join(dir, 'keyslots.json'), 'utf8')).not.toContain('zhangsan');
    expect(userSlotId(ring.workspaceId, 'zhangsan')).toMatch(/^[0-9a-f]{64}$/);
    expect(userSlotId('0'.repeat(32), 'zhangsan')).not.toBe(userSlotId(ring.workspaceId, 'zhangsan'));
  });

  test('replacing a slot re-wraps it: old password fails, new one works, other slots untouched', async () => {
    const dir = tempDir();
    const ring = createKeyring(dir);
    const key = generateDataKey();
    const a = userSlotId(ring.workspaceId, 'a');
    ring.setSlot(a, 'old', key);
    ring.setSlot(RECOVERY_SLOT, 'rk', key);
    ring.setSlot(a, 'new', key);
    const reloaded = loadKeyring(dir);
    expect((await appError(() => reloaded.unwrap(a, 'old'))).code).toBe('AUTH_FAILED');
    expect(reloaded.unwrap(a, 'new').equals(key)).toBe(true);
    expect(reloaded.unwrap(RECOVERY_SLOT, 'rk').equals(key)).toBe(true);
    expect(reloaded.slotIds()).toEqual([a, RECOVERY_SLOT]);
  });

  test('removing a slot', async () => {
    const dir = tempDir();
    const ring = createKeyring(dir);
    const a = userSlotId(ring.workspaceId, 'a');
    ring.setSlot(a, 'pw', generateDataKey());
    ring.removeSlot(a);
    expect(ring.hasSlot(a)).toBe(false);
    expect(loadKeyring(dir).hasSlot(a)).toBe(false);
    expect((await appError(() => loadKeyring(dir).unwrap(a, 'pw'))).code).toBe('AUTH_FAILED');
  });

  test('a slot moved to another id does not open', async () => {
    const dir = tempDir();
    const ring = createKeyring(dir);
    const key = generateDataKey();
    const a = userSlotId(ring.workspaceId, 'a');
    const b = userSlotId(ring.workspaceId, 'b');
    ring.setSlot(a, 'pw-a', key);
    ring.setSlot(b, 'pw-b', key);
    // Rewrite the file with a's slot under b's id and a valid checksum (an attacker who knows the format).
    const file = path.join(dir, 'keyslots.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.slots[b] = json.slots[a];
    const crypto = await import('node:crypto');
    json.checksum = crypto.createHash('sha256').update(JSON.stringify({ format: json.format, workspaceId: json.workspaceId, slots: json.slots })).digest('hex');
    fs.writeFileSync(file, JSON.stringify(json));
    expect((await appError(() => loadKeyring(dir).unwrap(b, 'pw-a'))).code).toBe('AUTH_FAILED');
  });

  test('missing file → WORKSPACE_MISSING; damaged → INTEGRITY; existing → CONFLICT', async () => {
    const dir = tempDir();
    const missing = await appError(() => loadKeyring(dir));
    expect(missing.code).toBe('WORKSPACE_MISSING');
    expect(missing.message).toContain('找不到档案库');
    const ring = createKeyring(dir);
    ring.setSlot(RECOVERY_SLOT, 'rk', generateDataKey());
    expect((await appError(() => createKeyring(dir))).code).toBe('CONFLICT');
    const file = path.join(dir, 'keyslots.json');
    const original = fs.readFileSync(file);
    // A flip anywhere is caught: in the JSON syntax, a value, or the checksum.
    for (const at of [0, Math.floor(original.length / 2), original.length - 5]) {
      fs.writeFileSync(file, original);
      flipByte(file, at);
      const err = await appError(() => loadKeyring(dir));
      expect(err.code).toBe('INTEGRITY');
      expect(err.message).toContain('密钥槽文件');
    }
  });
});
