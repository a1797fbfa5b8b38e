/**
 * The 盘点 scan log kept on screen: newest first, counts per outcome, and how each outcome is
 * shown (the flash colour and a short word), so the clerk can keep walking and glance at it.
 */
import type { ScanOutcome, ScanResult, Shelf } from '../../shared/storageTypes';

export interface LoggedScan {
  seq: number;
  at: string;
  shelfPlace: string;
  result: ScanResult;
}

export const OUTCOME_LABEL: Record<ScanOutcome, string> = {
  found: '在位',
  misplaced: '错架',
  unexpected: '清单外',
  on_loan: '应为借出',
  duplicate: '重复扫描',
  rejected: '无效条码',
};

/** good = green flash, warn = amber, bad = red. */
export function outcomeTone(o: ScanOutcome): 'good' | 'warn' | 'bad' {
  if (o === 'found') return 'good';
  if (o === 'duplicate' || o === 'misplaced' || o === 'on_loan') return 'warn';
  return 'bad';
}

export const LOG_LIMIT = 500;

export function appendScan(log: LoggedScan[], entry: LoggedScan): LoggedScan[] {
  return [entry, ...log].slice(0, LOG_LIMIT);
}

export function countOutcomes(log: LoggedScan[]): Record<ScanOutcome, number> {
  const counts: Record<ScanOutcome, number> = { found: 0, misplaced: 0, unexpected: 0, on_loan: 0, duplicate: 0, rejected: 0 };
  for (const e of log) counts[e.result.outcome]++;
  return counts;
}

/** Walking order along a row: row, side, section, then top shelf to bottom (level ascending). */
export function walkOrder(shelves: Shelf[]): Shelf[] {
  return [...shelves].sort((a, b) => a.row - b.row || a.side.localeCompare(b.side) || a.section - b.section || a.level - b.level);
}

/** The shelf `by` steps from the current one in walking order (clamped at the ends). */
export function stepShelf(ordered: Shelf[], currentId: number | null, by: number): Shelf | null {
  if (ordered.length === 0) return null;
  const i = ordered.findIndex((s) => s.id === currentId);
  const next = i < 0 ? 0 : Math.min(ordered.length - 1, Math.max(0, i + by));
  return ordered[next] ?? null;
}

export function inScope(s: Shelf, fromRow: number | null, toRow: number | null): boolean {
  return (fromRow === null || s.row >= fromRow) && (toRow === null || s.row <= toRow);
}

/** "found / expected" as the big counter shows it, with a percentage. */
export function progressText(scanned: number, expected: number): string {
  if (expected <= 0) return `已扫 ${scanned} 份（范围内应有 0 份）`;
  const pct = Math.min(100, Math.floor((scanned * 100) / expected));
  return `已扫 ${scanned} / 应有 ${expected} 份（${pct}%）`;
}
