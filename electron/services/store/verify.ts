/**
 * Checks every file of an open workspace: each snapshot (decrypt + authenticate), each journal
 * record (authenticate, seq chain across segments, segments line up with snapshots), each blob
 * (decrypt + content matches its id) and keyslots.json. One problem per bad file; never modifies.
 * Yields between files so commits keep flowing while a large workspace is checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { VerifyProblem, VerifyReport } from '../../../shared/types';
import { blobRelPath, listBlobIds, openBlob } from './blobStore';
import { withFileSource } from './byteSource';
import { listSegments, parseSegment, segmentName, type ParsedSegment } from './journal';
import { KEYSLOTS_FILE, parseKeyslots } from './keyring';
import { listSnapshots, readSnapshot, type SnapshotMeta } from './snapshot';
import type { WorkspaceFiles } from './workspaceFiles';

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function verifyWorkspaceFiles(ws: WorkspaceFiles): Promise<VerifyReport> {
  const unpin = ws.pin();
  try {
    const problems: VerifyProblem[] = [];
    const checked = { snapshots: 0, journalRecords: 0, blobs: 0, auditEntries: 0 };
    const { dir, keys } = ws;

    try {
      const body = parseKeyslots(fs.readFileSync(path.join(dir, KEYSLOTS_FILE), 'utf8'), KEYSLOTS_FILE);
      if (body.workspaceId !== keys.workspaceId) {
        problems.push({ kind: 'keyslots', file: KEYSLOTS_FILE, message: `${KEYSLOTS_FILE} 属于另一个档案库（工作区标识不符）。` });
      }
    } catch (err) {
      problems.push({ kind: 'keyslots', file: KEYSLOTS_FILE, message: messageOf(err) });
    }

    const snapshots: SnapshotMeta[] = [];
    for (const { name } of listSnapshots(dir)) {
      checked.snapshots += 1;
      try {
        const meta = withFileSource(path.join(dir, name), (src) => readSnapshot(src, name, keys.snapshot, false));
        snapshots.push(meta);
      } catch (err) {
        problems.push({ kind: 'snapshot', file: name, message: messageOf(err) });
      }
      await yieldNow();
    }

    // Journal: read every segment now (synchronously, so the active one is consistent with its size).
    const active = ws.activeSegment();
    const segNos = listSegments(dir);
    const parsed = new Map<number, ParsedSegment>();
    let expect: number | undefined;
    let prev: number | undefined;
    for (const segNo of segNos) {
      const name = segmentName(segNo);
      if (prev !== undefined && segNo !== prev + 1) {
        problems.push({ kind: 'journal', file: segmentName(prev + 1), message: `缺少日志文件 ${segmentName(prev + 1)}（在 ${segmentName(prev)} 与 ${name} 之间）。` });
        expect = undefined;
      }
      prev = segNo;
      try {
        let buf = fs.readFileSync(path.join(dir, name));
        if (segNo === active.segNo) buf = buf.subarray(0, active.size);
        const seg = parseSegment(keys.journal, buf, segNo, name, { allowTornTail: false, expectStartSeq: expect });
        parsed.set(segNo, seg);
        checked.journalRecords += seg.records;
        expect = seg.nextSeq;
      } catch (err) {
        problems.push({ kind: 'journal', file: name, message: messageOf(err) });
        expect = undefined;
      }
    }
    const newest = ws.newestSnapshot();
    if (!segNos.includes(newest.afterSegment + 1)) {
      const name = segmentName(newest.afterSegment + 1);
      problems.push({ kind: 'journal', file: name, message: `缺少日志文件 ${name}（最新快照之后的记录在其中）。` });
    }
    for (const snap of snapshots) {
      const next = parsed.get(snap.afterSegment + 1);
      if (next && next.startSeq !== snap.coveredSeq + 1) {
        problems.push({
          kind: 'snapshot',
          file: `snapshot-${String(snap.coveredSeq).padStart(12, '0')}.db.enc`,
          message: `快照（到序号 ${snap.coveredSeq}）与其后的日志 ${segmentName(next.segNo)}（从序号 ${next.startSeq} 开始）不衔接。`,
        });
      }
    }
    await yieldNow();

    const ids = listBlobIds(dir);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      const rel = blobRelPath(id);
      checked.blobs += 1;
      try {
        openBlob(keys.blob, keys.workspaceId, id, fs.readFileSync(path.join(dir, rel)), rel);
      } catch (err) {
        problems.push({ kind: 'blob', file: rel, message: err instanceof AppError ? err.message : `无法读取附件文件 ${rel}：${messageOf(err)}` });
      }
      if (i % 32 === 31) await yieldNow();
    }
    return { ok: problems.length === 0, checked, problems };
  } finally {
    unpin();
  }
}
