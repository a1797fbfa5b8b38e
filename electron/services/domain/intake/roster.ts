/**
 * Roster import (档案移交名册表): read with readRoster, check with checkRoster against what the
 * archive knows (communities, files held, other open batches), then replace the batch's rows and
 * roster findings in one transaction. A re-import clears desk counts and digital findings too:
 * they refer to rows that no longer exist.
 */
import { AppError } from '../../../../shared/errors';
import type { RosterColumnMapping, RosterImportResult, RosterPreview } from '../../../../shared/intakeTypes';
import { listCommunities } from '../../db/queries/communities';
import * as bq from '../../db/queries/intakeBatches';
import * as fq from '../../db/queries/intakeFindings';
import * as rq from '../../db/queries/intakeRoster';
import { checkRoster, type Finding } from '../../intake/check';
import { FIELD_LABELS, readRoster, rosterRowOf, type RosterReadResult } from '../../intake/roster';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { requireBatch, requireOpenBatch } from './batches';
import { placeMatcher } from './places';

const PREVIEW_ROWS = 30;

async function read(file: string, mapping: RosterColumnMapping | undefined): Promise<RosterReadResult> {
  return readRoster(file, mapping ? { mapping } : {});
}

export async function previewRoster(ctx: DomainContext, batchId: number, file: string, mapping?: RosterColumnMapping): Promise<RosterPreview> {
  requireOpenBatch(ctx.store, batchId);
  const r = await read(file, mapping);
  return {
    format: r.format,
    encoding: r.encoding,
    mapping: r.mapping,
    ambiguous: r.ambiguous,
    ambiguities: r.ambiguities,
    candidates: r.candidates,
    headerTexts: r.headerTexts,
    fieldLabels: FIELD_LABELS,
    title: r.title,
    footer: r.footer,
    rowCount: r.rows.length,
    rows: r.rows.slice(0, PREVIEW_ROWS).map((x) => ({
      row: x.row,
      name: x.name,
      idNumber: x.idText,
      town: x.town,
      community: x.community,
      volumes: x.volumesText,
      pages: x.pagesText,
      remarks: x.remarks,
    })),
  };
}

/** Finds the stored row a roster finding is about (row number first; several sheets: the ID and name decide). */
export function rowLocator(rows: readonly { id: number; row: number; idText: string; matchId: string | null; name: string }[]) {
  const byRow = new Map<number, typeof rows>();
  const byId = new Map<string, number>();
  for (const r of rows) {
    byRow.set(r.row, [...(byRow.get(r.row) ?? []), r]);
    if (r.matchId && !byId.has(r.matchId)) byId.set(r.matchId, r.id);
  }
  return (f: Pick<Finding, 'row' | 'idNumber' | 'name'>): number | null => {
    if (f.row !== null) {
      const list = byRow.get(f.row) ?? [];
      if (list.length === 1) return (list[0] as { id: number }).id;
      const hit = list.find((r) => (r.idText || null) === f.idNumber && (r.name || null) === f.name);
      if (hit) return hit.id;
    }
    if (f.idNumber) return byId.get(f.idNumber.toUpperCase()) ?? null;
    return null;
  };
}

export async function importRoster(ctx: DomainContext, batchId: number, file: string, mapping?: RosterColumnMapping): Promise<RosterImportResult> {
  requireOpenBatch(ctx.store, batchId);
  const roster = await read(file, mapping);
  if (roster.rows.length === 0) {
    throw new AppError('VALIDATION', '名册中没有读到任何人员行。请确认表头下方有数据，或在界面中重新指定各列。', { reason: 'NO_ROWS' });
  }
  // Plan outside the transaction (the file read is async); the write below re-checks the status.
  const communities = listCommunities(ctx.store);
  const checked = checkRoster(roster, {
    communities: communities.map((c) => ({ town: c.townName, community: c.name })),
    heldIds: rq.heldIdNumbers(ctx.store),
    openBatchIds: rq.idsInOtherOpenBatches(ctx.store, batchId),
    today: ctx.now(),
  });
  const places = placeMatcher(communities);
  const at = ctx.now().toISOString();
  return writeAudited(ctx, (tx) => {
    requireOpenBatch(tx, batchId);
    rq.clearRoster(tx, batchId);
    const stored = checked.rows.map((cr, i) => {
      const r = cr.row;
      const values: rq.NewRosterRow = {
        ...rosterRowOf(r),
        position: i + 1,
        matchId: cr.matchId,
        idValid: cr.idValid,
        communityId: places.match(r.town, r.community)?.id ?? null,
        // Counts the check could read are stored as plain numbers; the rest as typed.
        volumesText: cr.volumes === null ? r.volumesText : String(cr.volumes),
        pagesText: cr.pages === null ? r.pagesText : String(cr.pages),
      };
      return { id: rq.insertRosterRow(tx, batchId, values), row: r.row, idText: r.idText, matchId: cr.matchId, name: r.name };
    });
    const locate = rowLocator(stored);
    for (const f of checked.findings) {
      fq.insertFinding(tx, batchId, { source: 'roster', code: f.code, severity: f.severity, rosterRowId: locate(f), idNumber: f.idNumber, name: f.name, file: f.file, page: f.page, row: f.row, message: f.message }, at);
    }
    bq.setRosterFile(tx, batchId, file, at);
    const errors = checked.findings.filter((f) => f.severity === 'error').length;
    const result: RosterImportResult = {
      batch: requireBatch(tx, batchId),
      rows: stored.length,
      findings: checked.findings.length,
      errors,
      warnings: checked.findings.length - errors,
    };
    return {
      value: result,
      audit: { action: 'intake.roster.import', entity: 'intake_batch', entityId: batchId, after: { file, format: roster.format, rows: stored.length, findings: result.findings, mapping: roster.mapping } },
    };
  });
}
