/**
 * The strip of page thumbnails in volume order: position, printed number, flags, item start
 * markers, and gaps / repeats in the printed numbers. Drag a thumbnail to reorder; drop files from
 * the desktop to import them.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { SequenceProblem } from '../../../shared/pageCounting';
import type { ItemEntry, PageInfo } from '../../../shared/types';
import { pageItemMarks } from './itemMarks';
import { PageThumb } from './PageThumb';
import { isImportable } from './pathList';
import { dropPosition, dropSide, type DropSide } from './reorder';
import { stripProblemMarks } from './sequenceWording';

const PAGE_DRAG_TYPE = 'application/x-archivedesk-page';

interface PageStripProps {
  pages: PageInfo[];
  items: ItemEntry[];
  problems: SequenceProblem[];
  selectedId: number | null;
  loading: boolean;
  readOnly: boolean;
  onSelect: (id: number) => void;
  onMove: (pageId: number, toPosition: number) => void;
  onDropFiles: (files: File[]) => void;
}

export function PageStrip({ pages, items, problems, selectedId, loading, readOnly, onSelect, onMove, onDropFiles }: PageStripProps) {
  const marks = useMemo(() => pageItemMarks(pages, items), [pages, items]);
  const seq = useMemo(() => stripProblemMarks(problems), [problems]);
  const box = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<{ pageId: number; side: DropSide } | null>(null);
  const [filesOver, setFilesOver] = useState(false);

  // Keep the selected page in view as the arrow keys walk the strip.
  useEffect(() => {
    if (selectedId === null) return;
    box.current?.querySelector<HTMLElement>(`[data-page-id="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const isFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

  const onDragOverThumb = (e: DragEvent<HTMLDivElement>, page: PageInfo) => {
    if (dragging === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const r = e.currentTarget.getBoundingClientRect();
    setDropAt({ pageId: page.id, side: dropSide(e.clientY - r.top, r.height) });
  };

  const onDropThumb = (e: DragEvent<HTMLDivElement>, page: PageInfo) => {
    const id = Number(e.dataTransfer.getData(PAGE_DRAG_TYPE));
    if (!id) return;
    e.preventDefault();
    e.stopPropagation();
    const from = pages.find((p) => p.id === id)?.position;
    const r = e.currentTarget.getBoundingClientRect();
    const to = from === undefined ? null : dropPosition(from, page.position, dropSide(e.clientY - r.top, r.height));
    setDragging(null);
    setDropAt(null);
    if (to !== null) onMove(id, to);
  };

  return (
    <div
      ref={box}
      className={filesOver ? 'dz-strip dz-strip-files' : 'dz-strip'}
      role="listbox"
      aria-label="页面缩略图"
      data-testid="page-strip"
      tabIndex={0}
      onDragOver={(e) => {
        if (!isFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setFilesOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setFilesOver(false);
      }}
      onDrop={(e) => {
        setFilesOver(false);
        if (!isFiles(e)) return;
        e.preventDefault();
        const files = [...e.dataTransfer.files].filter((f) => isImportable(f.name));
        if (files.length > 0) onDropFiles(files);
      }}
    >
      {pages.length === 0 ? (
        <div className="dz-strip-empty muted">{loading ? '正在读取…' : readOnly ? '本卷没有图像。' : '还没有图像。点「导入文件」、开始扫描，或把图像文件拖到这里。'}</div>
      ) : null}
      {seq.gapAfter.has(0) ? <div className="dz-gap">{seq.gapAfter.get(0)}</div> : null}
      {pages.map((p) => (
        <div key={p.id} className="dz-thumb-slot">
          {dropAt?.pageId === p.id && dropAt.side === 'before' ? <div className="dz-drop-line" /> : null}
          <PageThumb
            page={p}
            selected={p.id === selectedId}
            mark={marks.get(p.id) ?? null}
            repeated={seq.repeated.has(p.id)}
            unread={seq.unread.has(p.id)}
            draggable={!readOnly}
            dragging={dragging === p.id}
            onClick={() => onSelect(p.id)}
            onDragStart={(e) => {
              e.dataTransfer.setData(PAGE_DRAG_TYPE, String(p.id));
              e.dataTransfer.effectAllowed = 'move';
              setDragging(p.id);
            }}
            onDragEnd={() => {
              setDragging(null);
              setDropAt(null);
            }}
            onDragOver={(e) => onDragOverThumb(e, p)}
            onDrop={(e) => onDropThumb(e, p)}
          />
          {dropAt?.pageId === p.id && dropAt.side === 'after' ? <div className="dz-drop-line" /> : null}
          {seq.gapAfter.has(p.id) ? (
            <div className="dz-gap" data-testid="strip-gap">
              {seq.gapAfter.get(p.id)}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
