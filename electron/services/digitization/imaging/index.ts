/**
 * The imaging side of digitization as the services use it (ports.ts `Imaging`): page sources
 * (files, an upload, a watched folder, SANE) → decoding → processing, one page at a time in input
 * order, each bad page or file yielded as a failure so the batch goes on.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Imaging, IngestedPage, IngestFailure, OcrEngine, SourceSpec } from '../ports';
import { decodeFile } from './decode';
import { naturalCompare } from './naturalSort';
import { processPage, reprocess } from './process';
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

async function* ingest(spec: SourceSpec, signal: AbortSignal, ocr: OcrEngine | null, onTotal: (n: number | null) => void): AsyncGenerator<IngestedPage | IngestFailure> {
  let total = spec.kind === 'files' ? spec.files.length : spec.kind === 'upload' ? 1 : null;
  onTotal(total);
  // An OCR engine that fails (e.g. missing language data) must not fail the page: it stays unturned.
  const detect = ocr ? (png: Buffer) => ocr.detectOrientation(png).catch(() => ({ rotation: 0 as const, confidence: 0 })) : null;
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
      if (!page.ok) {
        yield page;
        continue;
      }
      try {
        const processed = await processPage(page.original, page.dpi, detect);
        yield { ok: true, source: page.source, original: page.original, processed };
      } catch {
        yield { ok: false, source: page.source, message: '无法处理该页图像：文件已损坏或不完整。请重新扫描该页。' };
      }
    }
  }
}

export function createImaging(): Imaging {
  return {
    ingest: (spec, o) => ingest(spec, o.signal, o.ocr, o.onTotal),
    reprocess: (original, steps, rotation) => reprocess(original, steps, rotation),
    scannerStatus,
  };
}
