/** 开始盘点: a unit and optionally a range of its rows (列). */
import { useState } from 'react';
import type { ShelvingUnit, Stocktake } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { Field } from '../../../components/Field';
import { KeyboardForm } from '../../../components/KeyboardForm';
import { useAction } from '../../../hooks/useAction';
import { parseRowRange } from './rowRange';
import { FormFooter } from '../../../components/FormFooter';

export function StocktakeStart({ units, onStarted, onClose }: { units: ShelvingUnit[]; onStarted: (s: Stocktake) => void; onClose: () => void }) {
  const [unitId, setUnitId] = useState<number | null>(units[0]?.id ?? null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [title, setTitle] = useState('');
  const action = useAction();
  const unit = units.find((u) => u.id === unitId) ?? null;

  const submit = () => {
    if (!unit) return action.setError('请选择要盘点的密集架。');
    const range = parseRowRange(from, to, unit.rows);
    if ('error' in range) return action.setError(range.error);
    void action.run(async () => onStarted(await call('storage.stocktakeStart', { unitId: unit.id, title: title.trim(), ...range })));
  };

  return (
    <KeyboardForm className="form form-grid" onSubmit={submit} onCancel={onClose}>
      <Field label="密集架" htmlFor="st-take-unit" required wide>
        <select id="st-take-unit" value={unitId ?? ''} onChange={(e) => setUnitId(Number(e.target.value))} data-testid="stocktake-unit">
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.roomName} {u.name}（{u.rows} 列，{u.fileCount} 份）
            </option>
          ))}
        </select>
      </Field>
      <Field label="起始列" htmlFor="st-take-from" hint="留空：从第 1 列">
        <input id="st-take-from" value={from} onChange={(e) => setFrom(e.target.value)} inputMode="numeric" data-testid="stocktake-from" />
      </Field>
      <Field label="结束列" htmlFor="st-take-to" hint="留空：到最后一列">
        <input id="st-take-to" value={to} onChange={(e) => setTo(e.target.value)} inputMode="numeric" data-testid="stocktake-to" />
      </Field>
      <Field label="说明" htmlFor="st-take-title" wide>
        <input id="st-take-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={60} placeholder="如：2026 年第四季度盘点" data-testid="stocktake-title" />
      </Field>
      <FormFooter action={action} submitLabel="开始盘点" submitTestId="stocktake-start" onCancel={onClose} />
    </KeyboardForm>
  );
}
