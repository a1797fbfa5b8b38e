import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { generateDataKey, loadKeyring, openStore, RECOVERY_SLOT, restoreBackupFile, verifyBackupFile } from '../../electron/services/store/index';
import { appError, flipByte, insertRows, newWorkspace, removeTempDirs, rowIds, tempDir } from './helpers';

afterEach(removeTempDirs);

async function workspaceWithData() {
  const ws = await newWorkspace({ autoSnapshot: false });
  insertRows(ws.store, 1, 30);
  await ws.store.snapshot();
  insertRows(ws.store, 31, 10); // journal after the snapshot, in the active segment
  const blobs = [ws.store.blobs.put(Buffer.from('page one')), ws.store.blobs.put(Buffer.alloc(100_000, 7))];
  return { ...ws, blobs };
}

describe('backup and restore', () => {
  test('backup → verify → restore into a new folder → open with the same key: same rows and blobs', async () => {
    const { store, key, blobs } = await workspaceWithData();
    const file = path.join(tempDir(), 'archive.adbak');
    const size = await store.backupTo(file);
    expect(fs.statSync(file).size).toBe(size);
    // Commits after the backup started are not in it.
    insertRows(store, 100, 1);
    await store.close();

    const report = verifyBackupFile(file, key);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checked).toMatchObject({ snapshots: 1, journalRecords: 10, blobs: 2 });

    const target = path.join(tempDir(), 'restored', 'ws');
    const result = restoreBackupFile(file, target);
    expect(result.files).toBeGreaterThanOrEqual(5);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['ws']); // no staging folder left behind
    expect(loadKeyring(target).unwrap(RECOVERY_SLOT, 'secret').equals(key)).toBe(true);
    const restored = await openStore(target, key);
    expect(rowIds(restored)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(restored.blobs.get(blobs[0] as string).toString()).toBe('page one');
    expect(restored.blobs.get(blobs[1] as string).equals(Buffer.alloc(100_000, 7))).toBe(true);
    expect((await restored.verifyFiles()).ok).toBe(true);
    await restored.close();
  });

  test('restoring into an existing empty folder works; into a non-empty one is refused', async () => {
    const { store } = await workspaceWithData();
    const file = path.join(tempDir(), 'b.adbak');
    await store.backupTo(file);
    await store.close();
    const empty = tempDir();
    restoreBackupFile(file, empty);
    expect(fs.existsSync(path.join(empty, 'keyslots.json'))).toBe(true);
    const busy = tempDir();
    fs.writeFileSync(path.join(busy, 'something.txt'), 'keep me');
    const err = await appError(() => restoreBackupFile(file, busy));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('不是空的');
    expect(fs.readdirSync(busy)).toEqual(['something.txt']);
  });

  test('a tampered backup is detected by verify and refused by restore (nothing restored)', async () => {
    const { store, key } = await workspaceWithData();
    const file = path.join(tempDir(), 'c.adbak');
    await store.backupTo(file);
    await store.close();
    flipByte(file, 200); // inside the first entries
    const report = verifyBackupFile(file, key);
    expect(report.ok).toBe(false);
    expect(report.problems[0]?.message).toContain('SHA-256 不符');
    const parent = tempDir();
    const target = path.join(parent, 'ws');
    const err = await appError(() => restoreBackupFile(file, target));
    expect(err.code).toBe('INTEGRITY');
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  test('an edited index fails the HMAC; a wrong key fails verify; junk is not a backup', async () => {
    const { store, key } = await workspaceWithData();
    const file = path.join(tempDir(), 'd.adbak');
    await store.backupTo(file);
    await store.close();
    const wrongKey = verifyBackupFile(file, generateDataKey());
    expect(wrongKey.ok).toBe(false);
    expect(wrongKey.problems.some((p) => p.kind === 'backup' && p.message.includes('校验码不符'))).toBe(true);

    // Change createdAt in the index (same length): structure and sha256s still fine, HMAC is not.
    const buf = fs.readFileSync(file);
    const at = buf.lastIndexOf(Buffer.from('"createdAt":"')) + 13;
    buf[at] = buf[at] === 0x31 ? 0x32 : 0x31;
    fs.writeFileSync(file, buf);
    const edited = verifyBackupFile(file, key);
    expect(edited.problems.map((p) => p.kind)).toEqual(['backup']);

    const junk = path.join(tempDir(), 'junk.adbak');
    fs.writeFileSync(junk, 'not a backup at all, just some text that is long enough to have a trailer');
    expect(verifyBackupFile(junk, key).problems[0]?.message).toContain('不是有效的档案库备份文件');
    expect((await appError(() => restoreBackupFile(junk, path.join(tempDir(), 'x')))).code).toBe('INTEGRITY');
  });

  test('the backup cannot be written inside the workspace; deletions wait until the copy is done', async () => {
    const { dir, key, store, blobs } = await workspaceWithData();
    expect((await appError(() => store.backupTo(path.join(dir, 'inside.adbak')))).code).toBe('VALIDATION');
    const file = path.join(tempDir(), 'e.adbak');
    const backup = store.backupTo(file); // the file list is fixed before this returns
    const id = blobs[1] as string;
    store.blobs.delete(id);
    expect(fs.existsSync(path.join(dir, 'blobs', id.slice(0, 2), id.slice(2)))).toBe(true);
    insertRows(store, 200, 3);
    await backup;
    expect(store.blobs.has(id)).toBe(false);
    await store.close();
    const report = verifyBackupFile(file, key);
    expect(report.ok).toBe(true);
    expect(report.checked.blobs).toBe(2);
    expect(report.checked.journalRecords).toBe(10); // the 3 rows committed during the copy are not in it
  });
});
