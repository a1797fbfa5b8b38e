/**
 * 借出: pick an approved request, scan the files (or 档号/卷号 for single volumes) as they leave the
 * shelf, confirm who takes them and the due date (shown, within the approved period).
 */
import { useEffect, useRef, useState } from 'react';
import type { LendingRequestDetail } from '../../../shared/lendingTypes';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { ScanInput } from '../../components/ScanInput';
import { useAction } from '../../hooks/useAction';
import { useLending } from '../../state/lendingStore';
import { RemovableList } from './RemovableList';
import { checkScan } from './scanList';
import { useLoad } from './useLoad';

export function CheckoutPanel() {
  const approved = useLoad(() => call('lending.request.list', { status: 'approved', limit: 200 }), []);
  const [request, setRequest] = useState<LendingRequestDetail | null>(null);
  const [scans, setScans] = useState<{ scan: string; label: string }[]>([]);
  const [scanText, setScanText] = useState('');
  const [due, setDue] = useState('');
  const [takenBy, setTakenBy] = useState('');
  const [done, setDone] = useState<LendingRequestDetail | null>(null);
  const box = useRef<HTMLInputElement>(null);
  const action = useAction();
  const rows = (approved.data?.rows ?? []).filter((r) => r.type !== '电子查阅');

  const pick = (id: number) =>
    void action.run(async () => {
      const r = await call('lending.request.get', { id });
      setRequest(r);
      setScans([]);
      setDone(null);
      setDue(r.periodTo);
      setTakenBy(r.readerList[0]?.name ?? '');
    });

  // The scan box appears with the chosen request: put the cursor there, ready for the scanner.
  const requestId = request?.id ?? null;
  useEffect(() => {
    if (requestId !== null) box.current?.focus();
  }, [requestId]);

  const scan = () => {
    if (!request) return;
    const r = checkScan(scanText, request.fileList, scans.map((s) => s.scan));
    if (!r.ok) {
      action.setError(r.message);
    } else {
      setScans((s) => [...s, { scan: r.scan, label: r.label }]);
      action.setError(null);
    }
    setScanText('');
    box.current?.focus();
  };

  const confirm = () => {
    if (!request) return;
    if (scans.length === 0) return action.setError('请先扫描要出库的档案。');
    if (!due) return action.setError('请填写应还日期。');
    void action.run(async () => {
      const r = await call('lending.checkout', { requestId: request.id, archiveNos: scans.map((s) => s.scan), due, takenBy: takenBy.trim() });
      setDone(r);
      setRequest(null);
      setScans([]);
      useLending.getState().changed();
    });
  };

  return (
    <div className="pane ld-desk-pane" data-testid="ld-checkout">
      <div className="pane-title">借出（出库）</div>
      <FormError message={approved.error} />
      <Field label="已批准的申请" htmlFor="ld-checkout-request">
        <select id="ld-checkout-request" value={request?.id ?? ''} onChange={(e) => e.target.value && pick(Number(e.target.value))} data-testid="ld-checkout-request">
          <option value="">{rows.length === 0 ? '（没有待出库的申请）' : '请选择申请'}</option>
          {rows.map((r) => (
            <option key={r.id} value={r.id}>
              {r.requestNo} · {r.readers} · {r.files}
            </option>
          ))}
        </select>
      </Field>
      {request ? (
        <>
          <ul className="ld-approved-files" data-testid="ld-checkout-files">
            {request.fileList.map((f) => (
              <li key={f.fileId}>
                <span className="mono">{f.archiveNo}</span> {f.name}：{f.scope}
              </li>
            ))}
          </ul>
          <Field label="扫描档号" htmlFor="ld-checkout-scan" hint="扫描档号或「档号/卷号」后回车；可连续扫描。">
            <ScanInput id="ld-checkout-scan" ref={box} className="mono" value={scanText} onChange={(e) => setScanText(e.target.value)} onScan={scan} data-testid="ld-checkout-scan" />
          </Field>
          <RemovableList items={scans} keyOf={(s) => s.scan} render={(s) => s.label} onRemove={(s) => setScans((x) => x.filter((y) => y.scan !== s.scan))} testId="ld-checkout-scans" />
          <div className="form-grid">
            <Field label="应还日期" htmlFor="ld-checkout-due" required hint={`批准期限至 ${request.periodTo}`}>
              <DateInput id="ld-checkout-due" value={due} onChange={setDue} data-testid="ld-checkout-due" />
            </Field>
            <Field label="领取人" htmlFor="ld-checkout-taker">
              <input id="ld-checkout-taker" value={takenBy} onChange={(e) => setTakenBy(e.target.value)} maxLength={50} data-testid="ld-checkout-taker" />
            </Field>
          </div>
        </>
      ) : null}
      <FormError message={action.error} />
      {request ? (
        <div className="form-actions">
          <BusyButton type="button" primary busy={action.busy} onClick={confirm} data-testid="ld-checkout-confirm">
            确认出库（{scans.length} 份）
          </BusyButton>
        </div>
      ) : null}
      {done ? (
        <div className="notice" data-testid="ld-checkout-done">
          {done.requestNo} 已出库：
          {done.fileList
            .filter((f) => f.checkedOutAt && !f.returnedAt)
            .map((f) => `${f.archiveNo} ${f.name}（应还 ${f.due ?? ''}）`)
            .join('；')}
        </div>
      ) : null}
    </div>
  );
}
