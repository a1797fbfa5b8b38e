/** Add or edit a room (库房 / 阅档室 / 办公室) with its floor area; Enter moves on, Ctrl+Enter saves. */
import { useState } from 'react';
import { ROOM_KIND_LABEL, type Room, type RoomKind } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { Field } from '../../../components/Field';
import { KeyboardForm } from '../../../components/KeyboardForm';
import { useAction } from '../../../hooks/useAction';
import { parseDecimal } from '../unitPreview';
import { FormFooter } from '../../../components/FormFooter';

export function RoomForm({ room, onSaved, onClose }: { room: Room | null; onSaved: (r: Room) => void; onClose: () => void }) {
  const [name, setName] = useState(room?.name ?? '');
  const [kind, setKind] = useState<RoomKind>(room?.kind ?? 'storage');
  const [area, setArea] = useState(room && room.areaM2 > 0 ? String(room.areaM2) : '');
  const [note, setNote] = useState(room?.note ?? '');
  const action = useAction();

  const submit = () => {
    if (!name.trim()) return action.setError('请填写房间名称，如「一号库房」。');
    const areaM2 = area.trim() === '' ? 0 : parseDecimal(area);
    if (areaM2 === null) return action.setError('面积应为数字（平方米），如 120 或 86.5；不清楚可先留空。');
    void action.run(async () => {
      const saved = await call('storage.roomSave', { ...(room ? { id: room.id } : {}), name: name.trim(), kind, areaM2, note: note.trim() });
      onSaved(saved);
    });
  };

  return (
    <KeyboardForm className="form form-grid" onSubmit={submit} onCancel={onClose}>
      <Field label="名称" htmlFor="st-room-name" required>
        <input id="st-room-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={30} autoComplete="off" data-testid="room-name" />
      </Field>
      <Field label="用途" htmlFor="st-room-kind" required hint="档案库房、阅档室、办公室须分开设置。">
        <select id="st-room-kind" value={kind} onChange={(e) => setKind(e.target.value as RoomKind)} data-testid="room-kind">
          {(Object.keys(ROOM_KIND_LABEL) as RoomKind[]).map((k) => (
            <option key={k} value={k}>
              {ROOM_KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="面积（m²）" htmlFor="st-room-area" hint="用于核对「每万卷面积」标准；可稍后补填。">
        <input id="st-room-area" value={area} onChange={(e) => setArea(e.target.value)} inputMode="decimal" autoComplete="off" data-testid="room-area" />
      </Field>
      <Field label="备注" htmlFor="st-room-note">
        <input id="st-room-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} autoComplete="off" data-testid="room-note" />
      </Field>
      <FormFooter action={action} submitLabel="保存" submitTestId="room-save" onCancel={onClose} />
    </KeyboardForm>
  );
}
