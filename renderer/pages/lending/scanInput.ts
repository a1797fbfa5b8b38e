import { normaliseIdNumber } from '../../../shared/idNumber';
import type { LendableFile } from '../../../shared/lendingTypes';

/**
 * What a barcode scanner (or a hurried clerk) types for an archive number: full-width characters
 * from a Chinese IME, stray spaces, lower case. Normalised before it is matched, never guessed at.
 */
export function normaliseScan(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** The one found file a scan or typed ID names exactly (added at once); null when it is not clear-cut. */
export function exactMatch(rows: LendableFile[], typed: string): LendableFile | null {
  const scan = normaliseScan(typed);
  const id = normaliseIdNumber(typed);
  const hits = rows.filter((r) => normaliseScan(r.archiveNo) === scan || r.idNumber === id);
  return hits.length === 1 ? (hits[0] ?? null) : null;
}
