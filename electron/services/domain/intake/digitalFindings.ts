/**
 * Stores the result of a digital-copy check: the batch's digital findings are replaced in one
 * transaction. A finding the desk had resolved keeps its resolution when the re-run reports the
 * same thing again (same code, person, file, page and sentence).
 */
import type { Finding } from '../../intake/check';
import * as fq from '../../db/queries/intakeFindings';
import * as rq from '../../db/queries/intakeRoster';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { requireOpenBatch } from './batches';

/** Codes checkRoster reports; the check job leaves those stored at roster import alone. */
export const ROSTER_CODES: ReadonlySet<string> = new Set([
  'ID_FORMAT', 'ID_CHECKSUM', 'ID_BIRTH_DATE', 'ID_NUMERIC_PRECISION', 'ID_FORMULA', 'DUPLICATE_PERSON', 'MISSING_NAME',
  'BAD_VOLUMES', 'BAD_PAGES', 'UNKNOWN_COMMUNITY', 'ALREADY_HELD', 'IN_OPEN_BATCH', 'ROSTER_MAPPING_AMBIGUOUS',
]);

const keyOf = (f: { code: string; idNumber: string | null; file: string | null; page: number | null; message: string }) =>
  JSON.stringify([f.code, f.idNumber, f.file, f.page, f.message]);

export function storeDigitalFindings(ctx: DomainContext, batchId: number, packageDir: string, findings: readonly Finding[], summary: { persons: number; pages: number }): { stored: number; kept: number } {
  const digital = findings.filter((f) => !ROSTER_CODES.has(f.code));
  const at = ctx.now().toISOString();
  return writeAudited(ctx, (tx) => {
    requireOpenBatch(tx, batchId);
    const rows = rq.rosterRows(tx, batchId);
    const byRow = new Map(rows.map((r) => [r.row, r]));
    const byId = new Map<string, number>();
    for (const r of rows) if (r.matchId && !byId.has(r.matchId)) byId.set(r.matchId, r.id);
    const resolved = new Map(
      fq
        .listFindings(tx, { batchId, state: 'resolved', source: 'digital' })
        .map((f) => [keyOf(f), f] as const),
    );
    fq.deleteFindings(tx, batchId, ['digital']);
    let kept = 0;
    for (const f of digital) {
      const rosterRowId = (f.idNumber ? byId.get(f.idNumber.toUpperCase()) : undefined) ?? (f.row !== null ? byRow.get(f.row)?.id : undefined) ?? null;
      const prev = resolved.get(keyOf(f));
      if (prev) kept++;
      fq.insertFinding(
        tx,
        batchId,
        {
          source: 'digital', code: f.code, severity: f.severity, rosterRowId, idNumber: f.idNumber, name: f.name, file: f.file, page: f.page, row: f.row, message: f.message,
          resolution: prev?.resolution ?? '', resolvedBy: prev?.resolvedBy ?? null, resolvedAt: prev?.resolvedAt ?? null,
        },
        at,
      );
    }
    return {
      value: { stored: digital.length, kept },
      audit: { action: 'intake.check.finish', entity: 'intake_batch', entityId: batchId, after: { packageDir, persons: summary.persons, pages: summary.pages, findings: digital.length, resolutionsKept: kept } },
    };
  });
}
