/**
 * Every kind of damage is detected with its own Chinese message, and a failed open changes no file.
 * Fixture: snapshot S (after 11 records), then journal-2 (5 records) and journal-3 (5 records), a blob.
 */
import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { generateDataKey, openStore } from '../../electron/services/store/index';
import { appError, filesMatching, flipByte, hashTree, insertRows, newWorkspace, removeTempDirs } from './helpers';

afterEach(removeTempDirs);

interface Fixture {
  dir: string;
  key: Buffer;
  snapshot: string;
  blobFile: string;
}

async function fixture(): Promise<Fixture> {
  const { dir, key, store } = await newWorkspace({ autoSnapshot: false });
  insertRows(store, 1, 10);
  await store.snapshot();
  insertRows(store, 11, 5);
  await store.close();
  const second = await openStore(dir, key);
  insertRows(second, 16, 5);
  const id = second.blobs.put(Buffer.from('scanned page'));
  await second.close();
  const snapshot = filesMatching(dir, /^snapshot-/).pop() as string;
  expect(filesMatching(dir, /^journal-/)).toEqual(['journal-00000001.log', 'journal-00000002.log', 'journal-00000003.log']);
  return { dir, key, snapshot, blobFile: path.join(dir, 'blobs', id.slice(0, 2), id.slice(2)) };
}

/** Offset of record n (1-based) in a segment file: 32-byte header, then [u32 len][u64 seq][8 tag] body. */
function recordOffset(file: string, n: number): { start: number; bodyLen: number } {
  const buf = fs.readFileSync(file);
  let off = 32;
  for (let i = 1; i < n; i++) off += 20 + buf.readUInt32BE(off);
  return { start: off, bodyLen: buf.readUInt32BE(off) };
}

async function expectOpenRefused(f: Fixture, key = f.key): Promise<{ code: string; message: string }> {
  const before = hashTree(f.dir);
  const err = await appError(() => openStore(f.dir, key));
  expect(hashTree(f.dir)).toEqual(before);
  return { code: err.code, message: err.message };
}

describe('tampering and damage', () => {
  test('each case is detected with its own message; nothing on disk changes', async () => {
    const messages: Record<string, string> = {};

    {
      const f = await fixture();
      flipByte(path.join(f.dir, f.snapshot), Math.floor(fs.statSync(path.join(f.dir, f.snapshot)).size / 2));
      const e = await expectOpenRefused(f);
      expect(e.code).toBe('INTEGRITY');
      expect(e.message).toContain(`快照文件 ${f.snapshot} 已损坏或被改动`);
      messages.snapshotFlip = e.message;
    }
    {
      const f = await fixture();
      const file = path.join(f.dir, f.snapshot);
      fs.truncateSync(file, fs.statSync(file).size - 100);
      const e = await expectOpenRefused(f);
      expect(e.code).toBe('INTEGRITY');
      expect(e.message).toContain('不完整（被截断）');
      messages.snapshotTruncated = e.message;
    }
    {
      const f = await fixture();
      flipByte(path.join(f.dir, f.snapshot), 50); // inside the key-check field of the header
      const e = await expectOpenRefused(f);
      expect(e.code).toBe('INTEGRITY');
      expect(e.message).toContain('密钥校验值不符');
      messages.snapshotHeader = e.message;
    }
    {
      const f = await fixture();
      for (const name of filesMatching(f.dir, /^snapshot-/)) fs.rmSync(path.join(f.dir, name));
      const e = await expectOpenRefused(f);
      expect(e.message).toContain('找不到快照文件');
      messages.snapshotMissing = e.message;
    }
    {
      const f = await fixture();
      const file = path.join(f.dir, 'journal-00000002.log');
      const { start, bodyLen } = recordOffset(file, 3);
      flipByte(file, start + 20 + Math.floor(bodyLen / 2));
      const e = await expectOpenRefused(f);
      expect(e.code).toBe('INTEGRITY');
      expect(e.message).toContain('journal-00000002.log 的第 3 条记录');
      messages.journalMiddle = e.message;
    }
    {
      const f = await fixture();
      const file = path.join(f.dir, 'journal-00000003.log');
      const { start, bodyLen } = recordOffset(file, 5);
      expect(start + 20 + bodyLen).toBe(fs.statSync(file).size); // really the last record
      flipByte(file, start + 20 + bodyLen - 3);
      const e = await expectOpenRefused(f);
      expect(e.code).toBe('INTEGRITY');
      expect(e.message).toContain('journal-00000003.log 的第 5 条记录');
      messages.journalLast = e.message;
    }
    {
      const f = await fixture();
      const file = path.join(f.dir, 'journal-00000003.log');
      flipByte(file, recordOffset(file, 2).start + 1); // the length field of a record
      const e = await expectOpenRefused(f);
      expect(e.message).toContain('记录头校验失败');
      messages.journalHead = e.message;
    }
    {
      const f = await fixture();
      fs.rmSync(path.join(f.dir, 'journal-00000002.log'));
      const e = await expectOpenRefused(f);
      expect(e.code).toBe('INTEGRITY');
      expect(e.message).toContain('缺少日志文件 journal-00000002.log');
      messages.journalMissing = e.message;
    }
    {
      const f = await fixture();
      flipByte(path.join(f.dir, 'keyslots.json'), 40);
      const e = await expectOpenRefused(f);
      expect(e.code).toBe('INTEGRITY');
      expect(e.message).toContain('密钥槽文件');
      messages.keyslots = e.message;
    }
    {
      const f = await fixture();
      const e = await expectOpenRefused(f, generateDataKey());
      expect(e.code).toBe('AUTH_FAILED');
      messages.wrongKey = e.message;
    }
    {
      // Blobs are not read on open: the store opens, verifyFiles and get() name the bad file,
      // and no existing file is touched (opening only adds a journal segment).
      const f = await fixture();
      flipByte(f.blobFile, 20);
      const before = hashTree(f.dir);
      const store = await openStore(f.dir, f.key);
      const report = await store.verifyFiles();
      expect(report.ok).toBe(false);
      expect(report.problems).toHaveLength(1);
      expect(report.problems[0]?.kind).toBe('blob');
      const rel = path.relative(f.dir, f.blobFile).split(path.sep).join('/');
      expect(report.problems[0]?.file).toBe(rel);
      const id = rel.slice(6).replace('/', '');
      const err = await appError(() => store.blobs.get(id));
      expect(err.code).toBe('INTEGRITY');
      messages.blob = err.message;
      await store.close();
      const after = hashTree(f.dir);
      for (const [file, hash] of Object.entries(before)) expect(after[file]).toBe(hash);
    }

    expect(new Set(Object.values(messages)).size).toBe(Object.keys(messages).length);
  });

  test('verifyFiles reports a damaged retained file with one problem per bad file', async () => {
    const f = await fixture();
    const store = await openStore(f.dir, f.key);
    expect((await store.verifyFiles()).ok).toBe(true);
    // journal-1 belongs to the previous snapshot (the fallback): not read on open, but verified.
    const file = path.join(f.dir, 'journal-00000001.log');
    flipByte(file, recordOffset(file, 2).start + 25);
    flipByte(path.join(f.dir, 'snapshot-000000000000.db.enc'), 70);
    const report = await store.verifyFiles();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.kind, p.file])).toEqual([
      ['snapshot', 'snapshot-000000000000.db.enc'],
      ['journal', 'journal-00000001.log'],
    ]);
    expect(report.checked.snapshots).toBe(2);
    expect(report.checked.blobs).toBe(1);
    await store.close();
  });
});
