/**
 * 归还: set who brought the files back and their condition once, then scan each file: one scan +
 * Enter returns it (it goes back to its shelf position) and the box is ready for the next.
 */
import { useRef, useState } from 'react';
import { RETURN_CONDITIONS, type ReturnCondition } from '../../../shared/lendingTypes';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { ScanInput } from '../../components/ScanInput';
import { useAction } from '../../hooks/useAction';
import { useLending } from '../../state/lendingStore';
import { localTime } from './lendingDates';
import { splitScan } from './scanList';

interface Returned {
  archiveNo: string;
  name: string;
  requestNo: string;
  at: string;
}

export function ReturnPanel() {
  const [returnedBy, setReturnedBy] = useState('');
  const [condition, setCondition] = useState<ReturnCondition>('完好');
  const [conditionNote, setConditionNote] = useState('');
  const [scanText, setScanText] = useState('');
  const [log, setLog] = useState<Returned[]>([]);
  const box = useRef<HTMLInputElement>(null);
  const action = useAction();

  const submit = () => {
    const { archiveNo } = splitScan(scanText);
    if (!archiveNo) return action.setError('请扫描或输入要归还的档号。');
    if (!returnedBy.trim()) return action.setError('请先填写归还人（谁送回的档案）。');
    if (condition !== '完好' && !conditionNote.trim()) return action.setError(`档案${condition}，请在「情况说明」中写明具体情况。`);
    void action.run(async () => {
      try {
        const r = await call('lending.return', { archiveNo, condition, conditionNote: conditionNote.trim(), returnedBy: returnedBy.trim() });
        const f = r.fileList.find((x) => x.archiveNo.toUpperCase() === archiveNo);
        setLog((l) => [{ archiveNo: f?.archiveNo ?? archiveNo, name: f?.name ?? '', requestNo: r.requestNo, at: f?.returnedAt ?? '' }, ...l]);
        setScanText('');
        useLending.getState().changed();
      } finally {
        window.setTimeout(() => box.current?.focus(), 0);
      }
    });
  };

  return (
    <div className="pane ld-desk-pane" data-testid="ld-return">
      <div className="pane-title">归还（入库）</div>
      <div className="form-grid">
        <Field label="归还人" htmlFor="ld-return-by" required>
          <input id="ld-return-by" value={returnedBy} onChange={(e) => setReturnedBy(e.target.value)} maxLength={50} data-testid="ld-return-by" />
        </Field>
        <Field label="档案情况" htmlFor="ld-return-condition" required>
          <select id="ld-return-condition" value={condition} onChange={(e) => setCondition(e.target.value as ReturnCondition)} data-testid="ld-return-condition">
            {RETURN_CONDITIONS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        {condition !== '完好' ? (
          <Field label="情况说明" htmlFor="ld-return-note" required>
            <input id="ld-return-note" value={conditionNote} onChange={(e) => setConditionNote(e.target.value)} maxLength={200} data-testid="ld-return-note" />
          </Field>
        ) : null}
        <Field label="扫描档号" htmlFor="ld-return-scan" hint="扫描后回车即登记归还；可连续扫描。">
          <ScanInput id="ld-return-scan" ref={box} className="mono" value={scanText} onChange={(e) => setScanText(e.target.value)} onScan={submit} data-testid="ld-return-scan" />
        </Field>
      </div>
      <FormError message={action.error} />
      {log.length > 0 ? (
        <ul className="ld-scans" data-testid="ld-return-log">
          {log.map((x, i) => (
            <li key={i}>
              {localTime(x.at)} 已归还 <span className="mono">{x.archiveNo}</span> {x.name}（{x.requestNo}）
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
