/**
 * Re-applies journal records to a database: the core of opening a workspace and of folding the
 * journal into a snapshot. Each record is replayed as the one transaction it was committed as.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { parseSegment, segmentName, type JournalContext, type ParsedSegment } from './journal';
import type { JournalPayload } from './recordCodec';
import type { SqlRunner } from './sqlRunner';

export function applyRecord(runner: SqlRunner, payload: JournalPayload, label: string): void {
  runner.exec('BEGIN');
  try {
    for (const [sql, params] of payload.stmts) runner.run(sql, params);
  } catch (err) {
    runner.exec('ROLLBACK');
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError('INTEGRITY', `日志文件 ${label} 中序号 ${payload.seq} 的记录无法重放（${why}）。本程序未改动任何文件；请从备份恢复档案库。`, {
      file: label,
      seq: payload.seq,
    });
  }
  try {
    runner.exec('COMMIT');
  } catch {
    // The live COMMIT failed the same way (a deferred constraint) and write() threw: mirror it.
    runner.exec('ROLLBACK');
  }
}

export interface ReplayResult {
  segments: ParsedSegment[];
  lastSeq: number;
  records: number;
}

/**
 * Replays segments firstSeg..lastSeg (all must exist, in order, seq-contiguous from coveredSeq+1).
 * Only the final segment may have a torn tail, and only when allowTornTail is set.
 */
export function replaySegments(
  ctx: JournalContext,
  runner: SqlRunner,
  dir: string,
  segNos: number[],
  coveredSeq: number,
  allowTornTail: boolean,
): ReplayResult {
  let nextSeq = coveredSeq + 1;
  let records = 0;
  const segments: ParsedSegment[] = [];
  segNos.forEach((segNo, i) => {
    const name = segmentName(segNo);
    const parsed = parseSegment(ctx, fs.readFileSync(path.join(dir, name)), segNo, name, {
      allowTornTail: allowTornTail && i === segNos.length - 1,
      expectStartSeq: nextSeq,
      onRecord: (payload) => applyRecord(runner, payload, name),
    });
    nextSeq = parsed.nextSeq;
    records += parsed.records;
    segments.push(parsed);
  });
  return { segments, lastSeq: nextSeq - 1, records };
}

/** Checks that segment numbers from..to are all present; names the first missing one. */
export function requireContiguous(present: number[], from: number, to: number): number[] {
  const have = new Set(present);
  const out: number[] = [];
  for (let n = from; n <= to; n++) {
    if (!have.has(n)) {
      throw new AppError('INTEGRITY', `缺少日志文件 ${segmentName(n)}：其中的已提交数据无法恢复。本程序未改动任何文件；请从备份恢复档案库。`, {
        file: segmentName(n),
        problem: 'missing-segment',
      });
    }
    out.push(n);
  }
  return out;
}
