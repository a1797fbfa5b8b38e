/**
 * What is known about the selected page, and the overrides a clerk makes by hand: printed page
 * number (P), kind (正文 / 空白 / 封面), rotation, and deskew / crop / colour (ImageAdjust).
 * Every automatic step can be corrected here.
 */
import { useEffect, useRef, useState } from 'react';
import type { PageKind } from '../../../shared/pageCounting';
import type { PageInfo } from '../../../shared/types';
import { useWorkbench } from '../../state/digitizationWorkbench';
import { ImageAdjust } from './ImageAdjust';
import { baseName } from './jobProgress';
import { KIND_LABELS, OCR_LABELS } from './pageLabels';

const KINDS: PageKind[] = ['page', 'blank', 'cover'];
/** GB/T 33870: page images at 300 dpi or more. */
const MIN_DPI = 300;

/** Tesseract reports 0–100; a 0–1 fraction is read the same way. */
const confidencePercent = (c: number) => Math.round(c <= 1 ? c * 100 : c);

export function PageDetails({ page, readOnly, numberFocus }: { page: PageInfo; readOnly: boolean; numberFocus: number }) {
  const wb = useWorkbench();
  const [number, setNumber] = useState(page.printedNumber === null ? '' : String(page.printedNumber));
  const [numberError, setNumberError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // A different page, or OCR filling the number in: show the stored value (unless the clerk is typing).
  useEffect(() => {
    if (document.activeElement === input.current) return;
    setNumber(page.printedNumber === null ? '' : String(page.printedNumber));
    setNumberError(null);
  }, [page.id, page.printedNumber]);

  useEffect(() => {
    if (numberFocus > 0) {
      input.current?.focus();
      input.current?.select();
    }
  }, [numberFocus]);

  const saveNumber = async () => {
    const t = number.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
    if (t !== '' && !/^\d{1,5}$/.test(t)) return setNumberError('页码应为 0–99999 的整数；不清楚时留空。');
    const n = t === '' ? null : Number(t);
    setNumberError(null);
    if (n === page.printedNumber) return input.current?.blur();
    if (await wb.setPrintedNumber(page.id, n)) input.current?.blur();
  };

  return (
    <div className="dz-details" data-testid="page-details">
      <span className="dz-details-pos">
        图像 {page.position} / {wb.pages.length}
      </span>
      <label className="dz-details-number">
        页码
        <input
          ref={input}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void saveNumber();
            } else if (e.key === 'Escape') {
              setNumber(page.printedNumber === null ? '' : String(page.printedNumber));
              setNumberError(null);
              input.current?.blur();
            }
          }}
          onBlur={() => {
            if (number.trim() !== (page.printedNumber === null ? '' : String(page.printedNumber))) void saveNumber();
          }}
          disabled={readOnly || page.kind !== 'page'}
          inputMode="numeric"
          className="mono"
          placeholder={page.kind === 'page' ? '未读出' : '不编页'}
          aria-invalid={numberError !== null}
          title="纸面上印的页码（P 键修改，Enter 保存）"
          data-testid="page-number-input"
        />
      </label>
      <span className="dz-segmented" role="group" aria-label="页面类别">
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className={page.kind === k ? 'btn btn-small dz-btn-active' : 'btn btn-small'}
            aria-pressed={page.kind === k}
            disabled={readOnly}
            onClick={() => page.kind !== k && void wb.setKind(page.id, k)}
            title={k === 'blank' ? '空白面不计页数 (B)' : k === 'cover' ? '封面、封底、衬纸不计页数 (C)' : '计入页数'}
            data-testid={`page-kind-${k}`}
          >
            {KIND_LABELS[k]}
          </button>
        ))}
      </span>
      {readOnly ? null : (
        <span className="dz-segmented">
          <button type="button" className="btn btn-small" onClick={() => void wb.rotate(page.id, 270)} title="向左旋转 90° (Shift+R)" aria-label="向左旋转">
            ⟲
          </button>
          <button type="button" className="btn btn-small" onClick={() => void wb.rotate(page.id, 90)} title="向右旋转 90° (R)" aria-label="向右旋转">
            ⟳
          </button>
        </span>
      )}
      {readOnly ? null : <ImageAdjust page={page} />}
      <span className="dz-details-meta muted">
        {page.colour ? '彩色' : '灰度'} ·{' '}
        {page.dpi < MIN_DPI ? (
          <span className="dz-warn" title={`扫描分辨率低于 GB/T 33870 要求的 ${MIN_DPI} dpi，建议以 ${MIN_DPI} dpi 重新扫描该页`} data-testid="page-low-dpi">
            {page.dpi} dpi（低于 {MIN_DPI}）
          </span>
        ) : (
          `${page.dpi} dpi`
        )}{' '}
        · {page.width}×{page.height}
        {page.cropped ? ' · 已裁边' : ''}
        {page.rotation ? ` · 已转 ${page.rotation}°` : ''}
        {Math.abs(page.skewDegrees) >= 0.05 ? ` · 纠偏 ${page.skewDegrees.toFixed(1)}°` : ''} · 文字{OCR_LABELS[page.ocr]}
        {page.ocr === 'done' && page.ocrConfidence !== null ? `（置信度 ${confidencePercent(page.ocrConfidence)}%）` : ''}
      </span>
      <span className="dz-details-source muted mono" title={page.source}>
        {baseName(page.source)}
      </span>
      {numberError ? (
        <span className="field-error" role="alert">
          {numberError}
        </span>
      ) : null}
    </div>
  );
}
