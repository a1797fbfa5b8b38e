/**
 * 清点: the desk counts each person's paper file. Scan (or type) the ID number + Enter → 卷数 Enter →
 * 页数 Enter → 厚度 (optional) Enter → 书面说明 Enter saves and returns to the scan box, ready for the next file. The table
 * below shows every roster person with the running totals; mismatches are highlighted.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { FormError } from '../../components/FormError';
import { deskTotals, mismatchText, totalsLine, type DeskPerson } from './deskTotals';
import { DeskTable } from './DeskTable';
import { matchScan, parseCount, parseThickness } from './scanEntry';

export interface DeskCountInput {
  volumes: number;
  pages: number;
  thicknessMm: number | null;
  note: string;
}

interface Props {
  persons: DeskPerson[];
  readOnly: boolean;
  onSave: (person: DeskPerson, input: DeskCountInput) => Promise<void>;
  /** Forget a count entered by mistake (the person is 未点 again). */
  onClear: (person: DeskPerson) => Promise<void>;
}

export function DeskCountEntry({ persons, readOnly, onSave, onClear }: Props) {
  const [scan, setScan] = useState('');
  const [current, setCurrent] = useState<DeskPerson | null>(null);
  const [volumes, setVolumes] = useState('');
  const [pages, setPages] = useState('');
  const [thickness, setThickness] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Bumped on every pick, so scanning the same file again still moves focus to 卷数. */
  const [picks, setPicks] = useState(0);
  const scanBox = useRef<HTMLInputElement>(null);
  const volBox = useRef<HTMLInputElement>(null);
  const pageBox = useRef<HTMLInputElement>(null);
  const thickBox = useRef<HTMLInputElement>(null);
  const noteBox = useRef<HTMLInputElement>(null);

  const pick = (p: DeskPerson) => {
    setCurrent(p);
    setVolumes(p.countedVolumes === null ? '' : String(p.countedVolumes));
    setPages(p.countedPages === null ? '' : String(p.countedPages));
    setThickness(p.thicknessMm === null ? '' : String(p.thicknessMm));
    setNote(p.note);
    setError(null);
    setSaved(null);
    setPicks((n) => n + 1);
  };

  // Ready for the first scan as soon as the step opens (the scanner types into whatever has focus).
  useEffect(() => {
    scanBox.current?.focus();
  }, []);

  // The count fields are enabled by the same render that sets `current`, so focus after it.
  useEffect(() => {
    if (current) volBox.current?.select();
  }, [current, picks]);

  const onScanKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const m = matchScan(scan, persons);
    if (m.kind === 'match') {
      const p = persons[m.index];
      if (p) pick(p);
      setScan('');
    } else {
      setError(m.message);
      setSaved(null);
      scanBox.current?.select();
    }
  };

  const save = async () => {
    if (!current) return;
    const v = parseCount(volumes, '卷数');
    const p = parseCount(pages, '页数');
    const t = parseThickness(thickness);
    if (!v.ok) return fail(v.message, volBox.current);
    if (!p.ok) return fail(p.message, pageBox.current);
    if (!t.ok) return fail(t.message, thickBox.current);
    if (v.value === null || p.value === null) return fail('请填写实点的卷数和页数（没有则填 0）。', v.value === null ? volBox.current : pageBox.current);
    setBusy(true);
    try {
      await onSave(current, { volumes: v.value, pages: p.value, thicknessMm: t.value, note: note.trim() });
      const off = mismatchText({ ...current, countedVolumes: v.value, countedPages: p.value });
      setSaved(`已记录 ${current.name}：${v.value} 卷、${p.value} 页${off ? `（与名册不符：${off}）` : ''}。请扫描下一份。`);
      setError(null);
      setCurrent(null);
      setVolumes('');
      setPages('');
      setThickness('');
      setNote('');
      scanBox.current?.focus();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const clear = async (p: DeskPerson) => {
    try {
      await onClear(p);
      setSaved(`已清除 ${p.name} 的清点记录。`);
      setError(null);
      if (current?.key === p.key) setCurrent(null);
      scanBox.current?.focus();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  function fail(message: string, box: HTMLInputElement | null) {
    setError(message);
    box?.select();
  }

  const enterTo = (next: RefObject<HTMLInputElement | null> | 'save') => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setCurrent(null);
      scanBox.current?.focus();
      return;
    }
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    if (next === 'save') void save();
    else next.current?.select();
  };

  const totals = deskTotals(persons);
  return (
    <div className="ik-desk" data-testid="desk-count">
      {readOnly ? null : (
        <div className="ik-desk-entry">
          <label className="ik-scan">
            <span>扫描或输入身份证号</span>
            <input
              ref={scanBox}
              className="mono"
              value={scan}
              onChange={(e) => setScan(e.target.value)}
              onKeyDown={onScanKey}
              placeholder="扫码枪扫描后自动回车；也可输入末 4 位或姓名"
              autoComplete="off"
              spellCheck={false}
              data-testid="desk-scan"
            />
          </label>
          <div className={current ? 'ik-desk-form' : 'ik-desk-form ik-desk-form-idle'} data-testid="desk-form">
            <span className="ik-desk-who" data-testid="desk-current">
              {current ? `${current.name}（名册：${current.rosterVolumes ?? '空'} 卷、${current.rosterPages ?? '空'} 页）` : '先扫描一份档案'}
            </span>
            <label>
              卷数
              <input ref={volBox} className="narrow-input" inputMode="numeric" value={volumes} disabled={!current || busy} onChange={(e) => setVolumes(e.target.value)} onKeyDown={enterTo(pageBox)} data-testid="desk-volumes" />
            </label>
            <label>
              页数
              <input ref={pageBox} className="narrow-input" inputMode="numeric" value={pages} disabled={!current || busy} onChange={(e) => setPages(e.target.value)} onKeyDown={enterTo(thickBox)} data-testid="desk-pages" />
            </label>
            <label title="可不填：不量则按每卷默认厚度估算上架空间">
              厚度 mm
              <input ref={thickBox} className="narrow-input" inputMode="decimal" value={thickness} disabled={!current || busy} onChange={(e) => setThickness(e.target.value)} onKeyDown={enterTo(noteBox)} placeholder="可不填" data-testid="desk-thickness" />
            </label>
            <label className="ik-desk-note">
              书面说明
              <input ref={noteBox} value={note} disabled={!current || busy} maxLength={500} onChange={(e) => setNote(e.target.value)} onKeyDown={enterTo('save')} placeholder="材料缺失时记录书面说明；回车保存" data-testid="desk-note" />
            </label>
            <button type="button" className="btn btn-primary btn-small" disabled={!current || busy} onClick={() => void save()} data-testid="desk-save">
              保存 (Enter)
            </button>
          </div>
        </div>
      )}
      <FormError message={error} />
      {saved ? (
        <div className="ik-ok" role="status" data-testid="desk-saved">
          {saved}
        </div>
      ) : null}
      <div className={totals.mismatches > 0 ? 'ik-totals ik-totals-bad' : 'ik-totals'} data-testid="desk-totals">
        {totalsLine(totals)}
      </div>
      <DeskTable persons={persons} readOnly={readOnly} onPick={pick} onClear={(p) => void clear(p)} />
    </div>
  );
}
