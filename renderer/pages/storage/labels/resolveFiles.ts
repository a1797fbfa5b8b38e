/**
 * Turns the 标签 tab's choice (a list, a range, or a community) into archive files, by looking each
 * one up with storage.locate — several at a time, with progress — and keeps what was not found.
 */
import type { LocateHit } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { mapLimited } from '../labelSelection';

export interface Resolved {
  files: LocateHit[];
  /** Codes or names with no archive file here (not accepted yet, typo, transferred out…). */
  missing: string[];
}

const PARALLEL = 6;

export async function resolveArchiveNos(numbers: string[], onProgress: (done: number, total: number) => void): Promise<Resolved> {
  const hits = await mapLimited(numbers, PARALLEL, async (no) => (await call('storage.locate', { query: no, by: 'archiveNo', limit: 1 }))[0] ?? null, (d) => onProgress(d, numbers.length));
  return collect(numbers, hits);
}

/** Every person of the community (paged), then each one's file by ID number. */
export async function resolveCommunity(communityId: number, onProgress: (done: number, total: number) => void): Promise<Resolved> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call('person.search', { query: '', communityId, offset, limit: 500 });
    ids.push(...page.rows.map((p) => p.idNumber));
    if (page.rows.length === 0 || offset + page.rows.length >= page.total) break;
  }
  const hits = await mapLimited(ids, PARALLEL, async (idNumber) => (await call('storage.locate', { query: idNumber, by: 'idNumber', limit: 5 })).filter((h) => h.communityId === communityId), (d) => onProgress(d, ids.length));
  // Persons without a file yet are not "missing": only files can get labels.
  const files = hits.flat().filter((h) => h.status !== 'transferred_out');
  files.sort((a, b) => a.archiveNo.localeCompare(b.archiveNo));
  return { files: dedupe(files), missing: [] };
}

function collect(codes: string[], hits: (LocateHit | null)[]): Resolved {
  const files: LocateHit[] = [];
  const missing: string[] = [];
  hits.forEach((h, i) => (h ? files.push(h) : missing.push(codes[i] ?? '')));
  return { files: dedupe(files), missing };
}

function dedupe(files: LocateHit[]): LocateHit[] {
  const seen = new Set<number>();
  return files.filter((f) => (seen.has(f.fileId) ? false : (seen.add(f.fileId), true)));
}
