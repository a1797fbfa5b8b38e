/**
 * Archive numbers (档号, domain.md §4): prefix - district+town code - community code - sequence,
 * e.g. CCSRS-0102-003-0001. Pure: acceptance plans with these and writes the result in one
 * transaction. Sequences are per community, gap-free, and only grow, so no number is issued twice.
 */
import type { NumberingSettings } from '../../../../shared/intakeTypes';

export const DEFAULT_NUMBERING: NumberingSettings = {
  prefix: 'CCSRS',
  districtCode: '',
  includeTownCode: true,
  includeCommunityCode: true,
  separator: '-',
  sequenceWidth: 4,
};

export interface NumberPlace {
  townCode: string;
  communityCode: string;
}

export function formatArchiveNo(s: NumberingSettings, place: NumberPlace, seq: number): string {
  const region = `${s.districtCode}${s.includeTownCode ? place.townCode : ''}`;
  const parts = [s.prefix, region, s.includeCommunityCode ? place.communityCode : '', String(seq).padStart(s.sequenceWidth, '0')];
  return parts.filter((p) => p !== '').join(s.separator);
}

export interface NumberRequest<K> {
  key: K;
  communityId: number;
  place: NumberPlace;
}

export interface NumberAssignment<K> {
  key: K;
  communityId: number;
  seq: number;
  archiveNo: string;
}

/**
 * Numbers for `requests` (in roster order): within each community the next numbers after its last
 * issued one, in the order given. Returns the assignments in request order and each community's
 * new last number.
 */
export function allocateNumbers<K>(
  s: NumberingSettings,
  lastSeq: ReadonlyMap<number, number>,
  requests: readonly NumberRequest<K>[],
): { assignments: NumberAssignment<K>[]; next: Map<number, { from: number; to: number }> } {
  const next = new Map<number, { from: number; to: number }>();
  const assignments = requests.map((r) => {
    const cur = next.get(r.communityId) ?? { from: lastSeq.get(r.communityId) ?? 0, to: lastSeq.get(r.communityId) ?? 0 };
    cur.to += 1;
    next.set(r.communityId, cur);
    return { key: r.key, communityId: r.communityId, seq: cur.to, archiveNo: formatArchiveNo(s, r.place, cur.to) };
  });
  return { assignments, next };
}

/** 「A 至 B」 for one community's run, or several runs joined by 「；」 (receipt / ledger text). */
export function describeRanges(assignments: readonly { communityId: number; archiveNo: string }[]): string {
  const runs = new Map<number, { first: string; last: string }>();
  for (const a of assignments) {
    const r = runs.get(a.communityId);
    if (r) r.last = a.archiveNo;
    else runs.set(a.communityId, { first: a.archiveNo, last: a.archiveNo });
  }
  return [...runs.values()].map((r) => (r.first === r.last ? r.first : `${r.first} 至 ${r.last}`)).join('；');
}
