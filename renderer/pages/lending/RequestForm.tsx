/** 查借阅申请: the clerk records an approved-to-be request from a unit's letter; refusals come back as given. */
import { useState } from 'react';
import { LENDING_PURPOSES, LENDING_TYPES, type LendingPurpose, type LendingRequestDetail, type LendingType } from '../../../shared/lendingTypes';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { KeyboardForm } from '../../components/KeyboardForm';
import { useAction } from '../../hooks/useAction';
import { useLending } from '../../state/lendingStore';
import { ChosenFiles } from './ChosenFiles';
import { FilePicker } from './FilePicker';
import { addDays, periodDays, periodProblem, todayCst } from './lendingDates';
import { emptyReader } from './readerDraft';
import { ReaderRows } from './ReaderRows';
import { fileChoice, toCreateInput, type RequestDraft } from './requestDraft';

function freshDraft(limitDays: number): RequestDraft {
  const today = todayCst();
  return {
    type: '查阅',
    purpose: '房屋继承',
    purposeOther: '',
    unit: '',
    letterNo: '',
    readers: [emptyReader()],
    files: [],
    periodFrom: today,
    periodTo: addDays(today, Math.max(0, limitDays - 1)),
    note: '',
  };
}

export function RequestForm({ limitDays, onCreated }: { limitDays: number; onCreated: (r: LendingRequestDetail) => void }) {
  const [d, setD] = useState<RequestDraft>(() => freshDraft(limitDays));
  const action = useAction();
  const set = (patch: Partial<RequestDraft>) => setD((x) => ({ ...x, ...patch }));
  const today = todayCst();
  const days = periodDays(d.periodFrom, d.periodTo);
  const problem = periodProblem(d.periodFrom, d.periodTo, limitDays, d.note, today);
  const overLimit = days !== null && days > limitDays;

  const submit = () => {
    const r = toCreateInput(d, limitDays, today);
    if (!r.ok) return action.setError(r.message);
    void action.run(async () => {
      const created = await call('lending.request.create', r.input);
      useLending.getState().changed();
      setD(freshDraft(limitDays));
      onCreated(created);
    });
  };

  return (
    // Enter moves on (a scanner typing an ID number ends with Enter); Ctrl+Enter submits.
    <KeyboardForm className="form ld-request-form" onSubmit={submit} onCancel={() => undefined}>
      <div className="form-grid">
        <Field label="申请类型" htmlFor="ld-type" required>
          <select id="ld-type" value={d.type} onChange={(e) => set({ type: e.target.value as LendingType })} data-testid="ld-type">
            {LENDING_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Field>
        <Field label="查阅目的" htmlFor="ld-purpose" required>
          <select id="ld-purpose" value={d.purpose} onChange={(e) => set({ purpose: e.target.value as LendingPurpose })} data-testid="ld-purpose">
            {LENDING_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
        {d.purpose === '其他' ? (
          <Field label="具体目的" htmlFor="ld-purpose-other" required>
            <input id="ld-purpose-other" value={d.purposeOther} onChange={(e) => set({ purposeOther: e.target.value })} maxLength={100} data-testid="ld-purpose-other" />
          </Field>
        ) : null}
        <Field label="申请单位" htmlFor="ld-unit" required>
          <input id="ld-unit" value={d.unit} onChange={(e) => set({ unit: e.target.value })} maxLength={100} data-testid="ld-unit" />
        </Field>
        <Field label="介绍信编号" htmlFor="ld-letter">
          <input id="ld-letter" value={d.letterNo} onChange={(e) => set({ letterNo: e.target.value })} maxLength={50} data-testid="ld-letter" />
        </Field>
      </div>

      <h3 className="ld-section">查阅人</h3>
      <ReaderRows readers={d.readers} onChange={(readers) => set({ readers })} files={d.files.map((f) => f.file)} defaultUnit={d.unit} />

      <h3 className="ld-section">档案</h3>
      <FilePicker chosen={d.files.map((f) => f.file.archiveNo)} onAdd={(f) => setD((x) => ({ ...x, files: [...x.files, fileChoice(f)] }))} />
      <ChosenFiles files={d.files} onChange={(files) => set({ files })} />

      <h3 className="ld-section">期限</h3>
      <div className="form-grid">
        <Field label="开始日期" htmlFor="ld-from" required>
          <DateInput id="ld-from" value={d.periodFrom} onChange={(v) => set({ periodFrom: v })} data-testid="ld-from" />
        </Field>
        <Field
          label="结束日期"
          htmlFor="ld-to"
          required
          error={problem}
          errorTestId="ld-period-error"
          hint={days !== null ? `共 ${days} 天（规定不超过 ${limitDays} 天）` : `规定不超过 ${limitDays} 天`}
        >
          <DateInput id="ld-to" value={d.periodTo} onChange={(v) => set({ periodTo: v })} data-testid="ld-to" />
        </Field>
        <Field label="备注" htmlFor="ld-note" required={overLimit} hint={overLimit ? '期限超过规定，须写明理由。' : undefined} wide>
          <textarea id="ld-note" value={d.note} onChange={(e) => set({ note: e.target.value })} maxLength={500} rows={2} data-testid="ld-note" />
        </Field>
      </div>

      <FormError message={action.error} />
      <div className="form-actions">
        <BusyButton type="submit" primary busy={action.busy} busyText="正在提交…" data-testid="ld-request-submit">
          提交申请（Ctrl+Enter）
        </BusyButton>
        <button type="button" className="btn" onClick={() => setD(freshDraft(limitDays))} data-testid="ld-request-clear">
          清空
        </button>
      </div>
    </KeyboardForm>
  );
}
