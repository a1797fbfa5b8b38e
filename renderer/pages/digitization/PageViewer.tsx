/**
 * The selected page, large: zoom (+/−, fit width, 1:1, Ctrl+wheel) and a view-only rotation.
 * Shows the thumbnail at once and swaps in the full image when it arrives; prefetches the next page.
 */
import { useEffect, useRef } from 'react';
import type { PageInfo } from '../../../shared/types';
import { cachedImage, loadImage } from '../../state/digitizationThumbs';
import { PageDetails } from './PageDetails';
import { usePageImage } from './usePageImage';
import { currentScale, fitWidthScale, zoomLabel, zoomStep, type Zoom } from './zoom';

interface PageViewerProps {
  page: PageInfo | null;
  pages: PageInfo[];
  readOnly: boolean;
  zoom: Zoom;
  onZoom: (z: Zoom | ((z: Zoom) => Zoom)) => void;
  fitScale: number;
  onFitScale: (s: number) => void;
  viewRotation: number;
  onRotateView: () => void;
  numberFocus: number;
}

/** Room left for the scrollbar and padding inside the viewport. */
const VIEW_PADDING = 24;

export function PageViewer({ page, pages, readOnly, zoom, onZoom, fitScale, onFitScale, viewRotation, onRotateView, numberFocus }: PageViewerProps) {
  const full = usePageImage(page, 'full');
  const thumb = page ? cachedImage(page, 'thumb') : undefined;
  const scroller = useRef<HTMLDivElement>(null);
  const width = full.image?.width || page?.width || 0;
  const height = full.image?.height || page?.height || 0;

  // Fit width follows the viewport size and the image's orientation.
  useEffect(() => {
    const el = scroller.current;
    if (!el || width <= 0) return;
    const update = () => onFitScale(fitWidthScale(el.clientWidth - VIEW_PADDING, { width, height }, viewRotation));
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [width, height, viewRotation, onFitScale]);

  // Ctrl+wheel zooms; it needs a non-passive listener to keep the browser from zooming the page.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      onZoom((z) => ({ mode: 'scale', scale: zoomStep(currentScale(z, fitScale), e.deltaY < 0 ? 'in' : 'out') }));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [onZoom, fitScale]);

  // Flipping forward is the common case: have the next page ready.
  const next = page ? pages.find((p) => p.position === page.position + 1) : undefined;
  useEffect(() => {
    if (full.image && next) loadImage(next, 'full').catch(() => undefined);
  }, [full.image, next]);

  const scale = currentScale(zoom, fitScale);
  const sideways = viewRotation % 180 !== 0;
  const boxW = (sideways ? height : width) * scale;
  const boxH = (sideways ? width : height) * scale;
  const src = full.image?.url ?? thumb?.url ?? null;

  return (
    <div className="dz-viewer">
      <div className="dz-viewer-bar">
        <button type="button" className="btn btn-small" onClick={() => onZoom({ mode: 'scale', scale: zoomStep(scale, 'out') })} title="缩小 (−)" aria-label="缩小">
          −
        </button>
        <span className="dz-zoom" data-testid="viewer-zoom">
          {zoomLabel(scale)}
        </span>
        <button type="button" className="btn btn-small" onClick={() => onZoom({ mode: 'scale', scale: zoomStep(scale, 'in') })} title="放大 (+)" aria-label="放大">
          +
        </button>
        <button type="button" className={zoom.mode === 'fitWidth' ? 'btn btn-small dz-btn-active' : 'btn btn-small'} onClick={() => onZoom({ mode: 'fitWidth' })} title="适合宽度 (0)">
          适合宽度
        </button>
        <button type="button" className="btn btn-small" onClick={() => onZoom({ mode: 'scale', scale: 1 })} title="实际大小 (1)">
          1:1
        </button>
        <button type="button" className="btn btn-small" onClick={onRotateView} title="只旋转显示，不改变图像 (V)">
          旋转显示
        </button>
      </div>
      {page ? <PageDetails page={page} readOnly={readOnly} numberFocus={numberFocus} /> : null}
      <div ref={scroller} className="dz-viewer-scroll" data-testid="page-viewer">
        {!page ? (
          <div className="dz-viewer-empty muted">没有选中的图像。</div>
        ) : full.error && !src ? (
          <div className="form-error">{full.error}</div>
        ) : src && boxW > 0 ? (
          <div className="dz-viewer-box" style={{ width: boxW, height: boxH }}>
            <img
              src={src}
              alt={`图像 ${page.position}`}
              draggable={false}
              className={full.image ? 'dz-viewer-img' : 'dz-viewer-img dz-viewer-img-loading'}
              style={{ width: width * scale, height: height * scale, transform: `translate(-50%, -50%) rotate(${viewRotation}deg)` }}
              data-testid="viewer-image"
            />
          </div>
        ) : (
          <div className="dz-viewer-empty muted">正在载入图像…</div>
        )}
      </div>
    </div>
  );
}
