/** The OCR text of the selected page (page.text), to check what was read and copy from it. */
import { useEffect, useState } from 'react';
import type { PageInfo } from '../../../shared/types';
import { call, errorMessage } from '../../api/client';
import { imageKey } from '../../state/digitizationThumbs';

const TEXT_CACHE_LIMIT = 40;
const texts = new Map<string, string>();

export function OcrTextPanel({ page }: { page: PageInfo | null }) {
  const key = page && page.ocr === 'done' ? `${imageKey(page)}:${page.ocrConfidence ?? ''}` : null;
  const [state, setState] = useState<{ key: string | null; text: string | null; error: string | null }>({ key: null, text: null, error: null });

  useEffect(() => {
    if (!key || !page || texts.has(key)) return;
    let current = true;
    call('page.text', { pageId: page.id })
      .then((r) => {
        texts.set(key, r.text);
        while (texts.size > TEXT_CACHE_LIMIT) texts.delete(texts.keys().next().value as string);
        if (current) setState({ key, text: r.text, error: null });
      })
      .catch((e: unknown) => {
        if (current) setState({ key, text: null, error: errorMessage(e) });
      });
    return () => {
      current = false;
    };
    // `key` covers the page's identity and OCR state.
  }, [key]);

  let body: string;
  if (!page) body = '';
  else if (page.ocr === 'pending') body = '正在识别文字…';
  else if (page.ocr === 'failed') body = '此页文字识别失败。图像仍已保存；可在导出的 PDF 中查看原图。';
  else if (page.ocr === 'skipped') body = page.kind === 'blank' ? '空白页，不识别文字。' : '此页未做文字识别。';
  else if (key && texts.has(key)) body = texts.get(key) || '（未识别出文字）';
  else if (state.key === key && state.error) body = state.error;
  else body = '正在读取…';

  return (
    <div className="dz-ocr">
      <div className="dz-panel-title">识别文字</div>
      <div className="dz-ocr-text" data-testid="ocr-text">
        {body}
      </div>
    </div>
  );
}
