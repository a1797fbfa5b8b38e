/** Reading a page's images and OCR text back out of the encrypted blob store for the screens. */
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import type { Output } from '../../../shared/contract';
import type { Reader, Store } from '../store/api';
import { requireLivePage } from './strip';
import { imageMime } from './thumbnail';

type Variant = 'thumb' | 'full' | 'original';

export async function pageImage(store: Store, pageId: number, variant: Variant): Promise<Output<'page.image'>> {
  const page = requireLivePage(store, pageId);
  if (variant === 'full') return { mime: 'image/jpeg', base64: store.blobs.get(page.imageBlob).toString('base64'), width: page.width, height: page.height };
  const blob = variant === 'thumb' ? page.thumbBlob : page.originalBlob;
  if (!blob) throw new AppError('NOT_FOUND', '该页的原始图像已在验收时删除，只保留处理后的图像。');
  let data = store.blobs.get(blob);
  let mime = imageMime(data);
  // Browsers do not show TIFF: an original scanned as TIFF is shown as PNG.
  if (mime !== 'image/jpeg' && mime !== 'image/png') {
    data = await sharp(data).png().toBuffer();
    mime = 'image/png';
  }
  const meta = await sharp(data).metadata();
  return { mime, base64: data.toString('base64'), width: meta.width ?? 0, height: meta.height ?? 0 };
}

export function pageText(db: Reader & Pick<Store, 'blobs'>, pageId: number): Output<'page.text'> {
  const page = requireLivePage(db, pageId);
  if (!page.ocrBlob) return { text: '', words: [] };
  try {
    const parsed = JSON.parse(db.blobs.get(page.ocrBlob).toString('utf8')) as Partial<Output<'page.text'>>;
    return { text: typeof parsed.text === 'string' ? parsed.text : '', words: Array.isArray(parsed.words) ? parsed.words : [] };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('INTEGRITY', '该页的文字识别结果无法读取，请旋转或重新识别该页。');
  }
}
