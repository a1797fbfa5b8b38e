/**
 * The encrypted store: sql.js in memory; on disk only an encrypted snapshot plus an append-only
 * encrypted journal of committed transactions. Opening = newest snapshot + journal replay. Nothing
 * on disk is modified until the whole workspace has been read successfully.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import { AppError } from '../../../shared/errors';
import type { VerifyReport } from '../../../shared/types';
import type { BlobStore, Keyring, RunResult, SqlParams, Store, Tx } from './api';
import { writeBackup } from './backup';
import { BLOB_DIR, FileBlobStore } from './blobStore';
import { withFileSource } from './byteSource';
import { isTempName } from './durableFs';
import { JournalWriter, listSegments, segmentName, truncateSegment } from './journal';
import { KEYSLOTS_FILE, loadKeyring } from './keyring';
import { acquireLock, type WorkspaceLock } from './lock';
import { copyParams, type JournalStatement } from './recordCodec';
import { replaySegments, requireContiguous } from './replay';
import { isWrongKey, listSnapshots, readSnapshot, readSnapshotHeader, writeSnapshotFile, type SnapshotInfo } from './snapshot';
import { runSnapshotInWorker } from './snapshotRunner';
import { applyConnectionPragmas, loadSqlJs, openDatabase, resolveWasmPath, SqlRunner } from './sqlRunner';
import { verifyWorkspaceFiles } from './verify';
import type { WorkspaceFiles } from './workspaceFiles';
import { deriveWorkspaceKeys, type WorkspaceKeys } from './workspaceKeys';

export interface StoreOptions {
  /** sql-wasm.wasm location (packaged app); default: ARCHIVEDESK_SQL_WASM or node_modules. */
  wasmPath?: string;
  /** Take a snapshot automatically after this many journal records (default 2,000)… */
  snapshotEveryRecords?: number;
  /** …or this many journal bytes (default 16 MiB). */
  snapshotEveryBytes?: number;
  /** Default true. Off: snapshots only when snapshot() is called. */
  autoSnapshot?: boolean;
  /** Told about failures of automatic snapshots (the store keeps working on the journal). */
  onBackgroundError?: (err: unknown) => void;
}

export interface OpenInfo {
  snapshot: string;
  snapshotSeq: number;
  replayedSegments: number;
  replayedRecords: number;
  /** A write torn by a crash, found at the end of the newest segment and cut off. */
  tornTail: { file: string; bytes: number } | null;
  ms: number;
}

export interface OpenedStore extends Store {
  readonly workspaceId: string;
  /** seq of the newest committed journal record. */
  readonly lastSeq: number;
  readonly openInfo: OpenInfo;
}

const DEFAULT_EVERY_RECORDS = 2_000;
const DEFAULT_EVERY_BYTES = 16 * 1024 * 1024;

export function workspaceExists(dir: string): boolean {
  return fs.existsSync(path.join(dir, KEYSLOTS_FILE));
}

class EncryptedStore implements OpenedStore, WorkspaceFiles {
  readonly blobs: BlobStore;
  private closed = false;
  private inWrite = false;
  private recordsSince = 0;
  private bytesSince = 0;
  private running: Promise<void> | null = null;
  private readonly pending = new Set<Promise<unknown>>();
  private pins = 0;
  private readonly deferred: (() => void)[] = [];
  private retentionDue = false;
  private seq: number;
  private newest: SnapshotInfo;

  constructor(
    readonly dir: string,
    readonly keys: WorkspaceKeys,
    private readonly dataKey: Buffer,
    private readonly db: Database,
    private readonly runner: SqlRunner,
    private writer: JournalWriter,
    private readonly lock: WorkspaceLock,
    newest: SnapshotInfo,
    lastSeq: number,
    readonly openInfo: OpenInfo,
    private readonly opts: Required<Pick<StoreOptions, 'snapshotEveryRecords' | 'snapshotEveryBytes' | 'autoSnapshot'>> &
      Pick<StoreOptions, 'onBackgroundError'> & { wasmPath: string },
  ) {
    this.seq = lastSeq;
    this.newest = newest;
    this.blobs = new FileBlobStore(dir, keys.workspaceId, keys.blob, (fn) => this.afterUnpin(fn));
  }

  get workspaceId(): string {
    return this.keys.workspaceId;
  }

  get lastSeq(): number {
    return this.seq;
  }

  get<T>(sql: string, params?: SqlParams): T | undefined {
    this.assertOpen();
    return this.runner.get<T>(sql, params);
  }

