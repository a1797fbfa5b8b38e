/**
 * A small tesseract.js pool that reads one line of digits (a printed page number cut out of the
 * margin). Offline: the English model comes from the local @tesseract.js-data package and nothing
 * is fetched or cached elsewhere. Workers are recreated every few hundred pages because the WASM
 * heap only grows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

export interface DigitOcr {
  /** Text of one line, restricted to digits and dashes, with tesseract's confidence (0–100). */
  readLine(png: Buffer): Promise<{ text: string; confidence: number }>;
  close(): Promise<void>;
}

export interface DigitOcrOptions {
  workers?: number;
  /** Folder holding eng.traineddata.gz (default: the @tesseract.js-data/eng package). */
  langPath?: string;
  /** Jobs per worker before it is replaced. */
  recycleAfter?: number;
}

/** ARCHIVEDESK_TESSDATA or resources/tessdata when they hold the English model, else the npm package. */
function defaultLangPath(): string {
  const has = (dir: string | undefined): dir is string => !!dir && fs.existsSync(path.join(dir, 'eng.traineddata.gz'));
  const env = process.env.ARCHIVEDESK_TESSDATA;
  if (has(env)) return env;
  const resources = path.resolve(__dirname, '..', '..', '..', '..', 'resources', 'tessdata');
  if (has(resources)) return resources;
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

interface Slot {
  worker: Promise<Worker>;
  busy: number;
  done: number;
}

export function createDigitOcr(options: DigitOcrOptions = {}): DigitOcr {
  const size = Math.max(1, options.workers ?? Math.min(2, os.availableParallelism()));
  const langPath = options.langPath ?? defaultLangPath();
  const recycleAfter = options.recycleAfter ?? 400;
  const start = async (): Promise<Worker> => {
    const w = await createWorker('eng', OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true });
    await w.setParameters({ tessedit_char_whitelist: '0123456789-', tessedit_pageseg_mode: PSM.SINGLE_LINE });
    return w;
  };
  const slots: Slot[] = [];
  const slotFor = (): Slot => {
    if (slots.length < size) {
      const s: Slot = { worker: start(), busy: 0, done: 0 };
      slots.push(s);
      return s;
    }
    return slots.reduce((a, b) => (b.busy < a.busy ? b : a));
  };
  return {
    async readLine(png) {
      const slot = slotFor();
      slot.busy++;
      try {
        const worker = await slot.worker;
        const r = await worker.recognize(png);
        return { text: r.data.text, confidence: r.data.confidence };
      } finally {
        slot.busy--;
        if (++slot.done >= recycleAfter && slot.busy === 0) {
          const old = slot.worker;
          slot.done = 0;
          slot.worker = start();
          void old.then((w) => w.terminate()).catch(() => undefined);
        }
      }
    },
    async close() {
      const all = slots.splice(0);
      await Promise.all(all.map((s) => s.worker.then((w) => w.terminate()).catch(() => undefined)));
    },
  };
}
