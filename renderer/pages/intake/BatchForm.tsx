/** 登记 / 修改 a batch: enterprise, contact, phone, who delivered it, date (keyboard: Enter moves on, Ctrl+Enter saves). */
import { useState } from 'react';
import type { IntakeBatch } from '../../../shared/intakeTypes';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { KeyboardForm } from '../../components/KeyboardForm';
import { useAction } from '../../hooks/useAction';
import { parseDateInput } from '../../lib/dateInput';
import { localDateString } from '../../lib/format';

interface Props {
  batch: IntakeBatch | null;
  onSaved: (b: IntakeBatch) => void;
  onCancel: () => void;
}

export function BatchForm({ batch, onSaved, onCancel }: Props) {
  const [enterprise, setEnterprise] = useState(batch?.enterprise ?? '');
  const [contact, setContact] = useState(batch?.contact ?? '');
  const [contactPhone, setContactPhone] = useState(batch?.contactPhone ?? '');
  const [deliveredBy, setDeliveredBy] = useState(batch?.deliveredBy ?? '');
  const [deliveredOn, setDeliveredOn] = useState(batch?.deliveredOn ?? localDateString(new Date()));
  const [note, setNote] = useState(batch?.note ?? '');
  const action = useAction();

  const submit = () => {
    if (!enterprise.trim()) return action.setError('请填写移交单位（企业名称）。');
    if (!deliveredBy.trim()) return action.setError('请填写送交人：档案须由移交单位派专人或机要送交。');
    const d = parseDateInput(deliveredOn);
    if (!d.ok || d.value === null) return action.setError(d.ok ? '请填写送交日期。' : d.message);
    const fields = { enterprise: enterprise.trim(), contact: contact.trim(), contactPhone: contactPhone.trim(), deliveredBy: deliveredBy.trim(), deliveredOn: d.value, note: note.trim() };
    void action.run(async () => {
      const saved = batch ? await call('intake.batch.update', { id: batch.id, ...fields }) : await call('intake.batch.create', fields);
      onSaved(saved);
    });
  };

  const bad = (f: string) => action.errorField === f;
  return (
    <KeyboardForm className="form" onSubmit={submit} onCancel={onCancel}>
      <div className="form-grid">
        <Field label="移交单位" htmlFor="batch-enterprise" required wide>
          <input id="batch-enterprise" value={enterprise} onChange={(e) => setEnterprise(e.target.value)} maxLength={100} aria-invalid={bad('enterprise')} data-testid="batch-enterprise" />
        </Field>
        <Field label="联系人" htmlFor="batch-contact">
          <input id="batch-contact" value={contact} onChange={(e) => setContact(e.target.value)} maxLength={50} data-testid="batch-contact" />
        </Field>
        <Field label="联系电话" htmlFor="batch-phone">
          <input id="batch-phone" value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} maxLength={40} inputMode="tel" data-testid="batch-phone" />
        </Field>
        <Field label="送交人" htmlFor="batch-delivered-by" required hint="移交单位派来送档案的人（不得由退休人员本人自带）">
          <input id="batch-delivered-by" value={deliveredBy} onChange={(e) => setDeliveredBy(e.target.value)} maxLength={50} aria-invalid={bad('deliveredBy')} data-testid="batch-delivered-by" />
        </Field>
        <Field label="送交日期" htmlFor="batch-delivered-on" required>
          <DateInput id="batch-delivered-on" value={deliveredOn} onChange={setDeliveredOn} aria-invalid={bad('deliveredOn')} data-testid="batch-delivered-on" />
        </Field>
        <Field label="备注" htmlFor="batch-note" wide>
          <textarea id="batch-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} data-testid="batch-note" />
        </Field>
      </div>
      <FormError message={action.error} />
      <div className="form-actions">
        <BusyButton type="submit" primary busy={action.busy} data-testid="batch-save" title="保存 (Ctrl+Enter)">
          {batch ? '保存修改' : '登记'}
        </BusyButton>
        <button type="button" className="btn" onClick={onCancel} data-testid="batch-cancel">
          取消
        </button>
      </div>
    </KeyboardForm>
  );
}
