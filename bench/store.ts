/**
 * Store benchmark: `npm run bench -- store [--quick] [--dir DIR] [--keep]`.
 *
 * Seeds a workspace (50,000 retirees, 1,500,000 item-list rows; --quick: 5,000 / 150,000) in large
 * transactions, snapshots, then measures in one run: open time (snapshot + journal replay), commit
 * latency of a one-row change, a snapshot taken while commits continue (its duration and the worst
 * commit latency / event-loop stall meanwhile), RSS; the naive design (export + encrypt + write +
 * fsync the whole database per commit); and the floor (bare append + fdatasync of a record of the
 * same size, sampled alternately with the commits). Prints one table with targets and pass/fail.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKeyring, createStore, generateDataKey, openStore, RECOVERY_SLOT } from '../electron/services/store/index';
import { withFileSource } from '../electron/services/store/byteSource';
import { listSegments, segmentName } from '../electron/services/store/journal';
import { listSnapshots, readSnapshot, writeSnapshotFile } from '../electron/services/store/snapshot';
import { applyConnectionPragmas, loadSqlJs, openDatabase } from '../electron/services/store/sqlRunner';
import { deriveWorkspaceKeys } from '../electron/services/store/workspaceKeys';
import { migrate } from '../electron/services/db/migrations';
import { insertMany, ITEM_COLUMNS, itemRow, PERSON_COLUMNS, personRow, rng, seedCommunities } from './seedData';
import type { SqlValue } from '../electron/services/store/api';

const PER_WRITE = 10_000;
const COMMITS = 2_000;
const REPLAY_RECORDS = 1_000;
const NAIVE_COMMITS = 20;

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? NaN, n: s.length };
}

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const triple = (s: Stats) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function log(msg: string): void {
  process.stderr.write(`[bench store] ${msg}\n`);
}

function newestSegmentSize(dir: string): number {
  const last = listSegments(dir).pop();
  return last === undefined ? 0 : fs.statSync(path.join(dir, segmentName(last))).size;
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const keep = args.includes('--keep');
  const dirArg = args[args.indexOf('--dir') + 1];
  const base = args.includes('--dir') && dirArg ? dirArg : os.tmpdir();
  const persons = quick ? 5_000 : 50_000;
  const items = quick ? 150_000 : 1_500_000;
  const root = fs.mkdtempSync(path.join(base, 'archivedesk-bench-'));
  const dir = path.join(root, 'ws');
  try {
    await measure(dir, root, persons, items, quick);
  } finally {
    if (!keep) fs.rmSync(root, { recursive: true, force: true });
    else log(`workspace kept at ${dir}`);
  }
}

async function measure(dir: string, root: string, persons: number, items: number, quick: boolean): Promise<void> {
  const key = generateDataKey();
  const ring = createKeyring(dir);
  ring.setSlot(RECOVERY_SLOT, 'bench', key);

  // ── seed ──
  let t = performance.now();
  let store = await createStore(dir, ring, key, { autoSnapshot: false });
  migrate(store, '2024-01-01T00:00:00.000Z');
  store.write((tx) => seedCommunities(tx));
  const r = rng(42);
  for (let from = 1; from <= persons; from += PER_WRITE) {
    const rows: SqlValue[][] = [];
    for (let id = from; id < Math.min(persons + 1, from + PER_WRITE); id++) rows.push(personRow(id, r));
    store.write((tx) => insertMany(tx, 'persons', PERSON_COLUMNS, rows));
  }
  const perPerson = Math.ceil(items / persons);
  for (let from = 1; from <= items; from += PER_WRITE) {
    const rows: SqlValue[][] = [];
    for (let id = from; id < Math.min(items + 1, from + PER_WRITE); id++) {
      const personId = 1 + Math.floor((id - 1) / perPerson);
      rows.push(itemRow(id, personId, 1 + ((id - 1) % perPerson), r));
    }
    store.write((tx) => insertMany(tx, 'item_list', ITEM_COLUMNS, rows));
  }
  const seedMs = performance.now() - t;
  log(`seeded ${persons} persons, ${items} items in ${(seedMs / 1000).toFixed(1)} s; folding into a snapshot…`);
  t = performance.now();
  await store.snapshot();
  const seedSnapshotMs = performance.now() - t;
  const r2 = rng(7);
  for (let i = 0; i < REPLAY_RECORDS; i++) {
    store.write((tx) => tx.run('UPDATE persons SET note = ? WHERE id = ?', [`备注 ${i}`, 1 + Math.floor(r2() * persons)]));
  }
  await store.close();
  // Let the OS write back what seeding left dirty, so it does not land in the commit figures.
  spawnSync('sync');
  const snapFile = listSnapshots(dir)[0]?.name as string;
  const dbImageBytes = fs.statSync(path.join(dir, snapFile)).size;
  log(`seed snapshot ${snapFile} (${mb(dbImageBytes)}) took ${(seedSnapshotMs / 1000).toFixed(1)} s`);

  // ── open ──
  t = performance.now();
  store = await openStore(dir, key, { autoSnapshot: false });
  const openMs = performance.now() - t;
  const rssAfterOpen = process.memoryUsage.rss();
  const counts = store.get<{ p: number; i: number }>('SELECT (SELECT count(*) FROM persons) AS p, (SELECT count(*) FROM item_list) AS i');
  if (counts?.p !== persons || counts.i !== items) throw new Error(`row counts after open: ${JSON.stringify(counts)}`);
  log(`opened in ${ms(openMs)} (replayed ${store.openInfo.replayedRecords} records)`);

  // ── commit latency of a one-row change, and the floor, interleaved ──
  // The floor (bare append + fdatasync of a record of the same size, to a file in the same folder)
  // is sampled alternately with the commits, so both see the same disk and CPU conditions.
  const oneRowChange = (i: number) => {
    const id = 1 + Math.floor(r2() * persons);
    store.write((tx) => tx.run('UPDATE persons SET phone = ?, updated_at = ? WHERE id = ?', [`139${String(i).padStart(8, '0')}`, new Date().toISOString(), id]));
  };
  const WARMUP = 50;
  const segBefore = newestSegmentSize(dir);
  for (let i = 0; i < WARMUP; i++) oneRowChange(i);
  const recordBytes = Math.round((newestSegmentSize(dir) - segBefore) / WARMUP);
  const floorFd = fs.openSync(path.join(root, 'floor.bin'), 'w');
  const rec = crypto.randomBytes(recordBytes);
  const floorOnce = () => {
    const s = performance.now();
    fs.writeSync(floorFd, rec);
    fs.fdatasyncSync(floorFd);
    return performance.now() - s;
  };
  const lat: number[] = [];
  const floorLat: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    if (i % 2 === 0) floorLat.push(floorOnce());
    const s = performance.now();
    oneRowChange(WARMUP + i);
    lat.push(performance.now() - s);
    if (i % 2 === 1) floorLat.push(floorOnce());
  }
  fs.closeSync(floorFd);
  const commit = stats(lat);
  const floor = stats(floorLat);
  log(`commits: p50 ${ms(commit.p50)} p95 ${ms(commit.p95)}; floor p95 ${ms(floor.p95)}; record ≈ ${recordBytes} bytes`);

  // ── snapshot while committing ──
  let rssPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 20);
  const during: number[] = [];
  let maxGap = 0;
  let done = false;
  let last = performance.now();
  t = performance.now();
  const snap = store.snapshot().then(() => (done = true));
  const kickoffMs = performance.now() - t; // the synchronous part (journal rotation) also holds commits up
  let i = 0;
  while (!done) {
    const s = performance.now();
    maxGap = Math.max(maxGap, s - last);
    store.write((tx) => tx.run('UPDATE persons SET phone = ? WHERE id = ?', [`137${String(i++).padStart(8, '0')}`, 1 + Math.floor(r2() * persons)]));
    const e = performance.now();
    during.push(e - s);
    last = e;
    await yieldNow();
  }
  await snap;
  const snapshotMs = performance.now() - t;
  clearInterval(sampler);
  const duringStats = stats(during);
  const worstStall = Math.max(duringStats.max, maxGap, kickoffMs);
  log(`snapshot under load: ${ms(snapshotMs)}, ${during.length} commits, worst stall ${ms(worstStall)}`);
  await store.close();

  // ── naive design: export + encrypt + write + fsync the whole DB per commit ──
  const SQL = await loadSqlJs();
  const keys = deriveWorkspaceKeys(key, ring.workspaceId);
  const newest = listSnapshots(dir)[0]?.name as string;
  const read = withFileSource(path.join(dir, newest), (src) => readSnapshot(src, newest, keys.snapshot, true));
  const db = openDatabase(SQL, read.image ?? undefined);
  const naiveDir = path.join(root, 'naive');
  fs.mkdirSync(naiveDir);
  const naive: number[] = [];
  for (let n = 0; n < NAIVE_COMMITS; n++) {
    const s = performance.now();
    db.run('UPDATE persons SET phone = ? WHERE id = ?', [`136${n}`, 1 + n]);
    const image = db.export();
    applyConnectionPragmas(db);
    writeSnapshotFile(naiveDir, { coveredSeq: n, afterSegment: 0 }, image, ring.workspaceId, keys.snapshot.keys);
    naive.push(performance.now() - s);
    fs.rmSync(path.join(naiveDir, `snapshot-${String(n).padStart(12, '0')}.db.enc`));
  }
  db.close();
  const naiveStats = stats(naive);

  // ── report ──
  const ratio = commit.p95 / floor.p95;
  const rows: [string, string, string, string][] = [
    ['规模', `${persons.toLocaleString()} 名退休人员，${items.toLocaleString()} 条卷内目录；快照 ${mb(dbImageBytes)}`, '', ''],
    ['播种（每次写入 1 万行）/ 首次快照', `${(seedMs / 1000).toFixed(1)} s / ${(seedSnapshotMs / 1000).toFixed(1)} s`, '', ''],
    [`打开（解密快照 + 重放 ${store.openInfo.replayedRecords} 条日志）`, ms(openMs), '≤ 5 s', openMs <= 5000 ? '通过' : '未通过'],
    [`单行提交延迟 p50 / p95 / p99（${commit.n} 次）`, triple(commit), 'p95 ≤ 5 ms', commit.p95 <= 5 ? '通过' : '未通过'],
    ['单行提交 p95 与下限 p95 之比', `${ratio.toFixed(1)}×`, '≤ 10×', ratio <= 10 ? '通过' : '未通过'],
    ['单行提交最大延迟', ms(commit.max), '', ''],
    [`快照耗时（期间继续提交 ${during.length} 次）`, ms(snapshotMs), '', ''],
    ['快照期间提交 p50 / p99 / 最大', `${ms(duringStats.p50)} / ${ms(duringStats.p99)} / ${ms(duringStats.max)}`, '', ''],
    ['快照期间最长停顿（提交、事件循环间隔、日志轮换取最大）', ms(worstStall), '≤ 50 ms', worstStall <= 50 ? '通过' : '未通过'],
    ['RSS：打开后 / 快照期间峰值', `${mb(rssAfterOpen)} / ${mb(rssPeak)}`, '', ''],
    [`朴素方案（每次提交导出+加密+写入+fsync 整库，${naiveStats.n} 次）p50 / p95 / p99`, triple(naiveStats), '', ''],
    [`下限（追加 ${recordBytes} 字节 + fdatasync，与提交交替测 ${floor.n} 次）p50 / p95 / p99`, triple(floor), '', ''],
  ];
  const header: [string, string, string, string] = ['指标', '结果', '目标', '结论'];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...[header, ...rows].map((row) => displayWidth(row[c] ?? ''))));
  const line = (cells: string[]) => `| ${cells.map((c, k) => c + ' '.repeat(Math.max(0, (widths[k] ?? 0) - displayWidth(c)))).join(' | ')} |`;
  console.log(`\n存储基准测试${quick ? '（--quick 小规模）' : ''}：${os.cpus().length} 核，Node ${process.version}，${os.platform()}\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(Math.max(3, w)))));
  for (const row of rows) console.log(line(row));
  const failed = rows.filter((row) => row[3] === '未通过').length;
  console.log(failed === 0 ? '\n全部目标达成。' : `\n${failed} 项目标未达成。`);
  if (failed > 0) process.exitCode = 1;
}
