/**
 * Two small tesseract.js pools that read one line of digits (a printed page number cut out of the
 * margin): the LSTM engine and the legacy character classifier. They fail differently — the LSTM
 * reads DejaVu's "39" as "30", the legacy engine adds a stray "1" to "- 8 -" — so the page-number
 * reader only trusts a number both engines read. Offline: the English models come from the local
 * @tesseract.js-data package (or ARCHIVEDESK_TESSDATA / resources/tessdata); nothing is fetched or
 * cached elsewhere. Workers are recreated every few hundred lines because the WASM heap only grows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

export type DigitEngine = 'lstm' | 'legacy';

export interface DigitOcr {
  /** Text of one line, restricted to digits and dashes. */
  readLine(png: Buffer, engine: DigitEngine): Promise<{ text: string }>;
  close(): Promise<void>;
}

export interface DigitOcrOptions {
  /** Workers per engine (default: half the cores, at least 1). */
  workers?: number;
  /** Jobs per worker before it is replaced. */
  recycleAfter?: number;
}

/** Where eng.traineddata.gz is: the LSTM-only "best_int" model, or the full model with the legacy engine. */
function langPathFor(engine: DigitEngine): string {
  const file = engine === 'lstm' ? 'eng.traineddata.gz' : 'eng.legacy.traineddata.gz';
  const env = process.env.ARCHIVEDESK_TESSDATA;
  const resources = path.resolve(__dirname, '..', '..', '..', '..', 'resources', 'tessdata');
  // A shipped folder may carry the legacy model under its own name; tesseract.js wants eng.traineddata.gz.
  for (const dir of [env, resources]) if (dir && engine === 'lstm' && fs.existsSync(path.join(dir, file))) return dir;
  const pkg = path.dirname(require.resolve('@tesseract.js-data/eng/package.json'));
  return path.join(pkg, engine === 'lstm' ? '4.0.0_best_int' : '4.0.0');
}

interface Slot {
  worker: Promise<Worker>;
  busy: number;
  done: number;
}

function createPool(engine: DigitEngine, size: number, recycleAfter: number) {
  const langPath = langPathFor(engine);
  const start = async (): Promise<Worker> => {
    const w =
      engine === 'lstm'
        ? await createWorker('eng', OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true })
        : await createWorker('eng', OEM.TESSERACT_ONLY, { langPath, cacheMethod: 'none', gzip: true, legacyCore: true, legacyLang: true });
    await w.setParameters({
      tessedit_char_whitelist: '0123456789-',
      tessedit_pageseg_mode: PSM.SINGLE_LINE,
      // The legacy classifier adapts to what it has read before: results would depend on the order
      // pages arrive in. Off, so the same crop always reads the same.
      ...(engine === 'legacy' ? { classify_enable_learning: '0', classify_enable_adaptive_matcher: '0' } : {}),
    });
    return w;
  };
  const slots: Slot[] = [];
  /** Slots taken out of service after recycleAfter jobs; terminated once their last job is done. */
  const retiring = new Set<Slot>();
  const slotFor = (): Slot => {
    if (slots.length < size) {
      const s: Slot = { worker: start(), busy: 0, done: 0 };
      slots.push(s);
      return s;
    }
    return slots.reduce((a, b) => (b.busy < a.busy ? b : a));
  };
  const terminate = (slot: Slot) => slot.worker.then((w) => w.terminate()).catch(() => undefined);
  return {
    async read(png: Buffer): Promise<string> {
      const slot = slotFor();
      slot.busy++;
      try {
        return (await (await slot.worker).recognize(png)).data.text;
      } finally {
        slot.busy--;
        slot.done++;
        if (slot.done >= recycleAfter && slots.includes(slot)) {
          // No new jobs go to it; a fresh worker takes its place on the next call.
          slots.splice(slots.indexOf(slot), 1);
          retiring.add(slot);
        }
        if (retiring.has(slot) && slot.busy === 0) {
          retiring.delete(slot);
          void terminate(slot);
        }
      }
    },
    async close(): Promise<void> {
      const all = [...slots.splice(0), ...retiring];
      retiring.clear();
      await Promise.all(all.map(terminate));
    },
  };
}

export function createDigitOcr(options: DigitOcrOptions = {}): DigitOcr {
  const size = Math.max(1, options.workers ?? Math.floor(os.availableParallelism() / 2));
  const recycleAfter = options.recycleAfter ?? 400;
  const pools = { lstm: createPool('lstm', size, recycleAfter), legacy: createPool('legacy', size, recycleAfter) };
  return {
    async readLine(png, engine) {
      return { text: await pools[engine].read(png) };
    },
    async close() {
      await Promise.all([pools.lstm.close(), pools.legacy.close()]);
    },
  };
}