  all<T>(sql: string, params?: SqlParams): T[] {
    this.assertOpen();
    return this.runner.all<T>(sql, params);
  }

  write<T>(fn: (tx: Tx) => T): T {
    this.assertOpen();
    if (this.inWrite) throw new AppError('INTERNAL', '不能在一个写事务中再调用 write()。');
    this.inWrite = true;
    const stmts: JournalStatement[] = [];
    let live = true;
    const guard = () => {
      if (!live) throw new AppError('INTERNAL', '写事务已结束，不能再使用它的 tx 对象。');
    };
    const tx: Tx = {
      run: (sql: string, params?: SqlParams): RunResult => {
        guard();
        const journaled = copyParams(params);
        const result = this.runner.run(sql, journaled);
        // Only statements that succeeded: a failed one was undone by SQLite and is not replayed.
        stmts.push([sql, journaled]);
        return result;
      },
      get: <R>(sql: string, params?: SqlParams) => (guard(), this.runner.get<R>(sql, params)),
      all: <R>(sql: string, params?: SqlParams) => (guard(), this.runner.all<R>(sql, params)),
    };
    this.runner.exec('BEGIN');
    try {
      const result = fn(tx);
      if (result instanceof Promise) throw new AppError('INTERNAL', 'write() 的回调必须是同步函数（不能返回 Promise）。');
      if (stmts.length > 0) {
        const seq = this.seq + 1;
        const bytes = this.writer.append(seq, stmts);
        this.seq = seq;
        this.recordsSince += 1;
        this.bytesSince += bytes;
      }
      this.runner.exec('COMMIT');
      return result;
    } catch (err) {
      // After a journaled record only COMMIT itself can fail (deferred constraint); replay mirrors it.
      try {
        this.runner.exec('ROLLBACK');
      } catch {
        // no transaction left to roll back
      }
      throw err;
    } finally {
      live = false;
      this.inWrite = false;
      this.maybeAutoSnapshot();
    }
  }

  async snapshot(): Promise<void> {
    this.assertOpen();
    await this.snapshotInternal();
  }

  private async snapshotInternal(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    if (this.seq === this.newest.coveredSeq) return; // nothing new to fold in
    const run = this.runSnapshot();
    this.running = run;
    try {
      await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  private async runSnapshot(): Promise<void> {
    const broken = this.writer.failure;
    if (broken) throw broken;
    const base = this.newest;
    const target = { coveredSeq: this.seq, afterSegment: this.writer.segNo };
    const segNos: number[] = [];
    for (let n = base.afterSegment + 1; n <= target.afterSegment; n++) segNos.push(n);
    // Rotate first: from here on commits go to a new segment the worker never reads.
    const next = JournalWriter.create(this.keys.journal, this.dir, this.writer.segNo + 1, this.seq + 1);
    this.writer.close();
    this.writer = next;
    this.recordsSince = 0;
    this.bytesSince = 0;
    const result = await runSnapshotInWorker({
      dir: this.dir,
      dataKey: this.dataKey,
      workspaceId: this.keys.workspaceId,
      wasmPath: this.opts.wasmPath,
      base,
      segNos,
      target,
    });
    this.newest = result.info;
    this.applyRetention();
  }

  private maybeAutoSnapshot(): void {
    if (!this.opts.autoSnapshot || this.running || this.closed) return;
    if (this.recordsSince < this.opts.snapshotEveryRecords && this.bytesSince < this.opts.snapshotEveryBytes) return;
    const p = this.snapshotInternal().catch((err: unknown) => this.opts.onBackgroundError?.(err));
    this.track(p);
  }

  verifyFiles(): Promise<VerifyReport> {
    this.assertOpen();
    return this.track(verifyWorkspaceFiles(this));
  }

  backupTo(file: string): Promise<number> {
    this.assertOpen();
    return this.track(writeBackup(this, file));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.pending, this.running]);
    this.writer.close();
    this.runner.clearCache();
    this.db.close();
    this.lock.release();
  }

  // ── WorkspaceFiles (for verify and backup) ──
  newestSnapshot(): SnapshotInfo {
    return this.newest;
  }

  committedSeq(): number {
    return this.seq;
  }

  activeSegment(): { segNo: number; size: number } {
    return { segNo: this.writer.segNo, size: this.writer.size };
  }

