/**
 * The clerk's overrides of automatic image processing for the selected page: the deskew angle
 * (typed, or nudged 0.1° at a time), border cropping on/off, colour or greyscale. Each change
 * reprocesses the page from its original (page.adjust) and is undone with the other strip edits.
 * Keyboard: Tab to a control; in the angle field ↑/↓ nudge (Shift: 1°), Enter applies, Esc reverts.
 */
import { useEffect, useRef, useState } from 'react';
import type { Input } from '../../../shared/contract';
import type { PageInfo } from '../../../shared/types';
import { call, errorMessage } from '../../api/client';
import { useWorkbench } from '../../state/digitizationWorkbench';
import { formatSkew, parseSkew, SKEW_STEP, stepSkew } from './skewInput';

type Adjustment = Omit<Input<'page.adjust'>, 'pageId'>;

/** Lays the controls out like their neighbours in the details bar. */
const GROUP = { display: 'inline-flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' } as const;

/** Nudges made in quick succession are sent as one change (one reprocessing, one undo step). */
const NUDGE_SETTLE_MS = 450;

export function ImageAdjust({ page }: { page: PageInfo }) {
  const wb = useWorkbench();
  const [angle, setAngle] = useState(formatSkew(page.skewDegrees));
  const [angleError, setAngleError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  /** Changes go to the service one after another, in the order the clerk made them. */
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pendingNudge = useRef<{ timer: ReturnType<typeof setTimeout>; pageId: number; value: number } | null>(null);

  const send = (pageId: number, change: Adjustment) => {
    const run = async () => {
      setBusy(true);
      wb.setActionError(null);
      try {
        await call('page.adjust', { pageId, ...change });
      } catch (e) {
        wb.setActionError(errorMessage(e));
      } finally {
        setBusy(false);
      }
      await wb.refreshPages();
    };
    queue.current = queue.current.then(run, run);
  };

  const flushNudge = () => {
    const p = pendingNudge.current;
    if (!p) return;
    clearTimeout(p.timer);
    pendingNudge.current = null;
    send(p.pageId, { skewDegrees: p.value });
  };

  // Another page, or the stored angle changed (undo, a rotation): show it, unless the clerk is typing.
  useEffect(() => {
    if (pendingNudge.current?.pageId === page.id || document.activeElement === field.current) return;
    setAngle(formatSkew(page.skewDegrees));
    setAngleError(null);
  }, [page.id, page.skewDegrees]);

  // A nudge still waiting when the clerk moves to another page belongs to the page it was made on.
  useEffect(() => flushNudge, [page.id]);

  const nudge = (by: number) => {
    const typed = parseSkew(angle);
    const value = stepSkew(typed.ok ? typed.value : page.skewDegrees, by);
    setAngle(formatSkew(value));
    setAngleError(null);
    if (pendingNudge.current) clearTimeout(pendingNudge.current.timer);
    const pageId = page.id;
    pendingNudge.current = { pageId, value, timer: setTimeout(flushNudge, NUDGE_SETTLE_MS) };
  };

  const applyTyped = () => {
    const typed = parseSkew(angle);
    if (!typed.ok) return setAngleError(typed.message);
    setAngleError(null);
    setAngle(formatSkew(typed.value));
    if (pendingNudge.current) {
      clearTimeout(pendingNudge.current.timer);
      pendingNudge.current = null;
    }
    if (typed.value !== page.skewDegrees) send(page.id, { skewDegrees: typed.value });
  };

  const choice = (pressed: boolean, label: string, title: string, change: Adjustment, testId: string) => (
    <button
      type="button"
      className={pressed ? 'btn btn-small dz-btn-active' : 'btn btn-small'}
      aria-pressed={pressed}
      onClick={() => !pressed && send(page.id, change)}
      title={title}
      data-testid={testId}
    >
      {label}
    </button>
  );

  return (
    <span style={GROUP} role="group" aria-label="图像处理" aria-busy={busy}>
      <label className="dz-details-number" title="纠正扫描歪斜的角度（度）；正值把图像逆时针转正">
        纠偏角度
        <input
          ref={field}
          value={angle}
          onChange={(e) => setAngle(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
              e.preventDefault();
              nudge((e.key === 'ArrowUp' ? 1 : -1) * (e.shiftKey ? 1 : SKEW_STEP));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              applyTyped();
            } else if (e.key === 'Escape') {
              setAngle(formatSkew(page.skewDegrees));
              setAngleError(null);
              field.current?.blur();
            }
          }}
          onBlur={() => {
            if (pendingNudge.current) return flushNudge();
            const typed = parseSkew(angle);
            if (!typed.ok || typed.value !== page.skewDegrees) applyTyped();
          }}
          inputMode="decimal"
          className="mono"
          aria-invalid={angleError !== null}
          aria-describedby={angleError ? 'dz-angle-error' : undefined}
          data-testid="page-skew-input"
        />
        °
      </label>
      <span className="dz-segmented">
        <button type="button" className="btn btn-small" onClick={() => nudge(SKEW_STEP)} title="逆时针微调 0.1°（输入框内按 ↑）" aria-label="纠偏角度加 0.1°" data-testid="page-skew-plus">
          ⟲ 0.1°
        </button>
        <button type="button" className="btn btn-small" onClick={() => nudge(-SKEW_STEP)} title="顺时针微调 0.1°（输入框内按 ↓）" aria-label="纠偏角度减 0.1°" data-testid="page-skew-minus">
          ⟳ 0.1°
        </button>
      </span>
      <span className="dz-segmented" role="group" aria-label="裁边">
        {choice(page.cropped, '裁边', '裁去黑边和多余白边，内容四周留 2–3 mm', { crop: true }, 'page-crop-on')}
        {choice(!page.cropped, '不裁边', '保留整幅扫描图像', { crop: false }, 'page-crop-off')}
      </span>
      <span className="dz-segmented" role="group" aria-label="色彩">
        {choice(page.colour, '彩色', '保留颜色（红头、印章、照片）', { colour: true }, 'page-colour-on')}
        {choice(!page.colour, '灰度', '存为灰度图像', { colour: false }, 'page-colour-off')}
      </span>
      {angleError ? (
        <span className="field-error" role="alert" id="dz-angle-error">
          {angleError}
        </span>
      ) : null}
    </span>
  );
}
