/**
 * The visible watermark of digital viewing and copies (reader's name, date, request number): faint
 * diagonal text tiled over the whole page, so no crop removes it, and a legible band along the foot.
 * Burnt into the JPEG pixels — what leaves the core never exists without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';

const FONT_FILE = 'NotoSansSC-Regular-GB2312.ttf';
let fontPath: string | null = null;

function resolveFont(): string {
  if (fontPath) return fontPath;
  // From source (electron/services/lending) or from the bundle (dist/electron); packaged fonts sit beside app.asar.
  for (const up of [['..', '..', '..'], ['..', '..']]) {
    const file = path.resolve(__dirname, ...up, 'resources', 'fonts', FONT_FILE);
    const unpacked = file.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
    for (const f of [unpacked, file]) {
      if (fs.existsSync(f)) return (fontPath = f);
    }
  }
  throw new AppError('INTERNAL', `找不到水印字体 ${FONT_FILE}。请重新安装档案工作站。`);
}

/** Pango markup: the text is the reader's name etc., so it must not be read as markup. */
function escapeMarkup(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function textImage(markup: string, sizePx: number): Promise<Buffer> {
  return sharp({ text: { text: markup, fontfile: resolveFont(), font: `Noto Sans SC ${Math.max(8, Math.round(sizePx))}px`, rgba: true, dpi: 72 } })
    .png()
    .toBuffer();
}

export interface Watermarked {
  jpeg: Buffer;
  width: number;
  height: number;
}

/** Returns the page as JPEG with the watermark burnt in. The foot band is the bottom ~4% of the page. */
export async function watermarkPage(image: Uint8Array, text: string): Promise<Watermarked> {
  const meta = await sharp(image).metadata();
  const width = meta.width;
  const height = meta.height;
  if (!width || !height) throw new AppError('INTEGRITY', '页面图像无法解码，可能已损坏。请运行完整性检查。');
  const safe = escapeMarkup(text);
  const tileText = await textImage(`<span foreground="#b00000" alpha="32%">${safe}</span>`, width / 40);
  const tileMeta = await sharp(tileText).metadata();
  // Gaps between tiles: enough to read each line, close enough that every region of the page is marked.
  const padX = Math.round((tileMeta.width ?? width / 3) / 10);
  const padY = Math.round(tileMeta.height ?? 16);
  const tile = await sharp(tileText)
    .extend({ top: padY, bottom: 0, left: padX, right: padX, background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .rotate(-30, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
  const bandHeight = Math.max(16, Math.round(height * 0.04));
  const bandText = await textImage(`<span foreground="#202020">${safe}</span>`, bandHeight * 0.55);
  const bandTextMeta = await sharp(bandText).metadata();
  // The band text is clipped to the page width if the name list is very long.
  const bandTextFit = (bandTextMeta.width ?? 0) > width ? await sharp(bandText).resize({ width: width - 4 }).png().toBuffer() : bandText;
  const band = await sharp({ create: { width, height: bandHeight, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0.85 } } })
    .composite([{ input: bandTextFit, gravity: 'centre' }])
    .png()
    .toBuffer();
  const jpeg = await sharp(image)
    .composite([
      { input: tile, tile: true, blend: 'over' },
      { input: band, gravity: 'south' },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
  return { jpeg, width, height };
}
