/** The capacity dashboard: fill per room / unit / row, free space per community run, intake, forecast, compliance. */
import type { CapacityDashboard, CommunityRunCapacity, FillFigures, RoomCapacity } from '../../../../shared/storageTypes';
import * as cq from '../../db/queries/storageCapacity';
import * as lq from '../../db/queries/storageLayout';
import * as q from '../../db/queries/storagePlaces';
import type { Reader } from '../../store/api';
import { complianceChecks, fill, forecastFullOn } from './forecast';
import { shelfLabel } from './places';
import { readStorageSettings, reserveRuleFor } from './settings';

function monthsBefore(today: string, months: number): string {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

interface Acc {
  cap: number;
  used: number;
  reserved: number;
  files: number;
  volumes: number;
}
const acc = (): Acc => ({ cap: 0, used: 0, reserved: 0, files: 0, volumes: 0 });
const add = (a: Acc, b: Acc) => {
  a.cap += b.cap;
  a.used += b.used;
  a.reserved += b.reserved;
  a.files += b.files;
  a.volumes += b.volumes;
};
const figures = (a: Acc): FillFigures => fill(a.cap, a.used, a.reserved, a.files, a.volumes);

export function capacityDashboard(r: Reader, today: string): CapacityDashboard {
  const settings = readStorageSettings(r);
  const thick = settings.defaultVolumeThicknessMm;
  const rooms = lq.listRooms(r);
  const { rows, runs, held } = cq.fillFigures(r, thick);
  const names = new Map(q.communitiesInOrder(r).map((c) => [c.id, c.name]));
  const ends = new Map(q.shelvesByIds(r, [...new Set(runs.flatMap((x) => [x.first_shelf_id, x.last_shelf_id]))]).map((s) => [s.id, shelfLabel(s)]));

  // The last 12 months, this one included: the observed rate and the monthly chart from one read.
  const yearIntake = new Map<number, { files: number; volumes: number }>();
  const months = new Map<string, { files: number; volumes: number }>();
  for (const x of q.intakeByMonthAndCommunity(r, monthsBefore(today, 11))) {
    const y = yearIntake.get(x.community_id) ?? { files: 0, volumes: 0 };
    yearIntake.set(x.community_id, { files: y.files + x.files, volumes: y.volumes + x.volumes });
    const m = months.get(x.month) ?? { files: 0, volumes: 0 };
    months.set(x.month, { files: m.files + x.files, volumes: m.volumes + x.volumes });
  }
  const monthlyMm = (cid: number) => {
    const y = yearIntake.get(cid);
    return y ? ((y.volumes || y.files) * thick) / 12 : 0;
  };

  const total = acc();
  const perRoom = new Map<number, { a: Acc; units: Map<number, { name: string; a: Acc; rows: { row: number; a: Acc }[] }> }>();
  for (const x of rows) {
    const a: Acc = { cap: x.cap, used: x.used, reserved: x.reserved, files: x.files, volumes: x.volumes };
    const room = perRoom.get(x.room_id) ?? { a: acc(), units: new Map() };
    perRoom.set(x.room_id, room);
    const unit = room.units.get(x.unit_id) ?? { name: x.unit_name, a: acc(), rows: [] };
    room.units.set(x.unit_id, unit);
    unit.rows.push({ row: x.row_no, a });
    add(unit.a, a);
    add(room.a, a);
    add(total, a);
  }
  // A community's growth lands where its run is: count it against the room its run starts in.
  const roomGrowth = new Map<number, number>();
  for (const run of runs) roomGrowth.set(run.room_id, (roomGrowth.get(run.room_id) ?? 0) + monthlyMm(run.community_id));

  const roomOut: RoomCapacity[] = rooms.map((room) => {
    const x = perRoom.get(room.id) ?? { a: acc(), units: new Map<number, { name: string; a: Acc; rows: { row: number; a: Acc }[] }>() };
    const growth = roomGrowth.get(room.id) ?? 0;
    const f = figures(x.a);
    return {
      roomId: room.id,
      name: room.name,
      kind: room.kind,
      areaM2: room.areaM2,
      ...f,
      monthlyGrowthMm: Math.round(growth),
      forecastFullOn: x.a.cap > 0 ? forecastFullOn(today, f.freeMm, growth) : null,
      units: [...x.units].map(([unitId, u]) => ({ unitId, name: u.name, ...figures(u.a), rows: u.rows.map((w) => ({ row: w.row, ...figures(w.a) })) })),
    };
  });

  const placedPer = new Map(runs.map((x) => [x.community_id, x.files]));
  const unplaced = new Map(held.map((x) => [x.community_id, Math.max(0, x.files - (placedPer.get(x.community_id) ?? 0))]));
  const runOut: CommunityRunCapacity[] = runs.map((run) => {
    const rule = reserveRuleFor(settings, run.community_id);
    const reserveMm = rule.mode === 'percent' ? (run.used * rule.value) / 100 : rule.value * monthlyMm(run.community_id);
    return {
      communityId: run.community_id,
      communityName: names.get(run.community_id) ?? `社区 ${run.community_id}`,
      firstPlace: ends.get(run.first_shelf_id) ?? '',
      lastPlace: ends.get(run.last_shelf_id) ?? '',
      shelves: run.shelves,
      capacityMm: run.cap,
      usedMm: run.used,
      freeMm: Math.max(0, run.cap - run.used),
      reserveMm: Math.round(reserveMm),
      files: run.files,
      unplaced: unplaced.get(run.community_id) ?? 0,
    };
  });

  const heldFiles = held.reduce((s, x) => s + x.files, 0);
  const intakePerMonth = Array.from({ length: 12 }, (_, k) => {
    const month = monthsBefore(today, 11 - k).slice(0, 7);
    const m = months.get(month);
    return { month, files: m?.files ?? 0, volumes: m?.volumes ?? 0 };
  });
  return {
    totals: { ...figures(total), unplacedFiles: Math.max(0, heldFiles - total.files) },
    rooms: roomOut,
    runs: runOut,
    intakePerMonth,
    compliance: complianceChecks(rooms, held.reduce((s, x) => s + x.volumes, 0), settings.compliance),
    asOf: today,
  };
}
