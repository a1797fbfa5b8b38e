/** Dashboard figures → chart items (pure): metres for shelf length, run segments, reserve shortfalls. */
import type { GaugeItem, StackedCategory } from '../../../components/charts';
import type { CapacityDashboard, CommunityRunCapacity, FillFigures } from '../../../../shared/storageTypes';
import { metres } from '../forecast';

export function gaugeOf(key: string, label: string, f: FillFigures): GaugeItem {
  return { key, label, used: metres(f.usedMm), capacity: metres(f.capacityMm), reserved: metres(Math.min(f.reservedMm, Math.max(0, f.capacityMm - f.usedMm))) };
}

/** 已用 | 预留 (what the settings ask for, as far as free space covers it) | 其余空闲. */
export function runSegments(r: CommunityRunCapacity): StackedCategory {
  const reserve = Math.min(r.reserveMm, r.freeMm);
  return { key: String(r.communityId), label: r.communityName, values: [metres(r.usedMm), metres(reserve), metres(Math.max(0, r.freeMm - reserve))] };
}

/** Runs whose free space is below the reserve the settings ask for (growth will soon force moves). */
export function shortRuns(runs: CommunityRunCapacity[]): CommunityRunCapacity[] {
  return runs.filter((r) => r.freeMm < r.reserveMm || r.unplaced > 0);
}

export function intakeSeries(d: CapacityDashboard): { month: string; value: number }[] {
  return d.intakePerMonth.map((m) => ({ month: m.month, value: m.volumes }));
}

/** A count from the service, 0 when missing (SQL SUM over no rows is NULL, not 0). */
export function count(n: number | null | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}
