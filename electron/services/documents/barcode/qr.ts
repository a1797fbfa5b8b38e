/**
 * QR code as a module matrix (qrcode-generator, byte mode, error correction M: survives a scuffed
 * label), merged into horizontal runs so a label is a few dozen rectangles, not hundreds.
 */
import qrcode from 'qrcode-generator';
import { AppError } from '../../../../shared/errors';

export interface QrRuns {
  /** Modules per side (without the 4-module quiet zone). */
  size: number;
  /** Dark runs as [row, startCol, length]. */
  runs: [number, number, number][];
}

export function qrRuns(text: string): QrRuns {
  // Byte mode keeps only the low byte of each character (the ESM build has no UTF-8 table), and
  // what we encode — archive numbers — is printable ASCII anyway.
  if (!/^[\x20-\x7e]+$/.test(text)) throw new AppError('VALIDATION', `「${text}」含有英文字母、数字和常用符号以外的字符，无法印成二维码。请检查档案号。`);
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const runs: [number, number, number][] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; ) {
      if (!qr.isDark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.isDark(r, c)) c++;
      runs.push([r, start, c - start]);
    }
  }
  return { size: n, runs };
}
