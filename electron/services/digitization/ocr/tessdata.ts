/**
 * Where tesseract.js finds everything it loads, so OCR never touches the network: language data
 * from ARCHIVEDESK_TESSDATA, else resources/tessdata (shipped with the app), else a folder
 * assembled once from the @tesseract.js-data npm packages (tesseract.js takes one langPath for all
 * languages). The worker script is resolved from the local package; in Node the WASM core is
 * `require`d from tesseract.js-core, so `corePath` plays no part.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';

/** Page text is read with the Chinese model; English is the second model (Latin words, see latin.ts). */
export const PAGE_LANG = 'chi_sim';
export const LATIN_LANG = 'eng';
export const OCR_LANGS = [PAGE_LANG, LATIN_LANG] as const;
const MODEL = '4.0.0_best_int';

function hasAll(dir: string): boolean {
  return OCR_LANGS.every((l) => fs.existsSync(path.join(dir, `${l}.traineddata.gz`)));
}

export function resolveLangPath(): string {
  const env = process.env.ARCHIVEDESK_TESSDATA;
  if (env && hasAll(env)) return env;
  // From source (electron/services/digitization/ocr) or from the bundle (dist/electron).
  for (const up of [['..', '..', '..', '..'], ['..', '..']]) {
    const resources = path.resolve(__dirname, ...up, 'resources', 'tessdata');
    // Packaged, the data is unpacked beside app.asar: worker threads read it with plain fs.
    const unpacked = resources.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
    if (hasAll(unpacked)) return unpacked;
    if (hasAll(resources)) return resources;
  }
  const dir = path.join(os.tmpdir(), `archivedesk-tessdata-${MODEL}`);
  if (hasAll(dir)) return dir;
  fs.mkdirSync(dir, { recursive: true });
  for (const lang of OCR_LANGS) {
    const pkg = path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    const tmp = path.join(dir, `${lang}.traineddata.gz.${process.pid}.tmp`);
    fs.copyFileSync(path.join(pkg, MODEL, `${lang}.traineddata.gz`), tmp);
    fs.renameSync(tmp, path.join(dir, `${lang}.traineddata.gz`));
  }
  return dir;
}

function workerScript(): string {
  return path.join(path.dirname(require.resolve('tesseract.js/package.json')), 'src', 'worker-script', 'node', 'index.js');
}

/**
 * A tesseract.js worker for `langs` ("chi_sim", "eng", "chi_sim+eng") reading only `langPath`.
 *
 * chi_sim's built-in config asks to load a sub-language (`tessedit_load_sublangs chi_sim_vert`);
 * the WASM build garbles that name ("Failed loading language '玂臎'") and spends the attempt for
 * nothing. An init config that empties the setting (init configs are read after the model's own)
 * removes it; "chi_sim+eng" then loads both models cleanly.
 */
export async function createTesseractWorker(langs: string, langPath: string): Promise<Worker> {
  for (const lang of langs.split('+')) {
    const file = path.join(langPath, `${lang}.traineddata.gz`);
    if (!fs.existsSync(file)) throw new Error(`缺少文字识别语言数据 ${file}。请重新安装本软件，或将 ARCHIVEDESK_TESSDATA 指向存放 ${lang}.traineddata.gz 的文件夹。`);
  }
  return createWorker(
    langs,
    OEM.LSTM_ONLY,
    {
      langPath,
      workerPath: workerScript(),
      cacheMethod: 'none',
      gzip: true,
      logger: () => undefined,
      errorHandler: () => undefined,
    },
    { tessedit_load_sublangs: '' } as Record<string, string>,
  );
}
