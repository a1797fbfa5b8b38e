/** The batch's persons as the desk sees them: roster row + desk count + open findings + archive number. */
import type { IntakePerson } from '../../../../shared/intakeTypes';
import type { Page } from '../../../../shared/types';
import * as rq from '../../db/queries/intakeRoster';
import { parseCount } from '../../intake/check/rosterChecks';
import type { Reader } from '../../store/api';

export function toIntakePerson(r: rq.StoredRosterRow, desk: IntakePerson['desk'], findingsOpen: number): IntakePerson {
  return {
    rosterRowId: r.id,
    position: r.position,
    sheet: r.sheet,
    row: r.row,
    name: r.name,
    idNumber: r.matchId ?? r.idText,
    idValid: r.idValid,
    town: r.town,
    community: r.community,
    communityId: r.communityId,
    communityName: r.communityName,
    volumesDeclared: parseCount(r.volumesText),
    pagesDeclared: parseCount(r.pagesText),
    other: r.other,
    remarks: r.remarks,
    desk,
    findingsOpen,
    personId: r.personId,
    archiveNo: r.archiveNo,
  };
}

export function listIntakePersons(
  db: Reader,
  q: { batchId: number; query: string; uncounted: boolean; withOpenFindings: boolean; offset: number; limit: number },
): Page<IntakePerson> {
  const page = rq.rosterPage(db, q);
  const desk = rq.deskCounts(db, q.batchId);
  const open = rq.openFindingsByRow(db, q.batchId);
  return { total: page.total, rows: page.rows.map((r) => toIntakePerson(r, desk.get(r.id) ?? null, open.get(r.id) ?? 0)) };
}

export function intakePerson(db: Reader, rosterRowId: number): IntakePerson | undefined {
  const r = rq.rosterRowById(db, rosterRowId);
  if (!r) return undefined;
  return toIntakePerson(r, rq.deskCount(db, r.id) ?? null, rq.openFindingsByRow(db, r.batchId).get(r.id) ?? 0);
}
