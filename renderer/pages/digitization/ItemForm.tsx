/**
 * One 卷内目录 row: class from the volume's scheme, title and date pre-filled from the OCR text of
 * the start page (item.suggest, editable), note. Enter moves on, Ctrl+Enter saves, Esc cancels;
 * a refused save keeps everything typed.
 */
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { CLASSES, classLabel } from '../../../shared/archiveClasses';
import type { ItemEntry, PageInfo, Volume } from '../../../shared/types';
import { BusyButton } from '../../components/BusyButton';
import { DateInput } from '../../components/DateInput';
import { FormError } from '../../components/FormError';
import { KeyboardForm } from '../../components/KeyboardForm';
import { useAction } from '../../hooks/useAction';
import { parseDateInput } from '../../lib/dateInput';
import { useWorkbench } from '../../state/digitizationWorkbench';
import { toast } from '../../state/toastStore';
import { defaultClassFor } from './itemDefaults';

interface ItemFormProps {
  volume: Volume;
  page: PageInfo;
  item: ItemEntry | null;
  pages: PageInfo[];
  /** Items in strip order, to default the class to the one before this page. */
  items: ItemEntry[];
  onDone: () => void;
}

export function ItemForm({ volume, page, item, pages, items, onDone }: ItemFormProps) {
  const [classCode, setClassCode] = useState(item?.classCode ?? defaultClassFor(volume.scheme, page, pages, items));
  const [title, setTitle] = useState(item?.title ?? '');
  const [formedOn, setFormedOn] = useState(item?.formedOn ?? '');
  const [note, setNote] = useState(item?.note ?? '');
  const [suggesting, setSuggesting] = useState(item === null);
  const typed = useRef({ title: false, formedOn: false });
  const classSelect = useRef<HTMLSelectElement>(null);
  const action = useAction();

  useEffect(() => {
    classSelect.current?.focus();
  }, []);

  // A new item's title and date come from the OCR text of its first page, unless the clerk typed first.
  useEffect(() => {
    if (item !== null) return;
    let current = true;
    call('item.suggest', { pageId: page.id })
      .then((s) => {
        if (!current) return;
        if (!typed.current.title && s.title) setTitle(s.title);
        if (!typed.current.formedOn && s.formedOn) setFormedOn(s.formedOn);
      })
      .catch(() => undefined) // only a suggestion: the clerk types it instead
      .finally(() => current && setSuggesting(false));
    return () => {
      current = false;
    };
  }, [item, page.id]);

  const date = parseDateInput(formedOn);

  const submit = () => {
    if (!title.trim()) return action.setError('请填写材料名称。');
    if (!date.ok) return action.setError(`材料形成时间有误：${date.message}`);
    void action.run(async () => {
      const saved = await useWorkbench.getState().saveItem({
        volumeId: volume.id,
        ...(item ? { id: item.id } : {}),
        startPageId: page.id,
        classCode,
        title: title.trim(),
        formedOn: date.value,
        note: note.trim(),
      });
      toast(`已保存材料 ${saved.serial}：${saved.title}（${saved.pages} 页）`);
      onDone();
    });
  };

  return (
    <KeyboardForm className="form form-narrow dz-item-form" onSubmit={submit} onCancel={onDone}>
      <div className="dz-item-form-title">
        {item ? `修改材料 ${item.serial}` : '新材料'}，从图像 {page.position}
        {page.printedNumber !== null ? `（第 ${page.printedNumber} 页）` : ''} 开始
        {item ? <span className="muted"> · 现计 {item.pages} 页</span> : null}
      </div>
      <div className="field">
        <label htmlFor="item-class">类别</label>
        <div className="field-control">
          <select id="item-class" ref={classSelect} value={classCode} onChange={(e) => setClassCode(e.target.value)} data-testid="item-class">
            {CLASSES[volume.scheme].map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="item-title">
          名称<span className="required">*</span>
        </label>
        <div className="field-control">
          <input
            id="item-title"
            value={title}
            onChange={(e) => {
              typed.current.title = true;
              setTitle(e.target.value);
            }}
            maxLength={200}
            autoComplete="off"
            placeholder={suggesting ? '正在从识别文字中提取…' : '材料名称'}
            aria-invalid={action.errorField === 'title'}
            data-testid="item-title"
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="item-date">形成时间</label>
        <div className="field-control">
          <DateInput
            id="item-date"
            value={formedOn}
            onChange={(v) => {
              typed.current.formedOn = true;
              setFormedOn(v);
            }}
            aria-invalid={!date.ok}
            data-testid="item-date"
          />
          {!date.ok && formedOn.trim().length >= 8 ? <div className="field-error">{date.message}</div> : null}
        </div>
      </div>
      <div className="field">
        <label htmlFor="item-note">备注</label>
        <div className="field-control">
          <input id="item-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} autoComplete="off" data-testid="item-note" />
        </div>
      </div>
      <FormError message={action.error} />
      <div className="form-actions form-actions-spread">
        <span className="muted dz-small" title={classLabel(volume.scheme, classCode)}>
          Ctrl+Enter 保存 · Esc 取消
        </span>
        <div className="form-actions-buttons">
          <button type="button" className="btn btn-small" onClick={onDone} data-testid="item-cancel">
            取消
          </button>
          <BusyButton type="submit" primary busy={action.busy} busyText="正在保存…" className="btn-small" data-testid="item-save">
            保存
          </BusyButton>
        </div>
      </div>
    </KeyboardForm>
  );
}
