/**
 * The fonts every document prints with, loaded once per process.
 * - main: Noto Sans SC Regular cut to GB2312 (resources/fonts, 2.3 MB): nearly every character.
 * - rare: the full Noto Sans SC (the UI's WOFF2, unpacked to TTF on first need, ≈1.2 s) for hanzi
 *   outside GB2312 that occur in names (堃 喆 昇 …). Only documents that contain one pay for it.
 * Characters in neither font print as 〓, the typesetters' mark for a missing character, so the
 * gap stays visible and the clerk can write the character in by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { AppError } from '../../../../shared/errors';
import { createSubsetter, type Subsetter } from './subset';

export const MISSING_MARK = '〓';
const MAIN_FILE = 'NotoSansSC-Regular-GB2312.ttf';
const RARE_FILE = 'NotoSansSC-Regular.woff2';

export interface Face {
  name: string;
  ttf: Uint8Array;
  font: fontkit.Font;
  subsetter: Subsetter;
}

function fontsDir(): string {
  const env = process.env.ARCHIVEDESK_FONTS;
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    env,
    // From source (electron/services/documents/pdf) or from the bundle (dist/electron).
    path.resolve(__dirname, '..', '..', '..', '..', 'resources', 'fonts'),
    path.resolve(__dirname, '..', '..', 'resources', 'fonts'),
    // Packaged: electron-builder's extraResources.
    resourcesPath ? path.join(resourcesPath, 'resources', 'fonts') : undefined,
  ];
  for (const dir of candidates) if (dir && fs.existsSync(path.join(dir, MAIN_FILE))) return dir;
  throw new AppError('INTERNAL', `找不到打印用字体文件 ${MAIN_FILE}，无法生成文档。请重新安装档案工作站。`);
}

function makeFace(name: string, ttf: Uint8Array, preprocess: boolean): Face {
  return { name, ttf, font: fontkit.create(ttf), subsetter: createSubsetter(ttf, preprocess) };
}

let main: Face | null = null;
export function mainFace(): Face {
  main ??= makeFace('NotoSansSC-Regular', new Uint8Array(fs.readFileSync(path.join(fontsDir(), MAIN_FILE))), true);
  return main;
}

let rare: Promise<Face | null> | null = null;
/** The full font, or null when it is not installed (then rare characters print as 〓). */
export function rareFace(): Promise<Face | null> {
  rare ??= (async () => {
    const file = path.join(fontsDir(), RARE_FILE);
    if (!fs.existsSync(file)) return null;
    const decompress = (await import('wawoff2/decompress.js')).default;
    const ttf = await decompress(new Uint8Array(fs.readFileSync(file)));
    return makeFace('NotoSansSC-Regular', ttf, false);
  })().catch(() => null);
  return rare;
}

const widths = new Map<number, number>();
/** Advance width of one code point in em (1 = the font size); missing characters are one em wide like 〓. */
export function advanceEm(cp: number): number {
  let w = widths.get(cp);
  if (w === undefined) {
    const f = mainFace().font;
    w = f.hasGlyphForCodePoint(cp) ? f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm : 1;
    widths.set(cp, w);
  }
  return w;
}

export function inMainFont(cp: number): boolean {
  return mainFace().font.hasGlyphForCodePoint(cp);
}
