/**
 * 转出: files leave this archive for another one. Files are found or scanned like on a request; the
 * services record the transfer, mark the files, and make the 转递通知单 with its 回执 (awaited back).
 */
import { useState } from 'react';
import type { LendableFile, TransferOut } from '../../../shared/lendingTypes';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { useLending } from '../../state/lendingStore';
import { FilePicker } from './FilePicker';
import { todayCst } from './lendingDates';
import { RemovableList } from './RemovableList';

export function TransferForm({ onCreated }: { onCreated: (t: TransferOut) => void }) {
  const [files, setFiles] = useState<LendableFile[]>([]);
  const [receiverUnit, setReceiverUnit] = useState('');
  const [sentOn, setSentOn] = useState(todayCst());
  const [withDigital, setWithDigital] = useState(true);
  const [note, setNote] = useState('');
  const action = useAction();

  const submit = () => {
    if (files.length === 0) return action.setError('请选择要转出的档案（按姓名、身份证号或档号查找，可扫码）。');
    if (!receiverUnit.trim()) return action.setError('请填写接收单位（档案转往哪里）。');
    if (!sentOn) return action.setError('请填写转出日期。');
    void action.run(async () => {
      const t = await call('transfer.create', { archiveNos: files.map((f) => f.archiveNo), receiverUnit: receiverUnit.trim(), sentOn, withDigitalCopies: withDigital, note: note.trim() });
      setFiles([]);
      setNote('');
      useLending.getState().changed();
      onCreated(t);
    });
  };

  return (
    <div className="pane pane-wide" data-testid="ld-transfer-form">
      <div className="pane-title">新建转出</div>
      <FilePicker chosen={files.map((f) => f.archiveNo)} onAdd={(f) => setFiles((x) => [...x, f])} />
      <RemovableList
        items={files}
        keyOf={(f) => f.archiveNo}
        render={(f) => (
          <>
            <span className="mono">{f.archiveNo}</span> {f.name}（{f.volumes} 卷）
          </>
        )}
        onRemove={(f) => setFiles((x) => x.filter((y) => y.archiveNo !== f.archiveNo))}
        testId="ld-transfer-files"
      />
      <div className="form-grid">
        <Field label="接收单位" htmlFor="ld-transfer-unit" required>
          <input id="ld-transfer-unit" value={receiverUnit} onChange={(e) => setReceiverUnit(e.target.value)} maxLength={100} data-testid="ld-transfer-unit" />
        </Field>
        <Field label="转出日期" htmlFor="ld-transfer-date" required>
          <DateInput id="ld-transfer-date" value={sentOn} onChange={setSentOn} data-testid="ld-transfer-date" />
        </Field>
        <Field label="备注" htmlFor="ld-transfer-note">
          <input id="ld-transfer-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} data-testid="ld-transfer-note" />
        </Field>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={withDigital} onChange={(e) => setWithDigital(e.target.checked)} data-testid="ld-transfer-digital" />
        随档案移交配套的电子档案
      </label>
      <p className="muted">档案须由专人送达或机要寄送，不得由退休人员本人携带。</p>
      <FormError message={action.error} />
      <div className="form-actions">
        <BusyButton type="button" primary busy={action.busy} onClick={submit} data-testid="ld-transfer-submit">
          转出并生成转递通知单
        </BusyButton>
      </div>
    </div>
  );
}
