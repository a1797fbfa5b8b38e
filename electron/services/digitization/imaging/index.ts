/**
 * The imaging side of digitization as the services use it (ports.ts `Imaging`): page sources
 * (files, an upload, a watched folder, SANE) → decoding → processing, one page at a time in input
 * order, each bad page or file yielded as a failure so the batch goes on.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Imaging, IngestedPage, IngestFailure, OcrEngine, SourceSpec } from '../ports';
import { decodeFile, type DecodedPage } from './decode';
import { naturalCompare } from './naturalSort';
import { processPage, reprocess, type DetectOrientation } from './process';
import { scannerStatus, scanPages } from './sane';
import { watchFolder } from './watchFolder';

type RawFile = { ok: true; name: string; data: Buffer } | IngestFailure;

function readError(file: string, err: unknown): IngestFailure {
  const code = (err as NodeJS.ErrnoException).code;
  const name = path.basename(file);
  const message =
    code === 'ENOENT'
      ? `找不到文件 ${file}，可能已被移动或删除。`
      : code === 'EACCES' || code === 'EPERM'
        ? `没有权限读取文件 ${file}。请检查文件权限。`
        : code === 'EISDIR'
          ? `${file} 是文件夹，不是图像文件。请选择文件夹中的图像，或使用“监视文件夹”。`
          : `无法读取文件 ${file}：${(err as Error).message}`;
  return { ok: false, source: name, message };
}

async function* rawFiles(spec: SourceSpec, signal: AbortSignal): AsyncGenerator<RawFile> {
  switch (spec.kind) {
    case 'files': {
      const files = [...spec.files].sort((a, b) => naturalCompare(path.basename(a), path.basename(b)));
      for (const file of files) {
        if (signal.aborted) return;
        try {
          yield { ok: true, name: file, data: fs.readFileSync(file) };
        } catch (err) {
          yield readError(file, err);
        }
      }
      return;
    }
    case 'upload':
      yield { ok: true, name: spec.name, data: spec.data };
      return;
    case 'watch':
      yield* watchFolder(spec.dir, signal);
      return;
    case 'scan':
      yield* scanPages(spec, signal);
      return;
  }
}

/**
 * Pages processed at once. Processing waits for the OCR pool (the orientation line) while the
 * pool's slots finish page recognitions; with the next page decoding and being analysed meanwhile,
 * the pool never runs dry for want of imported pages (one at a time, imaging was the bottleneck).
 */
const PAGES_AHEAD = 2;

/** Every page of the source, decoded from its file but not processed, or a failure. */
async function* sourcePages(spec: SourceSpec, signal: AbortSignal, onTotal: (n: number | null) => void): AsyncGenerator<DecodedPage | IngestFailure> {
  let total = spec.kind === 'files' ? spec.files.length : spec.kind === 'upload' ? 1 : null;
  onTotal(total);
  for await (const file of rawFiles(spec, signal)) {
    if (!file.ok) {
      yield file;
      continue;
    }
    let k = 0;
    for await (const page of decodeFile(path.basename(file.name), file.data)) {
      if (signal.aborted) return;
      // A multi-page file holds more pages than the file count promised.
      if (k++ > 0 && total !== null) onTotal(++total);
      yield page;
    }
  }
}

/**
 * `start` run on up to `limit` items of `source` at once, results yielded in source order, each
 * as soon as it and those before it are done (a watched folder's page is not held back waiting
 * for the next scan). `start` must not reject.
 */
async function* inOrderAhead<T, R>(source: AsyncIterable<T>, limit: number, start: (item: T) => Promise<R>): AsyncGenerator<R> {
  const it = source[Symbol.asyncIterator]();
  let next: Promise<IteratorResult<T>> | null = it.next();
  const running: { result: Promise<R>; settled: boolean }[] = [];
  const never = new Promise<null>(() => undefined);
  try {
    for (;;) {
      const head = running[0];
      if (head && (head.settled || next === null || running.length >= limit)) {
        running.shift();
        yield await head.result;
        continue;
      }
      if (next === null) return;
      const got = await Promise.race([next, head ? head.result.then(() => null) : never]);
      if (got === null) continue; // the head is done: yield it first
      if (got.done) {
        next = null;
        continue;
      }
      next = it.next();
      const entry = { result: start(got.value), settled: false };
      void entry.result.then(() => (entry.settled = true));
      running.push(entry);
    }
  } finally {
    // Not awaited: a watched folder's generator may be waiting for a file; it ends on the signal.
    void it.return?.(undefined);
  }
}

function ingest(spec: SourceSpec, signal: AbortSignal, ocr: OcrEngine | null, onTotal: (n: number | null) => void): AsyncGenerator<IngestedPage | IngestFailure> {
  // An OCR engine that fails (e.g. missing language data) must not fail the page: it stays unturned.
  const detect: DetectOrientation | null = ocr ? (grey, hint) => ocr.detectOrientation(grey, hint).catch(() => ({ rotation: 0 as const, confidence: 0 })) : null;
  const processOne = async (page: DecodedPage | IngestFailure): Promise<IngestedPage | IngestFailure> => {
    if (!page.ok) return page;
    try {
      const processed = await processPage(page.original, page.dpi, detect);
      return { ok: true, source: page.source, original: page.original, processed };
    } catch {
      return { ok: false, source: page.source, message: '无法处理该页图像：文件已损坏或不完整。请重新扫描该页。' };
    }
  };
  return (async function* () {
    for await (const result of inOrderAhead(sourcePages(spec, signal, onTotal), PAGES_AHEAD, processOne)) {
      if (signal.aborted) return;
      yield result;
    }
  })();
}

export function createImaging(): Imaging {
  return {
    ingest: (spec, o) => ingest(spec, o.signal, o.ocr, o.onTotal),
    reprocess: (original, steps, rotation) => reprocess(original, steps, rotation),
    scannerStatus,
  };
}
