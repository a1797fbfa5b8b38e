/**
 * The decision screen's view of findings: grouped by person (batch-wide ones first), errors before
 * warnings inside a group, counts per severity for the small bar chart, and the open/resolved filter.
 */

export type SeverityKey = 'error' | 'warning';

export interface FindingLike {
  severity: SeverityKey;
  idNumber: string | null;
  name: string | null;
}

export const SEVERITY_LABELS: Record<SeverityKey, string> = { error: '错误', warning: '警告' };
const SEVERITY_ORDER: Record<SeverityKey, number> = { error: 0, warning: 1 };

export type FindingFilter = 'open' | 'resolved' | 'all';

export interface PersonGroup<F> {
  /** The ID number, or '' for findings about no one person (roster layout, stray folders). */
  key: string;
  title: string;
  findings: F[];
  open: number;
  errors: number;
}

export function filterFindings<F>(findings: readonly F[], filter: FindingFilter, isOpen: (f: F) => boolean): F[] {
  if (filter === 'all') return [...findings];
  return findings.filter((f) => isOpen(f) === (filter === 'open'));
}

export function groupByPerson<F extends FindingLike>(findings: readonly F[], isOpen: (f: F) => boolean): PersonGroup<F>[] {
  const groups = new Map<string, PersonGroup<F>>();
  for (const f of findings) {
    const key = f.idNumber ?? '';
    let g = groups.get(key);
    if (!g) {
      const title = key === '' ? '整批 / 未对应到人' : f.name ? `${f.name}（${key}）` : key;
      g = { key, title, findings: [], open: 0, errors: 0 };
      groups.set(key, g);
    }
    if (!g.title.includes('（') && f.name && key !== '') g.title = `${f.name}（${key}）`;
    g.findings.push(f);
    if (isOpen(f)) g.open++;
    if (f.severity === 'error') g.errors++;
  }
  for (const g of groups.values()) g.findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  // Batch-wide findings first, then persons with errors, then the rest; stable within each.
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

function rank(g: PersonGroup<unknown>): number {
  if (g.key === '') return 0;
  return g.errors > 0 ? 1 : 2;
}

export interface SeverityCount {
  severity: SeverityKey;
  label: string;
  open: number;
  resolved: number;
}

export function countBySeverity<F extends FindingLike>(findings: readonly F[], isOpen: (f: F) => boolean): SeverityCount[] {
  const out: SeverityCount[] = (['error', 'warning'] as const).map((s) => ({ severity: s, label: SEVERITY_LABELS[s], open: 0, resolved: 0 }));
  for (const f of findings) {
    const c = out[SEVERITY_ORDER[f.severity]];
    if (!c) continue;
    if (isOpen(f)) c.open++;
    else c.resolved++;
  }
  return out;
}

/** Bar widths in percent of the largest severity total, so the chart needs no axis. */
export function barWidths(counts: readonly SeverityCount[]): number[] {
  const max = Math.max(1, ...counts.map((c) => c.open + c.resolved));
  return counts.map((c) => Math.round(((c.open + c.resolved) * 100) / max));
}

export interface SeverityGroup<F> {
  key: SeverityKey;
  title: string;
  findings: F[];
}

/** The other view: all errors, then all warnings (each in the order given, i.e. roster order). */
export function groupBySeverity<F extends FindingLike>(findings: readonly F[]): SeverityGroup<F>[] {
  return (['error', 'warning'] as const)
    .map((s) => ({ key: s, title: SEVERITY_LABELS[s], findings: findings.filter((f) => f.severity === s) }))
    .filter((g) => g.findings.length > 0);
}

/** Where a finding points: roster row, image file and page, as the desk would look it up. */
export function findingPlace(f: { file: string | null; page: number | null; row: number | null }): string {
  const parts: string[] = [];
  if (f.row !== null) parts.push(`名册第 ${f.row} 行`);
  if (f.file) parts.push(f.file);
  if (f.page !== null) parts.push(`第 ${f.page} 张图像`);
  return parts.join('，');
}
