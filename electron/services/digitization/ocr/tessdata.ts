/**
 * Where tesseract.js reads its language data: never a CDN. ARCHIVEDESK_TESSDATA, else
 * resources/tessdata when it holds the files, else a folder assembled once from the
 * @tesseract.js-data npm packages (tesseract.js takes one langPath for all languages).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const OCR_LANGS = ['chi_sim'] as const;

function hasAll(dir: string): boolean {
  return OCR_LANGS.every((l) => fs.existsSync(path.join(dir, `${l}.traineddata.gz`)));
}

export function resolveLangPath(): string {
  const env = process.env.ARCHIVEDESK_TESSDATA;
  if (env && hasAll(env)) return env;
  // From source (electron/services/digitization/ocr) or from the bundle (dist/electron).
  for (const up of [['..', '..', '..', '..'], ['..', '..']]) {
    const resources = path.resolve(__dirname, ...up, 'resources', 'tessdata');
    if (hasAll(resources)) return resources;
  }
  const dir = path.join(os.tmpdir(), 'archivedesk-tessdata-4.0.0_best_int');
  if (hasAll(dir)) return dir;
  fs.mkdirSync(dir, { recursive: true });
  for (const lang of OCR_LANGS) {
    const pkg = path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    const from = path.join(pkg, '4.0.0_best_int', `${lang}.traineddata.gz`);
    const tmp = path.join(dir, `${lang}.traineddata.gz.${process.pid}.tmp`);
    fs.copyFileSync(from, tmp);
    fs.renameSync(tmp, path.join(dir, `${lang}.traineddata.gz`));
  }
  return dir;
}