  pin(): () => void {
    this.pins += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.pins -= 1;
      if (this.pins > 0) return;
      for (const fn of this.deferred.splice(0)) fn();
      if (this.retentionDue) this.applyRetention();
    };
  }

  /**
   * Keeps the newest snapshot and the previous one (the fallback) with the journal segments the
   * previous one needs; removes anything older. Oldest first, so a crash midway leaves a valid set.
   */
  applyRetention(): void {
    if (this.pins > 0) {
      this.retentionDue = true;
      return;
    }
    this.retentionDue = false;
    const snaps = listSnapshots(this.dir);
    const previous = snaps[1];
    if (!previous) return;
    let prevAfter: number;
    try {
      prevAfter = withFileSource(path.join(this.dir, previous.name), (src) => readSnapshotHeader(src, previous.name, this.keys.snapshot)).afterSegment;
    } catch {
      return; // cannot tell which segments it needs: keep them all
    }
    for (const old of snaps.slice(2).reverse()) fs.rmSync(path.join(this.dir, old.name), { force: true });
    for (const segNo of listSegments(this.dir)) {
      if (segNo <= prevAfter && segNo < this.newest.afterSegment + 1) fs.rmSync(path.join(this.dir, segmentName(segNo)), { force: true });
    }
  }

  private afterUnpin(fn: () => void): void {
    if (this.pins > 0) this.deferred.push(fn);
    else fn();
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    const drop = () => this.pending.delete(p);
    p.then(drop, drop);
    return p;
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('INTERNAL', '档案库已关闭，请重新打开后再操作。');
  }
}

function normaliseOptions(opts: StoreOptions) {
  return {
    wasmPath: resolveWasmPath(opts.wasmPath),
    snapshotEveryRecords: opts.snapshotEveryRecords ?? DEFAULT_EVERY_RECORDS,
    snapshotEveryBytes: opts.snapshotEveryBytes ?? DEFAULT_EVERY_BYTES,
    autoSnapshot: opts.autoSnapshot ?? true,
    onBackgroundError: opts.onBackgroundError,
  };
}

function requireDir(dir: string): void {
  if (!fs.existsSync(dir)) throw new AppError('WORKSPACE_MISSING', `档案库文件夹 ${dir} 不存在。请检查档案库文件夹设置，或从备份恢复。`, { dir });
}

/**
 * Creates the database files of a new workspace whose keyslots.json already exists (createKeyring).
 * Writes journal segment 1, then the empty snapshot; refuses a folder that already holds data.
 */
export async function createStore(dir: string, keyringOrWorkspaceId: Keyring | string, dataKey: Buffer, opts: StoreOptions = {}): Promise<OpenedStore> {
  const started = performance.now();
  requireDir(dir);
  const workspaceId = typeof keyringOrWorkspaceId === 'string' ? keyringOrWorkspaceId : keyringOrWorkspaceId.workspaceId;
  if (loadKeyring(dir).workspaceId !== workspaceId) {
    throw new AppError('INTERNAL', `${KEYSLOTS_FILE} 属于另一个档案库，不能在此创建数据。`);
  }
  if (listSnapshots(dir).length > 0 || listSegments(dir).length > 0) {
    throw new AppError('CONFLICT', `文件夹 ${dir} 中已有档案库数据，不能重复创建。请直接打开它。`);
  }
  const options = normaliseOptions(opts);
  const SQL = await loadSqlJs(options.wasmPath);
  const lock = acquireLock(dir);
  let db: Database | null = null;
  try {
    const keys = deriveWorkspaceKeys(dataKey, workspaceId);
    db = openDatabase(SQL);
    const writer = JournalWriter.create(keys.journal, dir, 1, 1);
    const info = writeSnapshotFile(dir, { coveredSeq: 0, afterSegment: 0 }, db.export(), workspaceId, keys.snapshot.keys);
    applyConnectionPragmas(db); // export() reset them
    const openInfo: OpenInfo = { snapshot: info.name, snapshotSeq: 0, replayedSegments: 0, replayedRecords: 0, tornTail: null, ms: performance.now() - started };
    return new EncryptedStore(dir, keys, Buffer.from(dataKey), db, new SqlRunner(db), writer, lock, info, 0, openInfo, options);
  } catch (err) {
    db?.close();
    lock.release();
    throw err;
  }
}

/**
 * Opens a workspace: lock, newest snapshot, journal replay, then (only then) cut a torn tail, sweep
 * crash leftovers and open a segment for appends. Any failure leaves every file as it was.
 */
