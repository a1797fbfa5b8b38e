/**
 * Storage benchmark: `npm run bench -- storage [--files N] [--communities N]`.
 *
 * 50,000 archive files in 40 communities over 3 rooms (each room one 12 列 × 6 节 × 5 层 × A/B unit
 * of 900 mm shelves), in a real encrypted workspace through the real core. Measures, each next to
 * the same job done by a straightforward per-file (or per-shelf) query loop in the same run:
 *   1. initial placement of every file (plan + commit),
 *   2. one month's intake of 500 files placed incrementally (plan + commit),
 *   3. the capacity dashboard,
 *   4. locate by archive number (200 random numbers: median and worst).
 * Targets: 500 new files ≤ 1 s, dashboard ≤ 200 ms, locate ≤ 20 ms.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Core } from '../electron/services/core/core';
import type { Store, Tx } from '../electron/services/store/api';
import type { Input, MethodName, Output } from '../shared/contract';
import { fromErrorPayload, type Result } from '../shared/errors';
import { filesFor, seedCommunities, seedFiles, type SeedFile } from '../tests/storage/seed';
import { arg, printTable } from './table';
import { rng } from './seedData';

const log = (msg: string) => process.stderr.write(`[bench storage] ${msg}\n`);
const S = 'bench';

async function call<M extends MethodName>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  const r = (await core.call(S, method, input)) as Result<Output<M>>;
  if (!r.ok) throw fromErrorPayload(r.error);
  return r.value;
}

/** Wall time, and CPU time of this process (less disturbed when other programs share the cores). */
async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const used = process.cpuUsage(c);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, value };
}

const DEFAULT_MM = 15;

/**
 * The straightforward way: one file at a time, asking the database for the community's run, the
 * last file placed, the space used on that shelf and the next shelf, then inserting. No reserve
 * logic (it only has to be the same job in the easy shape, to compare speed).
 */
function naivePlace(tx: Tx, at: string): number {
  const files = tx.all<{ id: number; community_id: number; seq: number; volumes: number; thickness_mm: number }>(
    `SELECT id, community_id, seq, volumes, thickness_mm FROM archive_files f WHERE status <> 'transferred_out'
     AND NOT EXISTS (SELECT 1 FROM storage_places p WHERE p.file_id = f.id) ORDER BY community_id, seq`,
  );
  let placed = 0;
  for (const f of files) {
    const width = f.thickness_mm > 0 ? f.thickness_mm : f.volumes * DEFAULT_MM;
    let run = tx.get<{ first_shelf_id: number; last_shelf_id: number }>('SELECT first_shelf_id, last_shelf_id FROM storage_runs WHERE community_id = ?', [f.community_id]);
    let shelf: number | undefined = tx.get<{ shelf_id: number }>('SELECT shelf_id FROM storage_places WHERE community_id = ? ORDER BY seq DESC LIMIT 1', [f.community_id])?.shelf_id;
    if (!run) {
      const after = tx.get<{ ord: number }>('SELECT MAX(s.ord) AS ord FROM storage_runs r JOIN storage_shelves s ON s.id = r.last_shelf_id')?.ord ?? 0;
      const start = tx.get<{ id: number }>('SELECT id FROM storage_shelves WHERE ord > ? ORDER BY ord LIMIT 1', [after ?? 0])?.id;
      if (start === undefined) throw new Error('naive: out of shelves');
      tx.run('INSERT INTO storage_runs (community_id, first_shelf_id, last_shelf_id) VALUES (?,?,?)', [f.community_id, start, start]);
      run = { first_shelf_id: start, last_shelf_id: start };
      shelf = start;
    }
    let onShelf: number = shelf ?? run.first_shelf_id;
    for (;;) {
      const used = tx.get<{ u: number }>('SELECT COALESCE(SUM(width_mm), 0) AS u FROM storage_places WHERE shelf_id = ?', [onShelf])?.u ?? 0;
      const cap = tx.get<{ w: number }>('SELECT width_mm AS w FROM storage_shelves WHERE id = ?', [onShelf])?.w ?? 0;
      if (used + width <= cap) break;
      const next: number | undefined = tx.get<{ id: number }>('SELECT id FROM storage_shelves WHERE ord = (SELECT ord FROM storage_shelves WHERE id = ?) + 1', [onShelf])?.id;
      if (next === undefined) throw new Error('naive: out of shelves');
      onShelf = next;
      tx.run('UPDATE storage_runs SET last_shelf_id = ? WHERE community_id = ?', [onShelf, f.community_id]);
    }
    tx.run('INSERT INTO storage_places (file_id, shelf_id, community_id, seq, width_mm, placed_at) VALUES (?,?,?,?,?,?)', [f.id, onShelf, f.community_id, f.seq, width, at]);
    placed++;
  }
  return placed;
}

