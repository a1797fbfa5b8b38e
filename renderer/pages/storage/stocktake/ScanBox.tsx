/**
 * The big scan box: keeps focus (a click elsewhere on the page gives it back), each code + Enter is
 * one scan, PageUp / PageDown step to the previous / next shelf without leaving it, and the whole
 * panel flashes green / amber / red with the result so the clerk need not read while walking.
 */
import { useEffect, useRef, useState } from 'react';
import { outcomeTone, OUTCOME_LABEL, type LoggedScan } from '../../../state/storageScanLog';
import { normalizeScan } from '../scanCode';

interface ScanBoxProps {
  active: boolean;
  last: LoggedScan | null;
  pending: number;
  onScan: (code: string) => void;
  onStep: (by: number) => void;
}

/** Elements that may take focus away from the scan box (the clerk is typing somewhere else on purpose). */
function takesTyping(el: Element | null): boolean {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

export function ScanBox({ active, last, pending, onScan, onStep }: ScanBoxProps) {
  const [code, setCode] = useState('');
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (active) box.current?.focus();
  }, [active]);

  const onBlur = () => {
    if (!active) return;
    // After the click lands: give focus back unless the clerk went to another field or a dialog.
    window.setTimeout(() => {
      const el = document.activeElement;
      if (!takesTyping(el) && !el?.closest('[role="dialog"]')) box.current?.focus();
    }, 0);
  };

  const tone = last ? outcomeTone(last.result.outcome) : null;
  return (
    <div className={`st-scan ${tone ? `st-scan-${tone}` : ''}`} data-testid="stocktake-scan-panel" data-outcome={last?.result.outcome ?? ''}>
      {/* key restarts the flash animation on every scan, even two identical outcomes in a row */}
      <div key={last?.seq ?? 0} className={tone ? `st-flash st-flash-${tone}` : 'st-flash'} aria-hidden="true" />
      <input
        ref={box}
        className="st-scan-input mono"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onBlur={onBlur}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            const c = normalizeScan(code);
            setCode('');
            if (c) onScan(c);
          } else if (e.key === 'PageDown' || e.key === 'PageUp') {
            e.preventDefault();
            onStep(e.key === 'PageDown' ? 1 : -1);
          }
        }}
        placeholder="扫描档案条码（或输入档号后回车）"
        aria-label="扫描档案条码"
        autoComplete="off"
        spellCheck={false}
        data-testid="stocktake-scan"
      />
      <div className="st-scan-result" role="status" aria-live="assertive" data-testid="stocktake-last">
        {last ? (
          <>
            <strong>{OUTCOME_LABEL[last.result.outcome]}</strong> {last.result.message}
          </>
        ) : (
          '扫描后在此显示结果。PageDown / PageUp 换到下一层 / 上一层。'
        )}
        {pending > 0 ? <span className="muted">（正在处理 {pending} 个）</span> : null}
      </div>
    </div>
  );
}