export async function openStore(dir: string, dataKey: Buffer, opts: StoreOptions = {}): Promise<OpenedStore> {
  const started = performance.now();
  requireDir(dir);
  const workspaceId = loadKeyring(dir).workspaceId;
  const options = normaliseOptions(opts);
  const SQL: SqlJsStatic = await loadSqlJs(options.wasmPath);
  const lock = acquireLock(dir);
  let db: Database | null = null;
  let runner: SqlRunner | null = null;
  try {
    const keys = deriveWorkspaceKeys(dataKey, workspaceId);
    const snaps = listSnapshots(dir);
    const newestFile = snaps[0];
    if (!newestFile) {
      throw new AppError('INTEGRITY', `档案库 ${dir} 中找不到快照文件（snapshot-*.db.enc），无法打开。本程序未改动任何文件；请从备份恢复档案库。`, {
        problem: 'missing-snapshot',
      });
    }
    const snap = readNewestSnapshot(dir, newestFile.name, snaps.slice(1).map((s) => s.name), keys);
    db = openDatabase(SQL, snap.takeImage());
    runner = new SqlRunner(db);
    const present = listSegments(dir).filter((n) => n > snap.afterSegment);
    const last = Math.max(snap.afterSegment + 1, ...present);
    const segNos = requireContiguous(present, snap.afterSegment + 1, last);
    const replay = replaySegments(keys.journal, runner, dir, segNos, snap.coveredSeq, true);
    const lastSeg = replay.segments[replay.segments.length - 1];
    if (!lastSeg) throw new AppError('INTERNAL', '没有可追加的日志文件。');

    // Everything has been read and verified: from here on the store may change files.
    const lastFile = path.join(dir, segmentName(lastSeg.segNo));
    const tornTail = lastSeg.tornBytes > 0 ? { file: segmentName(lastSeg.segNo), bytes: lastSeg.tornBytes } : null;
    if (tornTail) truncateSegment(lastFile, lastSeg.validEnd);
    sweepTempFiles(dir);
    const writer =
      lastSeg.records === 0
        ? JournalWriter.resume(keys.journal, dir, lastSeg)
        : JournalWriter.create(keys.journal, dir, lastSeg.segNo + 1, replay.lastSeq + 1);
    const info: SnapshotInfo = { name: newestFile.name, coveredSeq: snap.coveredSeq, afterSegment: snap.afterSegment };
    const openInfo: OpenInfo = {
      snapshot: newestFile.name,
      snapshotSeq: snap.coveredSeq,
      replayedSegments: segNos.length,
      replayedRecords: replay.records,
      tornTail,
      ms: performance.now() - started,
    };
    const store = new EncryptedStore(dir, keys, Buffer.from(dataKey), db, runner, writer, lock, info, replay.lastSeq, openInfo, options);
    store.applyRetention();
    return store;
  } catch (err) {
    runner?.clearCache();
    db?.close();
    lock.release();
    throw err;
  }
}

/**
 * Reads the newest snapshot. A key-check mismatch means a wrong key, unless an older snapshot
 * accepts the key, in which case the newest one's header was changed.
 */
function readNewestSnapshot(dir: string, name: string, olderNames: string[], keys: WorkspaceKeys) {
  try {
    const read = withFileSource(path.join(dir, name), (src) => readSnapshot(src, name, keys.snapshot, true));
    let image = read.image;
    // Hand the (possibly huge) image over once, so only the database keeps a copy.
    const takeImage = () => {
      const out = image ?? undefined;
      image = null;
      return out;
    };
    return { coveredSeq: read.coveredSeq, afterSegment: read.afterSegment, takeImage };
  } catch (err) {
    if (!isWrongKey(err)) throw err;
    const olderAccepts = olderNames.some((older) => {
      try {
        return withFileSource(path.join(dir, older), (src) => readSnapshotHeader(src, older, keys.snapshot)).keyMatches;
      } catch {
        return false;
      }
    });
    if (!olderAccepts) throw err;
    throw new AppError('INTEGRITY', `快照文件 ${name} 已损坏或被改动：密钥校验值不符，而较早的快照与密钥相符。本程序未改动任何文件；请从备份恢复档案库。`, {
      file: name,
      problem: 'tampered',
    });
  }
}

/** Removes temp files left by a crash (only called once the workspace has opened cleanly). */
function sweepTempFiles(dir: string): void {
  const folders = [dir];
  const blobRoot = path.join(dir, BLOB_DIR);
  if (fs.existsSync(blobRoot)) {
    folders.push(blobRoot);
    for (const sub of fs.readdirSync(blobRoot)) folders.push(path.join(blobRoot, sub));
  }
  for (const folder of folders) {
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const name of fs.readdirSync(folder)) if (isTempName(name)) fs.rmSync(path.join(folder, name), { force: true });
  }
}

