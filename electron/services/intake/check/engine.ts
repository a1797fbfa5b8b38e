/**
 * The intake check: roster checks, then the digital copy in three phases with bounded concurrency —
 * (a) hashing + headers, (b) decoded checks at reduced scale (blank, skew, near-duplicates, where the
 * page number is), both in worker threads (checkPool.ts), (c) printed page numbers read by OCR of
 * the margin — and the per-person checks
 * that compare them with the roster. Workspace-independent: the caller passes what the archive
 * already holds. Never throws for bad content: every problem becomes a finding.
 */
import os from 'node:os';
import type { RosterReadResult } from '../roster/types';
import { createCheckPool } from './checkPool';
import { mapLimit } from './concurrency';
import { createDigitOcr } from './digitOcr';
import { folderFindings, folderSubject, pageFindings, strayFindings, type FolderCheck, type DigitalOptions } from './digitalFindings';
import { finding, type Finding } from './findings';
import { readItemListTotal, type ItemListTotal } from './itemList';
import { findNearDuplicates, type PrintedPage } from './nearDuplicates';
import { scanPackage, type PackageScan, type PersonFolder } from './packageScan';
import { createPageNumberReader, type PageNumberReader } from './pageNumbers';
import { DEFAULT_IMAGE_LIMITS, pageRecordsOf, type ImageLimits, type PageRecord } from './pageRecords';
import { checkRoster, type CheckedRow, type RosterCheckContext } from './rosterChecks';
import { readUntrusted } from './safeRead';
import type { Box } from './thumbAnalysis';

export type CheckPhase = 'scan' | 'hashing' | 'decoded' | 'page-numbers';

export interface IntakeCheckOptions {
  /** The digital-copy folder; null or absent: roster checks only. */
  packageDir?: string | null;
  context?: RosterCheckContext;
  /** SKEW above this many degrees (default 1). */
  skewLimitDegrees?: number;
  /** LOW_DPI below this (default 300). */
  minDpi?: number;
  /** Ink similarity (0–1) from which two pages are near-duplicates (default 0.95). */
  nearDuplicateSimilarity?: number;
  imageLimits?: Partial<ImageLimits>;
  /** Page-number reader; null skips phase (c); absent: the built-in tesseract reader (closed afterwards). */
  pageNumbers?: PageNumberReader | null;
  /** Worker threads for hashing and decoding (default: one per core; 0: all in-process). */
  workers?: number;
  /** Images in flight at once (default: two per worker in (a) and (b), cores + 1 in-process; (c) one more than cores + 1). */
  concurrency?: number;
  onProgress?: (p: { phase: CheckPhase; done: number; total: number }) => void;
}

/** A checked page as reported: the record's findings, with the file as its path. */
export type PageSummary = Pick<PageRecord, 'position' | 'tiffPage' | 'status' | 'sha256' | 'width' | 'height' | 'dpi' | 'blank' | 'skewDegrees' | 'printedNumber'> & {
  file: string;
  format: string;
};

export interface FolderSummary {
  folder: string;
  idNumber: string;
  /** Roster row matched to this folder (null: none). */
  rosterRow: number | null;
  pages: PageSummary[];
}

export interface IntakeCheckResult {
  persons: number;
  pages: number;
  findings: Finding[];
  folders: FolderSummary[];
  timings: {
    rosterMs: number;
    scanMs: number;
    hashingMs: number;
    decodedMs: number;
    pageNumbersMs: number;
    totalMs: number;
    /** CPU time of the whole process (every thread, the check's workers included) during (a) and (b). */
    hashingCpuMs: number;
    decodedCpuMs: number;
  };
}

interface PageExtras {
  boxes: Box[];
  thumbScale: number;
}

