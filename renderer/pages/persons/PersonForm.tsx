/**
 * Add / edit one retiree. Keyboard-first (see KeyboardForm); the ID number is checked as it is
 * typed (GB 11643) and against the archive for duplicates; server errors appear in the form
 * without losing what was typed.
 */
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import type { Community, Person, Town } from '../../../shared/types';
import { BusyButton } from '../../components/BusyButton';
import { CommunitySelect } from '../../components/CommunitySelect';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { DateInput } from '../../components/DateInput';
import { KeyboardForm } from '../../components/KeyboardForm';
import { useAction } from '../../hooks/useAction';
import { parseDateInput } from '../../lib/dateInput';
import { toast } from '../../state/toastStore';
import { draftFrom, toPersonInput, type PersonDraft } from './personDraft';
import { IdNumberField } from './IdNumberField';
import { useIdNumberCheck } from './useIdNumberCheck';

interface PersonFormProps {
  person: Person | null;
  readOnly: boolean;
  communities: Community[];
  towns: Town[];
  onSaved: (p: Person) => void;
  onClose: () => void;
}

/** Intake enters people community by community: a new form starts in the last one used. */
let lastCommunityId: number | null = null;

export function PersonForm({ person, readOnly, communities, towns, onSaved, onClose }: PersonFormProps) {
  const [draft, setDraft] = useState<PersonDraft>(() => draftFrom(person, lastCommunityId));
  const editingId = person?.id ?? null;
  const [keepAdding, setKeepAdding] = useState(false);
  const [idTouched, setIdTouched] = useState(person !== null);
  const [communityMissing, setCommunityMissing] = useState(false);
  const [dateTouched, setDateTouched] = useState(false);
  const action = useAction();
  const nameInput = useRef<HTMLInputElement>(null);
  const idCheck = useIdNumberCheck(draft.idNumber, editingId, readOnly);

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  const set = <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = () => {
    if (readOnly) return;
    if (!draft.name.trim()) return action.setError('请填写姓名。');
    if (!idCheck.local.ok) {
      setIdTouched(true);
      document.getElementById('person-id')?.focus();
      return action.setError('身份证号有误，请按提示更正。');
    }
    if (draft.communityId === null) {
      setCommunityMissing(true);
      document.getElementById('person-community')?.focus();
      return action.setError('请选择社区。');
    }
    const retired = parseDateInput(draft.retiredOn);
    if (!retired.ok) {
      setDateTouched(true);
      document.getElementById('person-retired')?.focus();
      return action.setError(`退休日期有误：${retired.message}`);
    }
    const input = toPersonInput({ ...draft, communityId: draft.communityId }, retired.value);
    void action.run(async () => {
      const saved = editingId === null ? await call('person.add', input) : await call('person.update', { id: editingId, ...input });
      lastCommunityId = saved.communityId;
      toast(`已保存：${saved.name}`);
      onSaved(saved);
      if (keepAdding && editingId === null) {
        setDraft(draftFrom(null, saved.communityId));
        setIdTouched(false);
        setDateTouched(false);
        nameInput.current?.focus();
      } else {
        onClose();
      }
    });
  };

  const serverBlames = (field: string) => action.errorField === field;
  const retiredCheck = parseDateInput(draft.retiredOn);
  const retiredError = dateTouched && !retiredCheck.ok ? retiredCheck.message : serverBlames('retiredOn') ? action.error : null;

  return (
    <KeyboardForm className="form form-grid" onSubmit={submit} onCancel={onClose}>
      <fieldset disabled={readOnly} className="form-fieldset">
        <Field label="姓名" htmlFor="person-name" required>
          <input id="person-name" ref={nameInput} value={draft.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" data-testid="person-name" />
        </Field>
        <IdNumberField
          value={draft.idNumber}
          onChange={(v) => set('idNumber', v)}
          onBlur={() => setIdTouched(true)}
          check={idCheck}
          touched={idTouched}
          invalidFromServer={serverBlames('idNumber')}
        />
        <Field label="社区" htmlFor="person-community" required error={communityMissing && draft.communityId === null ? '请选择社区。' : null}>
          <CommunitySelect
            id="person-community"
            value={draft.communityId}
            onChange={(v) => {
              set('communityId', v);
              if (v !== null) setCommunityMissing(false);
            }}
            communities={communities}
            towns={towns}
            emptyLabel={communities.length ? '请选择社区…' : '尚无社区：请先在「社区管理」中添加'}
            testId="person-community"
          />
        </Field>
        <Field label="联系电话" htmlFor="person-phone">
          <input id="person-phone" value={draft.phone} onChange={(e) => set('phone', e.target.value)} inputMode="tel" autoComplete="off" data-testid="person-phone" />
        </Field>
        <Field label="住址" htmlFor="person-address" wide>
          <input id="person-address" value={draft.address} onChange={(e) => set('address', e.target.value)} autoComplete="off" data-testid="person-address" />
        </Field>
        <Field label="原单位" htmlFor="person-enterprise">
          <input id="person-enterprise" value={draft.enterprise} onChange={(e) => set('enterprise', e.target.value)} autoComplete="off" data-testid="person-enterprise" />
        </Field>
        <Field label="退休日期" htmlFor="person-retired" error={retiredError}>
          <DateInput id="person-retired" value={draft.retiredOn} onChange={(v) => set('retiredOn', v)} onBlur={() => setDateTouched(true)} data-testid="person-retired" />
        </Field>
        <Field label="备注" htmlFor="person-note" wide hint={readOnly ? undefined : 'Shift+Enter 换行'}>
          <textarea id="person-note" rows={2} value={draft.note} onChange={(e) => set('note', e.target.value)} data-testid="person-note" />
        </Field>
      </fieldset>
      <FormError message={action.error} />
      <div className="form-actions form-actions-spread">
        {readOnly ? (
          <span className="muted">您的角色只能查看，不能修改。</span>
        ) : (
          <span className="muted">Enter 下一项 · Ctrl+Enter 或 Ctrl+S 保存 · Esc 取消</span>
        )}
        <div className="form-actions-buttons">
          {editingId === null && !readOnly ? (
            <label className="checkbox">
              <input type="checkbox" checked={keepAdding} onChange={(e) => setKeepAdding(e.target.checked)} />
              保存后继续新增
            </label>
          ) : null}
          <button type="button" className="btn" onClick={onClose} data-testid="person-cancel">
            {readOnly ? '关闭' : '取消'}
          </button>
          {readOnly ? null : (
            <BusyButton type="submit" primary busy={action.busy} busyText="正在保存…" data-testid="person-save">
              保存
            </BusyButton>
          )}
        </div>
      </div>
    </KeyboardForm>
  );
}
