/**
 * Folding the journal into a new snapshot: load the previous snapshot into a private sql.js
 * database, replay the closed segments, export, encrypt, write. Runs in the snapshot worker so the
 * core worker keeps committing meanwhile; it only reads files the store no longer appends to.
 */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { withFileSource } from './byteSource';
import { journalKeys } from './journal';
import { replaySegments } from './replay';
import { readSnapshot, snapshotKeys, writeSnapshotFile, type SnapshotInfo, type SnapshotMeta } from './snapshot';
import { loadSqlJs, openDatabase, SqlRunner } from './sqlRunner';

export interface SnapshotJob {
  dir: string;
  dataKey: Uint8Array;
  workspaceId: string;
  wasmPath: string;
  base: SnapshotInfo;
  /** Closed segments base.afterSegment+1 .. target.afterSegment. */
  segNos: number[];
  target: SnapshotMeta;
}

export interface SnapshotJobResult {
  info: SnapshotInfo;
  bytes: number;
  ms: number;
}

export async function buildSnapshot(job: SnapshotJob): Promise<SnapshotJobResult> {
  const started = performance.now();
  const SQL = await loadSqlJs(job.wasmPath);
  const skeys = snapshotKeys(job.dataKey, job.workspaceId);
  const ctx = { workspaceId: job.workspaceId, keys: skeys };
  // The image is a temporary: once the database holds its own copy the GC can take it back.
  const db = openDatabase(SQL, withFileSource(path.join(job.dir, job.base.name), (src) => readSnapshot(src, job.base.name, ctx, true)).image ?? undefined);
  try {
    const runner = new SqlRunner(db);
    const jctx = { workspaceId: job.workspaceId, keys: journalKeys(job.dataKey) };
    const replayed = replaySegments(jctx, runner, job.dir, job.segNos, job.base.coveredSeq, false);
    if (replayed.lastSeq !== job.target.coveredSeq) {
      throw new AppError('INTEGRITY', `生成快照时日志记录不完整（应到序号 ${job.target.coveredSeq}，实际到 ${replayed.lastSeq}）。`);
    }
    runner.clearCache();
    const exported = db.export();
    const info = writeSnapshotFile(job.dir, job.target, exported, job.workspaceId, skeys);
    return { info, bytes: exported.length, ms: performance.now() - started };
  } finally {
    db.close();
  }
}
