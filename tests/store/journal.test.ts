import { afterEach, describe, expect, test } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../electron/services/store/index';
import { encodeRecord, journalKeys, parseSegment, SEGMENT_HEADER_LEN } from '../../electron/services/store/journal';
import { appError, filesMatching, insertRows, newWorkspace, removeTempDirs, rowIds } from './helpers';

afterEach(removeTempDirs);

function lastSegment(dir: string): string {
  return path.join(dir, filesMatching(dir, /^journal-\d{8}\.log$/).pop() as string);
}

describe('journal', () => {
  test('a torn last record is discarded, cut off, reported — and appending resumes cleanly', async () => {
    const { dir, key, store } = await newWorkspace({ autoSnapshot: false });
    insertRows(store, 1, 5);
    await store.close();
    const seg = lastSegment(dir);
    const full = fs.readFileSync(seg);
    fs.truncateSync(seg, full.length - 7); // the last record loses its tail, as in a crash mid-write
    const reopened = await openStore(dir, key);
    expect(reopened.openInfo.tornTail).toEqual({ file: path.basename(seg), bytes: full.length - 7 - fs.statSync(seg).size });
    expect(reopened.openInfo.tornTail?.bytes).toBeGreaterThan(0);
    expect(rowIds(reopened)).toEqual([1, 2, 3, 4]);
    insertRows(reopened, 10, 2);
    expect((await reopened.verifyFiles()).ok).toBe(true);
    await reopened.close();
    const third = await openStore(dir, key);
    expect(third.openInfo.tornTail).toBeNull();
    expect(rowIds(third)).toEqual([1, 2, 3, 4, 10, 11]);
    await third.close();
  });

  test('a zero-filled tail (size extended, data never written) counts as torn', async () => {
    const { dir, key, store } = await newWorkspace({ autoSnapshot: false });
    insertRows(store, 1, 3);
    await store.close();
    fs.appendFileSync(lastSegment(dir), Buffer.alloc(300));
    const reopened = await openStore(dir, key);
    expect(reopened.openInfo.tornTail?.bytes).toBe(300);
    expect(rowIds(reopened)).toEqual([1, 2, 3]);
    await reopened.close();
  });

  test('a missing record in the middle is a seq gap; a moved record fails authentication', async () => {
    const ctx = { workspaceId: crypto.randomBytes(16).toString('hex'), keys: journalKeys(crypto.randomBytes(32)) };
    const header = Buffer.alloc(SEGMENT_HEADER_LEN);
    Buffer.from('ADJOURN1').copy(header, 0);
    header.writeUInt32BE(1, 8);
    header.writeUInt32BE(7, 12);
    header.writeBigUInt64BE(1n, 16);
    const rec = (seq: number, segNo = 7) => encodeRecord(ctx, segNo, seq, [['INSERT INTO t VALUES (?)', [seq]]]);
    const good = Buffer.concat([header, rec(1), rec(2), rec(3)]);
    const seen: number[] = [];
    const parsed = parseSegment(ctx, good, 7, 'journal-00000007.log', { allowTornTail: false, onRecord: (p) => seen.push(p.seq) });
    expect(parsed.records).toBe(3);
    expect(seen).toEqual([1, 2, 3]);

    const gap = await appError(() => parseSegment(ctx, Buffer.concat([header, rec(1), rec(3)]), 7, 'journal-00000007.log', { allowTornTail: true }));
    expect(gap.code).toBe('INTEGRITY');
    expect(gap.message).toContain('序号不连续');

    const moved = await appError(() => parseSegment(ctx, Buffer.concat([header, rec(1), rec(2, 8)]), 7, 'journal-00000007.log', { allowTornTail: true }));
    expect(moved.message).toContain('第 2 条记录');
    expect(moved.message).toContain('journal-00000007.log');

    const tornMiddle = await appError(() => parseSegment(ctx, good.subarray(0, good.length - 3), 7, 'journal-00000007.log', { allowTornTail: false }));
    expect(tornMiddle.message).toContain('不完整');
  });
});
