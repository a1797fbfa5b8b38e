/** 标记已退回: the date the signed receipt came back, and an optional note. */
import { useState } from 'react';
import type { ReceiptInfo } from '../../../shared/intakeTypes';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useAction } from '../../hooks/useAction';
import { parseDateInput } from '../../lib/dateInput';
import { localDateString } from '../../lib/format';

export function ReturnReceiptDialog({ receipt, onDone, onClose }: { receipt: ReceiptInfo; onDone: (r: ReceiptInfo) => void; onClose: () => void }) {
  const [date, setDate] = useState(localDateString(new Date()));
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = () => {
    const d = parseDateInput(date);
    if (!d.ok || d.value === null) return action.setError(d.ok ? '请填写回执退回的日期。' : d.message);
    if (d.value < receipt.sentOn) return action.setError(`退回日期不能早于发出日期 ${receipt.sentOn}，请核对。`);
    const returnedOn = d.value;
    void action.run(async () => onDone(await call('receipt.markReturned', { id: receipt.id, returnedOn, note: note.trim() })));
  };
  return (
    <FormDialog title={`回执已退回：${receipt.counterparty}（${receipt.reference}）`} width={560} onSubmit={submit} onClose={onClose} action={action} submitLabel="保存" submitTestId="receipt-mark-save">
      <p>
        {receipt.sentOn} 发出，{receipt.persons} 人、{receipt.volumes} 卷，档号 {receipt.numberRange}。
      </p>
      <Field label="退回日期" htmlFor="receipt-returned-on" required>
        <DateInput id="receipt-returned-on" value={date} onChange={setDate} data-testid="receipt-returned-on" />
      </Field>
      <Field label="备注" htmlFor="receipt-note" wide>
        <input id="receipt-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} data-testid="receipt-note" />
      </Field>
    </FormDialog>
  );
}
