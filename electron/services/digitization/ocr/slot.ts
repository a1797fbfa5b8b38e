/**
 * One place in the OCR pool: a Chinese page worker, and an English worker started only when a
 * page has Latin words to re-read. Both run on the same core in turn, so a slot is one core's
 * worth of OCR. Recycling ends both workers; the next call starts fresh ones (WASM memory only
 * grows, so a long-lived worker keeps the largest page it ever saw).
 */
import { PSM, type OutputFormats, type Page, type RecognizeOptions, type Worker } from 'tesseract.js';
import { createTesseractWorker, LATIN_LANG, PAGE_LANG } from './tessdata';

type Psm = (typeof PSM)[keyof typeof PSM];

class Engine {
  private worker: Promise<Worker> | null = null;
  private psm: string | null = null;

  constructor(
    private readonly langs: string,
    private readonly langPath: string,
  ) {}

  async read(image: Buffer, psm: Psm, output: Partial<OutputFormats>, options: Partial<RecognizeOptions> = {}, whitelist = ''): Promise<Page> {
    if (!this.worker) {
      const started = createTesseractWorker(this.langs, this.langPath);
      // A worker that failed to start is retried by the next call, not kept as a rejected promise.
      started.catch(() => {
        if (this.worker === started) this.worker = null;
      });
      this.worker = started;
      this.psm = null;
    }
    const w = await this.worker;
    if (this.psm !== psm) {
      await w.setParameters({ tessedit_pageseg_mode: psm });
      this.psm = psm;
    }
    if (!whitelist) return (await w.recognize(image, options, output)).data;
    await w.setParameters({ tessedit_char_whitelist: whitelist });
    try {
      return (await w.recognize(image, options, output)).data;
    } finally {
      await w.setParameters({ tessedit_char_whitelist: '' });
    }
  }

  async end(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.then((x) => x.terminate()).catch(() => undefined);
  }
}

export class WorkerSlot {
  private readonly page: Engine;
  private readonly latin: Engine;
  /** Recognitions since the workers were started. */
  uses = 0;

  constructor(langPath: string) {
    this.page = new Engine(PAGE_LANG, langPath);
    this.latin = new Engine(LATIN_LANG, langPath);
  }

  /** Chinese recognition (the chi_sim model also reads digits and most Latin text). */
  read(image: Buffer, psm: Psm, output: Partial<OutputFormats>, options?: Partial<RecognizeOptions>): Promise<Page> {
    this.uses++;
    return this.page.read(image, psm, output, options);
  }

  /** English recognition of one line. */
  readLatinLine(image: Buffer): Promise<Page> {
    return this.latin.read(image, PSM.SINGLE_LINE, { text: true, blocks: true });
  }

  /** English recognition of one line restricted to digits, dashes and slashes (page numbers). */
  readDigits(image: Buffer): Promise<Page> {
    return this.latin.read(image, PSM.SINGLE_LINE, { text: true }, {}, '0123456789-/');
  }

  async recycle(): Promise<void> {
    await Promise.all([this.page.end(), this.latin.end()]);
    this.uses = 0;
  }
}

export { PSM };
export type { Psm };
