/**
 * The 电子查阅 viewer: only the approved pages, one at a time (←/→), each fetched from the services
 * (which log the view and burn the watermark in). The watermark is also laid over the page here so
 * a screenshot of the screen carries it too. Pages can be picked for a certified copy.
 */
import { useEffect, useState } from 'react';
import type { ViewSession } from '../../../shared/lendingTypes';
import { call, errorMessage } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { useKeyDown } from '../../hooks/useKeyDown';
import { DocumentDialog } from '../../components/documents/DocumentDialog';
import { flattenPages, watermarkTiles } from './viewPages';

export function ViewerPane({ session, active }: { session: ViewSession; active: boolean }) {
  const pages = flattenPages(session);
  const [index, setIndex] = useState(0);
  const [image, setImage] = useState<{ pageId: number; url: string } | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [docId, setDocId] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const copy = useAction();
  const page = pages[index] ?? null;
  const pageId = page?.pageId ?? null;

  // Not useAction: paging on quickly must load the latest page, not be ignored while one loads.
  useEffect(() => {
    if (pageId === null) return;
    let current = true;
    call('lending.view.page', { requestId: session.requestId, pageId })
      .then((r) => {
        if (!current) return;
        setImage({ pageId, url: `data:${r.mime};base64,${r.base64}` });
        setLoadError(null);
      })
      .catch((e: unknown) => {
        if (current) setLoadError(errorMessage(e));
      });
    return () => {
      current = false;
    };
  }, [pageId, session.requestId]);

  useKeyDown((e) => {
    if (docId !== null) return;
    // Arrows in a field (the request picker, a checkbox) belong to that field.
    const tag = (e.target as HTMLElement | null)?.tagName ?? '';
    if (tag === 'SELECT' || tag === 'TEXTAREA' || (tag === 'INPUT' && (e.target as HTMLInputElement).type !== 'checkbox')) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') setIndex((i) => Math.min(pages.length - 1, i + 1));
    if (e.key === 'ArrowLeft' || e.key === 'PageUp') setIndex((i) => Math.max(0, i - 1));
  }, active);

  const togglePick = (id: number) =>
    setPicked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const makeCopy = () => {
    if (picked.size === 0) return copy.setError('请先勾选要复制的页。');
    void copy.run(async () => {
      const ordered = pages.filter((p) => picked.has(p.pageId)).map((p) => p.pageId);
      const doc = await call('lending.copy', { requestId: session.requestId, pageIds: ordered });
      setDocId(doc.id);
    });
  };

  if (pages.length === 0) return <p className="muted">批准的范围内没有已数字化的页面。</p>;
  return (
    <div className="ld-viewer" data-testid="ld-viewer">
      <ol className="ld-viewer-pages">
        {pages.map((p, i) => (
          <li key={p.pageId} className={i === index ? 'ld-page-current' : undefined}>
            <input type="checkbox" checked={picked.has(p.pageId)} onChange={() => togglePick(p.pageId)} aria-label={`复制 ${p.label}`} data-testid={`ld-view-pick-${i}`} />
            <button type="button" className="btn-link" onClick={() => setIndex(i)} data-testid={`ld-view-page-${i}`}>
              {p.label}
            </button>
          </li>
        ))}
      </ol>
      <div className="ld-viewer-main">
        <div className="ld-viewer-bar">
          <button type="button" className="btn btn-small" disabled={index === 0} onClick={() => setIndex(index - 1)}>
            ← 上一页
          </button>
          <span data-testid="ld-view-position">
            {index + 1} / {pages.length}
          </span>
          <button type="button" className="btn btn-small" disabled={index >= pages.length - 1} onClick={() => setIndex(index + 1)}>
            下一页 →
          </button>
          <BusyButton type="button" busy={copy.busy} onClick={makeCopy} data-testid="ld-view-copy">
            复制所选 {picked.size} 页（PDF）
          </BusyButton>
        </div>
        <FormError message={loadError ?? copy.error} />
        <div className="ld-page-frame" data-testid="ld-view-frame">
          {image && image.pageId === page?.pageId ? <img src={image.url} alt={page.label} data-testid="ld-view-image" draggable={false} /> : <p className="muted">正在读取…</p>}
          <div className="ld-watermark" aria-hidden="true" data-testid="ld-watermark">
            {watermarkTiles(session.watermark).map((t, i) => (
              <span key={i}>{t}</span>
            ))}
          </div>
        </div>
      </div>
      {docId !== null ? <DocumentDialog documentId={docId} onClose={() => setDocId(null)} /> : null}
    </div>
  );
}