function now(): number {
  return performance.now();
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

/** Groups records by file so each file is read once per phase (multi-page TIFFs). */
function byFile(records: readonly PageRecord[]): PageRecord[][] {
  const groups = new Map<string, PageRecord[]>();
  for (const r of records) {
    const g = groups.get(r.file.abs);
    if (g) g.push(r);
    else groups.set(r.file.abs, [r]);
  }
  return [...groups.values()];
}

export async function runChecks(roster: RosterReadResult, options: IntakeCheckOptions = {}): Promise<IntakeCheckResult> {
  const t0 = now();
  const limits: ImageLimits = { ...DEFAULT_IMAGE_LIMITS, ...options.imageLimits };
  const digital: DigitalOptions = {
    skewLimitDegrees: options.skewLimitDegrees ?? 1,
    minDpi: options.minDpi ?? 300,
  };
  const workers = options.workers ?? os.availableParallelism();
  const lanes = options.concurrency ?? os.availableParallelism() + 1;
  // Two files per worker: its thread analyses one while libvips decodes the other.
  const concurrency = options.concurrency ?? (workers > 0 ? 2 * workers : lanes);
  const progress = options.onProgress ?? (() => undefined);

  const rosterCheck = checkRoster(roster, options.context);
  const findings: Finding[] = [...rosterCheck.findings];
  const timings = { rosterMs: now() - t0, scanMs: 0, hashingMs: 0, decodedMs: 0, pageNumbersMs: 0, totalMs: 0, hashingCpuMs: 0, decodedCpuMs: 0 };
  // Persons, not rows: a person listed twice is one person (and a DUPLICATE_PERSON finding).
  const persons = new Set(rosterCheck.rows.map((r, i) => r.matchId ?? `row:${i}`)).size;
  const result: IntakeCheckResult = { persons, pages: 0, findings, folders: [], timings };
  if (!options.packageDir) {
    timings.totalMs = now() - t0;
    return result;
  }

  // Scan
  let t = now();
  progress({ phase: 'scan', done: 0, total: 1 });
  const scan: PackageScan = await scanPackage(options.packageDir);
  timings.scanMs = now() - t;

  // Match roster rows and folders (first row / first folder wins; the others are findings).
  const foldersById = new Map<string, PersonFolder[]>();
  for (const f of scan.persons) foldersById.set(f.idNumber, [...(foldersById.get(f.idNumber) ?? []), f]);
  const rowForFolder = new Map<PersonFolder, CheckedRow>();
  const seenIds = new Set<string>();
  for (const cr of rosterCheck.rows) {
    const r = cr.row;
    const subject = { idNumber: r.idText || null, name: r.name || null, file: roster.file, row: r.row };
    if (cr.matchId && seenIds.has(cr.matchId)) continue; // DUPLICATE_PERSON already says it
    const folders = cr.matchId ? foldersById.get(cr.matchId) : undefined;
    if (!folders || folders.length === 0) {
      const why = cr.matchId ? `数字副本中没有文件夹名含身份证号 ${cr.matchId} 的文件夹` : '该行身份证号有误，无法对应到数字副本的文件夹';
      findings.push(finding('NO_FOLDER', subject, `名册第 ${r.row} 行（${r.name || '无姓名'}）：${why}。请让移交单位补交该人的数字副本，或核对文件夹名。`));
      continue;
    }
    seenIds.add(cr.matchId as string);
    rowForFolder.set(folders[0] as PersonFolder, cr);
  }

  // (a) hashing + headers, and (b) decoded checks, in worker threads (closed before the OCR of (c) starts).
  t = now();
  let cpu = process.cpuUsage();
  const files = scan.persons.flatMap((folder) => folder.images.map((file) => ({ folder, file })));
  const pool = createCheckPool(files.length > 0 ? workers : 0);
  const records: PageRecord[] = [];
  const byFolder = new Map<PersonFolder, PageRecord[]>();
  const extras = new Map<PageRecord, PageExtras>();
  const nearDup = new Map<PageRecord, { of: number; similarity: number }>();
  try {
    let done = 0;
    const perFile = await mapLimit(files, concurrency, async ({ folder, file }) => {
      const recs = pageRecordsOf(folder, file, await pool.headers(file.abs, limits));
      progress({ phase: 'hashing', done: ++done, total: files.length });
      return recs;
    });
    for (const recs of perFile) {
      for (const rec of recs) {
        const list = byFolder.get(rec.folder) ?? [];
        rec.position = list.length + 1;
        list.push(rec);
        byFolder.set(rec.folder, list);
        records.push(rec);
      }
    }
    result.pages = records.length;
    timings.hashingMs = now() - t;
    timings.hashingCpuMs = cpuSince(cpu);

    // (b) decoded checks at reduced scale; near-duplicates per person as soon as its pages are done,
    // so only the ink bitmaps of the persons in progress are held (≈35 KB per page).
    t = now();
    cpu = process.cpuUsage();
    const pending = new Map<PersonFolder, number>();
    const prints = new Map<PersonFolder, PrintedPage[]>();
    for (const [folder, recs] of byFolder) pending.set(folder, recs.filter((r) => r.status === 'ok').length);
    const finishFolder = (folder: PersonFolder) => {
      const list = (prints.get(folder) ?? []).sort((a, b) => a.position - b.position);
      prints.delete(folder);
      const recs = byFolder.get(folder) ?? [];
      for (const d of findNearDuplicates(list, options.nearDuplicateSimilarity ?? 0.95)) {
        const rec = recs[d.position - 1];
        if (rec) nearDup.set(rec, { of: d.of, similarity: d.similarity });
      }
    };
    for (const [folder, n] of pending) if (n === 0) finishFolder(folder);
    const decodable = byFile(records.filter((r) => r.status === 'ok'));
    done = 0;
    await mapLimit(decodable, concurrency, async (group) => {
      const first = group[0] as PageRecord;
      const decoded = await pool.decoded(first.file.abs, group.map((r) => ({ tiffPage: r.tiffPage, width: r.width })), limits);
      for (const [i, rec] of group.entries()) {
        const page = decoded.pages[i];
        if (!decoded.read) {
          rec.status = 'unreadable';
          rec.problem = '文件无法读取';
        } else if (!page?.ok) {
          rec.status = 'unreadable';
          rec.problem = '图像数据损坏或不完整，无法解码';
        } else {
          rec.blank = page.blank;
          rec.skewDegrees = page.skewDegrees;
          extras.set(rec, { boxes: page.numberBoxes, thumbScale: rec.width / page.thumbWidth });
          if (page.print) {
            const list = prints.get(rec.folder) ?? [];
            list.push({ position: rec.position, print: page.print });
            prints.set(rec.folder, list);
          }
        }
        const left = (pending.get(rec.folder) ?? 1) - 1;
        pending.set(rec.folder, left);
        if (left === 0) finishFolder(rec.folder);
      }
      progress({ phase: 'decoded', done: ++done, total: decodable.length });
    });
    timings.decodedMs = now() - t;
    timings.decodedCpuMs = cpuSince(cpu);
  } finally {
    await pool.close();
  }

  // (c) printed page numbers
  t = now();
  const reader = options.pageNumbers === undefined ? createPageNumberReader(createDigitOcr(), limits.maxPixels) : options.pageNumbers;
  try {
    if (reader) {
      const numbered = byFile(records.filter((r) => r.status === 'ok' && r.blank === false));
      let done = 0;
      await mapLimit(numbered, lanes + 1, async (group) => {
        const first = group[0] as PageRecord;
        const read = await readUntrusted(first.file.abs, limits.maxImageBytes);
        if (!read.ok) return;
        for (const rec of group) {
          const ex = extras.get(rec);
          rec.numberTried = true;
          if (!ex) continue;
          try {
            rec.printedNumber = await reader.read({ image: read.bytes, page: rec.tiffPage, width: rec.width, height: rec.height, candidates: ex.boxes, thumbScale: ex.thumbScale });
          } catch {
            rec.printedNumber = null;
          }
        }
        progress({ phase: 'page-numbers', done: ++done, total: numbered.length });
      });
    }
  } finally {
    if (reader && options.pageNumbers === undefined) await reader.close();
  }
  timings.pageNumbersMs = now() - t;

  // Findings per folder, in roster order (folders without a roster row last).
  const itemLists = new Map<string, ItemListTotal>();
  for (const folder of scan.persons) for (const f of folder.itemLists) itemLists.set(f.abs, await readItemListTotal(f.abs));
  const firstBySha = new Map<string, PageRecord>();
  const rowIndex = new Map(rosterCheck.rows.map((r, i) => [r, i]));
  const ordered = [...scan.persons].sort((a, b) => (rowIndex.get(rowForFolder.get(a) as CheckedRow) ?? Infinity) - (rowIndex.get(rowForFolder.get(b) as CheckedRow) ?? Infinity));
  const seenFolderIds = new Set<string>();
  for (const folder of ordered) {
    const recs = byFolder.get(folder) ?? [];
    const check: FolderCheck = {
      folder,
      row: rowForFolder.get(folder) ?? null,
      duplicateOf: seenFolderIds.has(folder.idNumber) ? folder.idNumber : null,
      records: recs,
      nearDup,
      firstBySha,
      itemLists,
    };
    seenFolderIds.add(folder.idNumber);
    for (const rec of recs) findings.push(...pageFindings(rec, check, digital));
    findings.push(...folderFindings(check, digital));
    result.folders.push({
      folder: folder.rel,
      idNumber: folder.idNumber,
      rosterRow: check.row?.row.row ?? null,
      pages: recs.map((r) => ({
        position: r.position,
        file: r.file.rel,
        tiffPage: r.tiffPage,
        status: r.status,
        format: r.format,
        sha256: r.sha256,
        width: r.width,
        height: r.height,
        dpi: r.dpi,
        blank: r.blank,
        skewDegrees: r.skewDegrees,
        printedNumber: r.printedNumber,
      })),
    });
  }
  const subjects = (rel: string) => {
    const folder = scan.persons.find((f) => rel === f.rel || rel.startsWith(`${f.rel}/`));
    return folder ? folderSubject(folder, rowForFolder.get(folder) ?? null) : {};
  };
  findings.push(...strayFindings(scan, subjects));
  timings.totalMs = now() - t0;
  return result;
}
