/** One thumbnail: image (loaded once visible), position, printed number, flags, item marker. */
import { useEffect, useRef, useState, type DragEvent, type RefObject } from 'react';
import type { PageInfo } from '../../../shared/types';
import { itemColour, type PageItemMark } from './itemMarks';
import { pageFlags, printedNumberLabel } from './pageLabels';
import { usePageImage } from './usePageImage';

interface PageThumbProps {
  page: PageInfo;
  selected: boolean;
  mark: PageItemMark | null;
  repeated: boolean;
  unread: boolean;
  draggable: boolean;
  dragging: boolean;
  onClick: () => void;
  onDragStart: (e: DragEvent<HTMLDivElement>) => void;
  onDragEnd: () => void;
  onDragOver: (e: DragEvent<HTMLDivElement>) => void;
  onDrop: (e: DragEvent<HTMLDivElement>) => void;
}

/** Thumbnails load only once near the visible part of the strip. */
function useNearView<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    // The strip scrolls on its own: measure against it, or its clipping would hide every margin.
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          io.disconnect();
        }
      },
      { root: el.closest('[data-testid="page-strip"]'), rootMargin: '600px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return [ref, near];
}

export function PageThumb(p: PageThumbProps) {
  const { page, mark } = p;
  const [ref, near] = useNearView<HTMLDivElement>();
  const { image, error } = usePageImage(page, 'thumb', near);
  const ratio = page.width > 0 && page.height > 0 ? page.height / page.width : 1.414;
  const cls = ['dz-thumb', p.selected && 'dz-thumb-selected', page.kind !== 'page' && `dz-thumb-${page.kind}`, (p.repeated || p.unread) && 'dz-thumb-problem', p.dragging && 'dz-thumb-dragging']
    .filter(Boolean)
    .join(' ');
  const colour = mark ? itemColour(mark.index) : undefined;
  return (
    <div
      ref={ref}
      className={cls}
      role="option"
      aria-selected={p.selected}
      data-page-id={page.id}
      data-testid={`page-thumb-${page.position}`}
      data-kind={page.kind}
      style={colour ? { borderLeftColor: colour } : undefined}
      draggable={p.draggable}
      onClick={p.onClick}
      onDragStart={p.onDragStart}
      onDragEnd={p.onDragEnd}
      onDragOver={p.onDragOver}
      onDrop={p.onDrop}
      title={`图像 ${page.position}：${printedNumberLabel(page.printedNumber)}`}
    >
      {mark?.isStart ? (
        <div className="dz-item-start" style={{ background: colour }} data-testid="item-start-marker" title={mark.item.title}>
          {mark.item.serial} {mark.item.title}
        </div>
      ) : null}
      <div className="dz-thumb-img" style={{ aspectRatio: `1 / ${ratio}` }}>
        {image ? <img src={image.url} alt={`图像 ${page.position}`} draggable={false} /> : <span className="muted">{error ? '无法显示' : '…'}</span>}
      </div>
      <div className="dz-thumb-caption">
        <span className="dz-thumb-pos">{page.position}</span>
        <span className={page.printedNumber === null && page.kind === 'page' ? 'dz-thumb-num dz-thumb-num-missing' : 'dz-thumb-num'} data-testid="thumb-number">
          {page.kind === 'page' ? (page.printedNumber === null ? '?' : `第 ${page.printedNumber} 页`) : ''}
        </span>
      </div>
      <div className="dz-thumb-flags">
        {pageFlags(page).map((f) => (
          <span key={f} className="dz-flag">
            {f}
          </span>
        ))}
        {p.repeated ? <span className="dz-flag dz-flag-bad">重页</span> : null}
      </div>
    </div>
  );
}
