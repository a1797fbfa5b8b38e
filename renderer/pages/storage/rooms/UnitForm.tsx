/**
 * 新建密集架: one form for a whole unit (rows × sections × shelves × sides), with a live preview of
 * how many shelves and how much capacity it creates, instead of one click per shelf.
 */
import { useState } from 'react';
import type { Room, ShelvingUnit } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { Field } from '../../../components/Field';
import { KeyboardForm } from '../../../components/KeyboardForm';
import { useAction } from '../../../hooks/useAction';
import { checkUnit, EMPTY_UNIT, previewText, type UnitDraft } from '../unitPreview';
import { FormFooter } from '../../../components/FormFooter';

interface UnitFormProps {
  room: Room;
  thicknessMm: number;
  suggestedName: string;
  onSaved: (u: ShelvingUnit) => void;
  onClose: () => void;
}

export function UnitForm({ room, thicknessMm, suggestedName, onSaved, onClose }: UnitFormProps) {
  const [draft, setDraft] = useState<UnitDraft>({ ...EMPTY_UNIT, name: suggestedName });
  const [tried, setTried] = useState(false);
  const action = useAction();
  const check = checkUnit(draft, thicknessMm);
  const set = <K extends keyof UnitDraft>(k: K, v: UnitDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  // Errors appear once the clerk tries to save, or for a field already typed into.
  const err = (k: keyof UnitDraft) => (tried || draft[k] !== EMPTY_UNIT[k] ? (check.errors[k] ?? null) : null);

  const submit = () => {
    setTried(true);
    const input = check.input;
    if (!input) return action.setError('请按提示改正标出的项目。');
    void action.run(async () => onSaved(await call('storage.unitCreate', { roomId: room.id, ...input })));
  };

  const p = check.preview;
  return (
    <KeyboardForm className="form form-grid" onSubmit={submit} onCancel={onClose}>
      <Field label="所在房间" wide>
        <span>{room.name}</span>
      </Field>
      <Field label="名称" htmlFor="st-unit-name" required error={err('name')}>
        <input id="st-unit-name" value={draft.name} onChange={(e) => set('name', e.target.value)} maxLength={30} autoComplete="off" data-testid="unit-name" />
      </Field>
      <Field label="面" htmlFor="st-unit-sides" required hint="双面密集架每层分 A、B 两面">
        <select id="st-unit-sides" value={draft.sides} onChange={(e) => set('sides', e.target.value as UnitDraft['sides'])} data-testid="unit-sides">
          <option value="AB">双面（A、B）</option>
          <option value="A">单面（A）</option>
        </select>
      </Field>
      <Field label="列数" htmlFor="st-unit-rows" required error={err('rows')}>
        <input id="st-unit-rows" value={draft.rows} onChange={(e) => set('rows', e.target.value)} inputMode="numeric" autoComplete="off" data-testid="unit-rows" />
      </Field>
      <Field label="每列节数" htmlFor="st-unit-sections" required error={err('sections')}>
        <input id="st-unit-sections" value={draft.sections} onChange={(e) => set('sections', e.target.value)} inputMode="numeric" autoComplete="off" data-testid="unit-sections" />
      </Field>
      <Field label="每节层数" htmlFor="st-unit-shelves" required error={err('shelves')}>
        <input id="st-unit-shelves" value={draft.shelves} onChange={(e) => set('shelves', e.target.value)} inputMode="numeric" autoComplete="off" data-testid="unit-shelves" />
      </Field>
      <Field label="容量按" htmlFor="st-unit-measure" required>
        <select id="st-unit-measure" value={draft.measure} onChange={(e) => set('measure', e.target.value as UnitDraft['measure'])} data-testid="unit-measure">
          <option value="width">每层可用宽度（mm）</option>
          <option value="volumes">每层容量（卷）</option>
        </select>
      </Field>
      {draft.measure === 'width' ? (
        <Field label="每层宽度（mm）" htmlFor="st-unit-width" required error={err('widthMm')} hint={`按每卷 ${thicknessMm} mm 折算卷数（可在「容量」设置中修改）`}>
          <input id="st-unit-width" value={draft.widthMm} onChange={(e) => set('widthMm', e.target.value)} inputMode="decimal" autoComplete="off" data-testid="unit-width" />
        </Field>
      ) : (
        <Field label="每层容量（卷）" htmlFor="st-unit-capacity" required error={err('capacityVolumes')}>
          <input id="st-unit-capacity" value={draft.capacityVolumes} onChange={(e) => set('capacityVolumes', e.target.value)} inputMode="numeric" autoComplete="off" data-testid="unit-capacity" />
        </Field>
      )}
      <div className="st-unit-preview field-wide" data-testid="unit-preview" aria-live="polite">
        {p && check.input ? previewText(check.input.rows, check.input.sections, check.input.shelves, check.input.sides, p, draft.measure === 'width') : '填写列、节、层数和容量后，这里显示将生成的层数和总容量。'}
      </div>
      <FormFooter action={action} submitLabel="生成密集架" busyText="正在生成…" submitTestId="unit-save" onCancel={onClose} />
    </KeyboardForm>
  );
}
