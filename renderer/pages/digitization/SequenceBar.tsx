/** The printed page-number check: gaps and repeats the clerk must resolve before the paper goes back. */
import { useMemo } from 'react';
import type { SequenceProblem } from '../../../shared/pageCounting';
import type { PageInfo } from '../../../shared/types';
import { describeSequenceProblem, problemPageId } from './sequenceWording';

const MAX_SHOWN = 12;

export function SequenceBar({ problems, pages, onSelect }: { problems: SequenceProblem[]; pages: PageInfo[]; onSelect: (pageId: number) => void }) {
  const lookup = useMemo(() => new Map(pages.map((p) => [p.id, p])), [pages]);
  const reading = pages.some((p) => p.ocr === 'pending' && p.kind === 'page');
  if (pages.length === 0) return null;
  // Unread numbers are many while OCR runs; the gaps and repeats matter most, so they come first.
  const ordered = [...problems].sort((a, b) => Number(a.kind === 'unread') - Number(b.kind === 'unread'));
  if (ordered.length === 0) {
    return (
      <div className="dz-seq dz-seq-ok" data-testid="seq-problems" data-count={0}>
        {reading ? '正在识别页码…' : '✔ 页码连续，无缺页、重页。'}
      </div>
    );
  }
  return (
    <div className="dz-seq dz-seq-bad" data-testid="seq-problems" data-count={ordered.length} role="status">
      <span className="dz-seq-title">页码检查：{ordered.length} 处问题{reading ? '（仍在识别）' : ''}</span>
      {ordered.slice(0, MAX_SHOWN).map((p, i) => {
        const id = problemPageId(p);
        return (
          <button key={i} type="button" className={`dz-seq-chip dz-seq-${p.kind}`} onClick={() => id !== null && onSelect(id)} disabled={id === null}>
            {describeSequenceProblem(p, lookup)}
          </button>
        );
      })}
      {ordered.length > MAX_SHOWN ? <span className="muted">另有 {ordered.length - MAX_SHOWN} 处</span> : null}
    </div>
  );
}
