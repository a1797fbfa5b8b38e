import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createStore, generateDataKey, loadKeyring, openStore, workspaceExists } from '../../electron/services/store/index';
import { appError, filesMatching, insertRows, newWorkspace, removeTempDirs, rowIds, tempDir } from './helpers';

afterEach(removeTempDirs);

const SNAP = /^snapshot-\d{12}\.db\.enc$/;
const SEG = /^journal-\d{8}\.log$/;

describe('store: commits survive close and reopen', () => {
  test('rows, byte values and run results round-trip through the journal', async () => {
    const { dir, key, store } = await newWorkspace();
    expect(workspaceExists(dir)).toBe(true);
    expect(workspaceExists(tempDir())).toBe(false);
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const res = store.write((tx) => tx.run('INSERT INTO t(v, b) VALUES (?, ?)', ['带中文', bytes]));
    expect(res).toEqual({ changes: 1, lastInsertRowid: 1 });
    store.write((tx) => tx.run('INSERT INTO t(v) VALUES ($v)', { $v: 'named' }));
    store.write((tx) => {
      // Reusing one params array: the journal must hold what was executed, not the later values.
      const params: [number, string] = [3, 'first'];
      tx.run('INSERT INTO t(id, v) VALUES (?, ?)', params);
      params[1] = 'changed afterwards';
    });
    const seqBefore = store.lastSeq;
    await store.close();
    const again = await openStore(dir, key);
    expect(again.openInfo.replayedRecords).toBe(seqBefore);
    expect(again.lastSeq).toBe(seqBefore);
    const row = again.get<{ v: string; b: Uint8Array }>('SELECT v, b FROM t WHERE id = ?', [1]);
    expect(row?.v).toBe('带中文');
    expect(Array.from(row?.b ?? [])).toEqual([0, 1, 2, 250, 255]);
    expect(again.all('SELECT v FROM t ORDER BY id')).toEqual([{ v: '带中文' }, { v: 'named' }, { v: 'first' }]);
    await again.close();
  });

  test('a throwing callback rolls back and journals nothing', async () => {
    const { dir, key, store } = await newWorkspace();
    insertRows(store, 1, 1);
    const seg = path.join(dir, filesMatching(dir, SEG).pop() as string);
    const size = fs.statSync(seg).size;
    const seq = store.lastSeq;
    await expect(async () =>
      store.write((tx) => {
        tx.run('INSERT INTO t(id, v) VALUES (2, ?)', ['x']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(fs.statSync(seg).size).toBe(size);
    expect(store.lastSeq).toBe(seq);
    expect(rowIds(store)).toEqual([1]);
    // A statement that fails inside a callback that carries on is not journaled either.
    store.write((tx) => {
      expect(() => tx.run('INSERT INTO t(id, v) VALUES (1, ?)', ['dup'])).toThrow();
      tx.run('INSERT INTO t(id, v) VALUES (3, ?)', ['ok']);
    });
    await store.close();
    const again = await openStore(dir, key);
    expect(rowIds(again)).toEqual([1, 3]);
    await again.close();
  });

  test('misuse is refused: nested write, async callback, transaction control, bad params', async () => {
    const { store } = await newWorkspace();
    expect((await appError(() => store.write(() => store.write(() => 1)))).message).toContain('不能在一个写事务中');
    expect((await appError(() => store.write(async () => 1))).message).toContain('同步函数');
    expect((await appError(() => store.write((tx) => tx.run('COMMIT')))).code).toBe('INTERNAL');
    expect((await appError(() => store.write((tx) => tx.run('INSERT INTO t(v) VALUES (?)', [Infinity])))).message).toContain('Infinity');
    expect(rowIds(store)).toEqual([]);
    await store.close();
  });

  test('ON DELETE CASCADE replays the same way (foreign keys on, also after the snapshot export)', async () => {
    const { dir, key, store } = await newWorkspace();
    store.write((tx) => {
      tx.run('CREATE TABLE parent(id INTEGER PRIMARY KEY)');
      tx.run('CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE)');
      tx.run('INSERT INTO parent VALUES (1), (2)');
      tx.run('INSERT INTO child VALUES (10, 1), (20, 2)');
    });
    await store.snapshot();
    store.write((tx) => tx.run('DELETE FROM parent WHERE id = 1'));
    expect(() => store.write((tx) => tx.run('INSERT INTO child VALUES (30, 99)'))).toThrow('FOREIGN KEY');
    await store.close();
    const again = await openStore(dir, key);
    expect(again.all('SELECT id FROM child')).toEqual([{ id: 20 }]);
    expect(again.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    await again.close();
  });

  test('a second open of the same workspace is refused while the first is open', async () => {
    const { dir, key, store } = await newWorkspace();
    const busy = await appError(() => openStore(dir, key));
    expect(busy.code).toBe('WORKSPACE_BUSY');
    await store.close();
    await (await openStore(dir, key)).close();
  });

  test('creating over an existing workspace is refused', async () => {
    const { dir, key, store } = await newWorkspace();
    await store.close();
    const err = await appError(() => createStore(dir, loadKeyring(dir), key));
    expect(err.code).toBe('CONFLICT');
  });

  test('opening with a different data key → AUTH_FAILED, nothing changed', async () => {
    const { dir, store } = await newWorkspace();
    await store.close();
    const err = await appError(() => openStore(dir, generateDataKey()));
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.message).toContain('密钥不正确');
    expect(fs.existsSync(path.join(dir, 'workspace.lock'))).toBe(false);
  });
});

describe('store: snapshots', () => {
  test('snapshot, more writes, reopen: replays only what came after', async () => {
    const { dir, key, store } = await newWorkspace({ autoSnapshot: false });
    insertRows(store, 1, 20);
    await store.snapshot();
    const snapSeq = store.lastSeq;
    insertRows(store, 21, 5);
    await store.close();
    const again = await openStore(dir, key);
    expect(again.openInfo.snapshotSeq).toBe(snapSeq);
    expect(again.openInfo.replayedRecords).toBe(5);
    expect(rowIds(again)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    await again.close();
  });

  test('keeps the previous snapshot and the segments it needs, deletes older ones', async () => {
    const { dir, key, store } = await newWorkspace({ autoSnapshot: false });
    const covered: number[] = [];
    for (let round = 0; round < 4; round++) {
      insertRows(store, round * 10 + 1, 10);
      await store.snapshot();
      covered.push(store.lastSeq);
    }
    const snaps = filesMatching(dir, SNAP);
    expect(snaps).toEqual(covered.slice(-2).map((s) => `snapshot-${String(s).padStart(12, '0')}.db.enc`));
    // Segments: those after the previous snapshot (needed if it has to be used) and the active one.
    const segs = filesMatching(dir, SEG);
    expect(segs.length).toBe(2);
    expect((await store.verifyFiles()).ok).toBe(true);
    insertRows(store, 100, 1);
    await store.close();

    // Fallback: without the newest snapshot, the previous one plus the kept journal has everything.
    fs.rmSync(path.join(dir, snaps[1] as string));
    const again = await openStore(dir, key);
    expect(again.openInfo.snapshot).toBe(snaps[0]);
    expect(rowIds(again)).toHaveLength(41);
    await again.close();
  });

  test('commits continue while a snapshot is being written', async () => {
    const { dir, key, store } = await newWorkspace({ autoSnapshot: false });
    store.write((tx) => {
      for (let i = 1; i <= 3000; i++) tx.run('INSERT INTO t(id, v) VALUES (?, ?)', [i, 'x'.repeat(200)]);
    });
    let during = 0;
    let done = false;
    const snap = store.snapshot().then(() => (done = true));
    while (!done) {
      store.write((tx) => tx.run('INSERT INTO t(v) VALUES (?)', ['during']));
      during += 1;
      await new Promise((r) => setImmediate(r));
    }
    await snap;
    expect(during).toBeGreaterThan(0);
    await store.close();
    const again = await openStore(dir, key);
    expect(again.get('SELECT count(*) AS n FROM t')).toEqual({ n: 3000 + during });
    await again.close();
  });

  test('automatic snapshots by record count', async () => {
    const errors: unknown[] = [];
    const { dir, store } = await newWorkspace({ snapshotEveryRecords: 10, onBackgroundError: (e) => errors.push(e) });
    insertRows(store, 1, 25); // + CREATE TABLE = 26 records; the 10th starts a snapshot
    await store.close(); // waits for the running snapshot
    expect(errors).toEqual([]);
    expect(filesMatching(dir, SNAP)).toEqual(['snapshot-000000000000.db.enc', 'snapshot-000000000010.db.enc']);
  });

  test('leftover temp files from a crashed snapshot are ignored and swept', async () => {
    const { dir, key, store } = await newWorkspace();
    insertRows(store, 1, 3);
    await store.close();
    const stray = path.join(dir, 'snapshot-000000000099.db.enc.tmp-abcdef');
    fs.writeFileSync(stray, 'partial');
    const again = await openStore(dir, key);
    expect(rowIds(again)).toEqual([1, 2, 3]);
    expect(fs.existsSync(stray)).toBe(false);
    await again.close();
  });
});
