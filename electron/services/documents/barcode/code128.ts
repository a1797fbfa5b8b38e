/**
 * Code 128 set B (printable ASCII: archive numbers like CCSRS-0102-003-0001), drawn as vector bars so
 * the print is as sharp as the printer allows. Each symbol character is 11 modules: 3 bars and
 * 3 spaces, widths 1-4; the stop character is 13 modules. Scanners need a quiet zone of ≥ 10 modules
 * on both sides — the caller leaves it.
 */
import { AppError } from '../../../../shared/errors';

/** Bar/space widths of symbol values 0-106 (ISO/IEC 15417 table 1); 104 = Start B, 106 = Stop. */
export const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];
const START_B = 104;
const STOP = 106;

/** Symbol values: Start B, data, check (weighted sum mod 103), Stop. */
export function code128BValues(text: string): number[] {
  const values = [START_B];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length !== 1 || c < 32 || c > 126) {
      throw new AppError('VALIDATION', `「${text}」含有字符「${ch}」，无法印成条码（Code 128 只能编码英文字母、数字和常用符号）。请检查档案号。`);
    }
    values.push(c - 32);
  }
  const check = values.reduce((sum, v, i) => sum + v * Math.max(1, i), 0) % 103;
  return [...values, check, STOP];
}

/** Bars as [startModule, widthModules], and the total width in modules (without quiet zones). */
export function code128B(text: string): { bars: [number, number][]; modules: number } {
  const bars: [number, number][] = [];
  let x = 0;
  for (const v of code128BValues(text)) {
    const p = PATTERNS[v] ?? '';
    for (let i = 0; i < p.length; i++) {
      const w = Number(p[i]);
      if (i % 2 === 0) bars.push([x, w]);
      x += w;
    }
  }
  return { bars, modules: x };
}
