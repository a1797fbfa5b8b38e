/** Calendar days as the archive room sees them: China Standard Time (UTC+8, no daylight saving), 'YYYY-MM-DD'. */
const CST_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

export function localDay(at: Date): string {
  return new Date(at.getTime() + CST_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b later → positive). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** A stored ISO instant shown as local 'YYYY-MM-DD HH:mm'. */
export function localTime(iso: string): string {
  return new Date(Date.parse(iso) + CST_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The UTC instant at which a local day starts (for range queries on stored ISO times). */
export function dayStartIso(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CST_MS).toISOString();
}