/** The straightforward dashboard: one query per shelf for its use, per room for its area, per community for its run. */
function naiveDashboard(store: Store): number {
  let total = 0;
  for (const s of store.all<{ id: number }>('SELECT id FROM storage_shelves ORDER BY ord')) {
    const u = store.get<{ u: number; n: number }>('SELECT COALESCE(SUM(width_mm), 0) AS u, COUNT(*) AS n FROM storage_places WHERE shelf_id = ?', [s.id]);
    store.get('SELECT s.width_mm, u.room_id FROM storage_shelves s JOIN storage_units u ON u.id = s.unit_id WHERE s.id = ?', [s.id]);
    total += u?.u ?? 0;
  }
  for (const r of store.all<{ community_id: number }>('SELECT community_id FROM storage_runs')) {
    store.get("SELECT COUNT(*) AS n FROM archive_files WHERE community_id = ? AND received_on >= '2025-11-01'", [r.community_id]);
  }
  store.get("SELECT COUNT(*) AS n, SUM(volumes) AS v FROM archive_files WHERE status <> 'transferred_out'");
  return total;
}

/** The straightforward locate: read every archive number, find it, then look up its place step by step. */
function naiveLocate(store: Store, archiveNo: string): string {
  const all = store.all<{ id: number; archive_no: string }>('SELECT id, archive_no FROM archive_files');
  const f = all.find((x) => x.archive_no === archiveNo);
  if (!f) return '';
  const p = store.get<{ shelf_id: number; seq: number }>('SELECT shelf_id, seq FROM storage_places WHERE file_id = ?', [f.id]);
  if (!p) return '';
  const s = store.get<{ unit_id: number; row_no: number; section_no: number; level_no: number; side: string }>('SELECT unit_id, row_no, section_no, level_no, side FROM storage_shelves WHERE id = ?', [p.shelf_id]);
  const u = store.get<{ room_id: number }>('SELECT room_id FROM storage_units WHERE id = ?', [s?.unit_id ?? 0]);
  const r = store.get<{ name: string }>('SELECT name FROM storage_rooms WHERE id = ?', [u?.room_id ?? 0]);
  const onShelf = store.all<{ seq: number }>('SELECT seq FROM storage_places WHERE shelf_id = ?', [p.shelf_id]);
  const pos = onShelf.filter((x) => x.seq < p.seq).length + 1;
  return `${r?.name}-${s?.row_no}列-${s?.section_no}节-${s?.level_no}层-${s?.side}面-${pos}位`;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const pass = (ms: number, target: number) => (ms <= target ? '达标' : '未达标');

export async function run(args: string[]): Promise<void> {
  const totalFiles = Number(arg(args, 'files') ?? 50_000);
  const nCommunities = Number(arg(args, 'communities') ?? 40);
  const monthFiles = 500;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-storage-'));
  const core = new Core({ mode: 'cli', userDataDir: dir, version: 'bench', now: () => new Date('2026-11-21T08:00:00Z') });
  try {
    await call(core, 'workspace.create', { adminName: 'bench', adminDisplayName: '基准', password: 'bench-password-1' });
    const store = core.workspace.require().store;
    for (let i = 1; i <= 3; i++) {
      const room = await call(core, 'storage.roomSave', { name: `${i}号库房`, kind: 'storage', areaM2: 200 });
      await call(core, 'storage.unitCreate', { roomId: room.id, name: `${i}号密集架`, rows: 12, sections: 6, shelves: 5, sides: 'AB', shelfWidthMm: 900 });
    }
    await call(core, 'storage.roomSave', { name: '阅档室', kind: 'reading', areaM2: 30 });
    await call(core, 'storage.roomSave', { name: '办公室', kind: 'office', areaM2: 20 });
    await call(core, 'storage.settingsSave', { defaultReserve: { mode: 'percent', value: 15 }, compliance: { keepers: 5 } });

    const communities = seedCommunities(store, nCommunities);
    const r = rng(5);
    const perCommunity = Math.floor(totalFiles / nCommunities);
    const seed: SeedFile[] = [];
    communities.forEach((cid, k) => {
      for (const f of filesFor(cid, String(101 + k), 1, perCommunity)) {
        // About 500 files a month for the last 100 months: the same rate as the month measured below.
        const back = 1 + Math.floor(r() * 100);
        const d = new Date(Date.UTC(2026, 10 - back, 15));
        seed.push({ ...f, volumes: r() < 0.2 ? 2 : 1, receivedOn: d.toISOString().slice(0, 10) });
      }
    });
    log(`seeding ${seed.length} files in ${nCommunities} communities…`);
    seedFiles(store, seed);

    // 1. Initial placement: naive first (committed, then undone untimed), then ours.
    log('initial placement: per-file loop…');
    const naiveInit = await timed(() => store.write((tx) => naivePlace(tx, 'n')));
    store.write((tx) => {
      tx.run('DELETE FROM storage_places');
      tx.run('DELETE FROM storage_runs');
    });
    log('initial placement: planner…');
    const initPlan = await timed(() => call(core, 'storage.placementPlan', {}));
    const initCommit = await timed(() => call(core, 'storage.placementCommit', { planId: initPlan.value.planId }));
    const initMs = initPlan.ms + initCommit.ms;

    // 2. One month's intake: 500 files spread over the communities.
    const month: SeedFile[] = [];
    for (let i = 0; i < monthFiles; i++) {
      const k = i % nCommunities;
      const cid = communities[k] as number;
      const seq = perCommunity + 1 + Math.floor(i / nCommunities);
      month.push(...filesFor(cid, String(101 + k), seq, seq, { receivedOn: '2026-11-10' }));
    }
    const monthIds = seedFiles(store, month);
    log('month of intake: per-file loop…');
    const runsBefore = store.all<{ community_id: number; last_shelf_id: number }>('SELECT community_id, last_shelf_id FROM storage_runs');
    const naiveMonth = await timed(() => store.write((tx) => naivePlace(tx, 'n')));
    // Undo the naive placement (untimed) so the planner starts from the same state.
    store.write((tx) => {
      tx.run(`DELETE FROM storage_places WHERE file_id IN (${monthIds.join(',')})`);
      for (const x of runsBefore) tx.run('UPDATE storage_runs SET last_shelf_id = ? WHERE community_id = ?', [x.last_shelf_id, x.community_id]);
    });
    log('month of intake: planner…');
    const monthPlan = await timed(() => call(core, 'storage.placementPlan', {}));
    const monthCommit = await timed(() => call(core, 'storage.placementCommit', { planId: monthPlan.value.planId }));
    const monthMs = monthPlan.ms + monthCommit.ms;

    // 3. Dashboard (warm once, then the median of 5).
    await call(core, 'storage.capacity', {});
    const dash: number[] = [];
    const dashCpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = await timed(() => call(core, 'storage.capacity', {}));
      dash.push(t.ms);
      dashCpu.push(t.cpuMs);
    }
    dashCpu.sort((a, b) => a - b);
    const naiveDash = await timed(() => naiveDashboard(store));
    const dashboard = await call(core, 'storage.capacity', {});

    // 4. Locate by archive number.
    const probes = Array.from({ length: 200 }, () => {
      const k = Math.floor(r() * nCommunities);
      return `C${101 + k}-${String(1 + Math.floor(r() * perCommunity)).padStart(4, '0')}`;
    });
    const loc: number[] = [];
    for (const no of probes) {
      const t = await timed(() => call(core, 'storage.locate', { query: no, by: 'archiveNo' }));
      if (!t.value[0]?.place) throw new Error(`locate: ${no} not placed`);
      loc.push(t.ms);
    }
    loc.sort((a, b) => a - b);
    const naiveLoc: number[] = [];
    for (const no of probes.slice(0, 20)) naiveLoc.push((await timed(() => naiveLocate(store, no))).ms);
    naiveLoc.sort((a, b) => a - b);
    const median = (xs: number[]) => xs[Math.floor(xs.length / 2)] ?? 0;
    dash.sort((a, b) => a - b);

    console.log(`\n库房基准：${seed.length} 份档案，${nCommunities} 个社区，3 个库房（${3 * 720} 层 × 900 mm）；本月接收 ${monthFiles} 份。`);
    console.log(`上架后：已用 ${(dashboard.totals.usedMm / 1000).toFixed(0)} 米 / ${(dashboard.totals.capacityMm / 1000).toFixed(0)} 米，移动 ${monthPlan.value.moves.length} 份，待上架 ${dashboard.totals.unplacedFiles} 份。\n`);
    console.log(`本机 ${os.cpus().length} 核，测量时系统负载 ${os.loadavg()[0]?.toFixed(1)}（负载高时墙钟时间偏长，括号内另列本进程 CPU 时间）。\n`);
    printTable([
      ['操作', '本实现', '逐条查询', '目标', '结果'],
      [`初次上架 ${seed.length} 份（方案+提交）`, `${fmt(initMs)}（方案 ${fmt(initPlan.ms)}）`, fmt(naiveInit.ms), '—', '—'],
      [`本月新增 ${monthFiles} 份上架（方案+提交）`, `${fmt(monthMs)}（方案 ${fmt(monthPlan.ms)}；CPU ${fmt(monthPlan.cpuMs + monthCommit.cpuMs)}）`, fmt(naiveMonth.ms), '≤ 1 s', pass(monthMs, 1000)],
      ['库容看板（5 次中位数）', `${fmt(median(dash))}（CPU ${fmt(median(dashCpu))}）`, fmt(naiveDash.ms), '≤ 200 ms', pass(median(dash), 200)],
      ['按档号定位（200 次中位数）', fmt(median(loc)), fmt(median(naiveLoc)), '≤ 20 ms', pass(median(loc), 20)],
      ['按档号定位（200 次 95 分位）', fmt(loc[Math.floor(loc.length * 0.95)] ?? 0), fmt(naiveLoc[Math.floor(naiveLoc.length * 0.95)] ?? 0), '≤ 20 ms', pass(loc[Math.floor(loc.length * 0.95)] ?? 0, 20)],
      ['按档号定位（200 次最慢）', fmt(loc[loc.length - 1] ?? 0), fmt(naiveLoc[naiveLoc.length - 1] ?? 0), '—', '—'],
    ]);
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
