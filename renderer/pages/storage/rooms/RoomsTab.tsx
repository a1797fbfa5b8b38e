/**
 * 库房与密集架: the rooms (left) and the selected room's shelving units (right). 新建密集架 is one
 * form; 导入布局 takes an existing layout from .xlsx; each unit prints its shelf-end labels.
 */
import { useState } from 'react';
import { ROOM_KIND_LABEL, type Room, type ShelvingUnit } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { FormError } from '../../../components/FormError';
import { Modal } from '../../../components/Modal';
import { useAction } from '../../../hooks/useAction';
import { useKeyDown } from '../../../hooks/useKeyDown';
import { isNewKey } from '../../../lib/keys';
import { FALLBACK_THICKNESS_MM, useStorage } from '../../../state/storageStore';
import { toast } from '../../../state/toastStore';
import { DocumentDialog } from '../../../components/documents/DocumentDialog';
import { LayoutImport } from './LayoutImport';
import { RoomForm } from './RoomForm';
import { UnitForm } from './UnitForm';
import { nextUnitName } from '../unitPreview';

type Dialog = { kind: 'room'; room: Room | null } | { kind: 'unit'; room: Room } | { kind: 'import' } | { kind: 'doc'; id: number } | null;

export function RoomsTab({ canWrite, active }: { canWrite: boolean; active: boolean }) {
  const { rooms, units, settings, loaded } = useStorage();
  const [selected, setSelected] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const action = useAction();
  const room = rooms.find((r) => r.id === selected) ?? rooms[0] ?? null;
  const roomUnits = room ? units.filter((u) => u.roomId === room.id) : [];
  const thickness = settings?.defaultVolumeThicknessMm ?? FALLBACK_THICKNESS_MM;
  const reload = () => useStorage.getState().load();
  const close = () => setDialog(null);

  // Alt+N / Insert: a new unit in the selected room (the common case), or a first room.
  useKeyDown((e) => {
    if (!canWrite || dialog !== null || !isNewKey(e)) return;
    e.preventDefault();
    setDialog(room ? { kind: 'unit', room } : { kind: 'room', room: null });
  }, active);

  const deleteRoom = (r: Room) => {
    if (!window.confirm(`删除「${r.name}」？只有没有密集架的房间可以删除。`)) return;
    void action.run(async () => {
      await call('storage.roomDelete', { id: r.id });
      toast(`已删除 ${r.name}`);
      setSelected(null);
      await reload();
    });
  };
  const deleteUnit = (u: ShelvingUnit) => {
    if (!window.confirm(`删除「${u.roomName} ${u.name}」及其 ${u.shelfCount} 层？只有没有档案的密集架可以删除。`)) return;
    void action.run(async () => {
      await call('storage.unitDelete', { id: u.id });
      toast(`已删除 ${u.name}`);
      await reload();
    });
  };
  const shelfEnd = (u: ShelvingUnit) => {
    void action.run(async () => setDialog({ kind: 'doc', id: (await call('storage.shelfEndLabels', { unitId: u.id })).id }));
  };

  return (
    <div className="two-panes st-rooms">
      <div className="pane">
        <div className="pane-title">
          <span>房间</span>
          {canWrite ? (
            <span className="toolbar">
              <button type="button" className="btn btn-small" onClick={() => setDialog({ kind: 'import' })} data-testid="layout-import-open">
                导入布局…
              </button>
              <button type="button" className="btn btn-small btn-primary" onClick={() => setDialog({ kind: 'room', room: null })} data-testid="room-add">
                新增房间
              </button>
            </span>
          ) : null}
        </div>
        <table className="table table-clickable" data-testid="room-list">
          <thead>
            <tr>
              <th>名称</th>
              <th>用途</th>
              <th className="num">面积 m²</th>
              <th className="num">密集架</th>
              <th className="num">层数</th>
            </tr>
          </thead>
          <tbody>
            {rooms.length === 0 ? (
              <tr>
                <td colSpan={5} className="table-empty">
                  {loaded ? (canWrite ? '还没有房间。点「新增房间」登记库房、阅档室和办公室，或「导入布局」。' : '还没有登记房间。') : '正在读取…'}
                </td>
              </tr>
            ) : (
              rooms.map((r) => (
                <tr key={r.id} className={room?.id === r.id ? 'st-selected' : undefined} onClick={() => setSelected(r.id)} tabIndex={0} onKeyDown={(e) => (e.key === 'Enter' ? setSelected(r.id) : undefined)} data-testid={`room-row-${r.id}`}>
                  <td>{r.name}</td>
                  <td>{ROOM_KIND_LABEL[r.kind]}</td>
                  <td className="num">{r.areaM2 > 0 ? r.areaM2 : '—'}</td>
                  <td className="num">{r.unitCount}</td>
                  <td className="num">{r.shelfCount}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className="pane pane-wide">
        <div className="pane-title">
          <span>{room ? `${room.name}的密集架` : '密集架'}</span>
          {canWrite && room ? (
            <span className="toolbar">
              <button type="button" className="btn btn-small" onClick={() => setDialog({ kind: 'room', room })} data-testid="room-edit">
                修改房间
              </button>
              {room.unitCount === 0 ? (
                <button type="button" className="btn btn-small" onClick={() => deleteRoom(room)} data-testid="room-delete">
                  删除房间
                </button>
              ) : null}
              <button type="button" className="btn btn-small btn-primary" onClick={() => setDialog({ kind: 'unit', room })} title="新建密集架 (Alt+N 或 Insert)" data-testid="unit-add">
                新建密集架
              </button>
            </span>
          ) : null}
        </div>
        <FormError message={action.error} />
        {room && room.kind !== 'storage' ? <p className="muted">此房间为{ROOM_KIND_LABEL[room.kind]}，一般不放密集架。</p> : null}
        <table className="table" data-testid="unit-list">
          <thead>
            <tr>
              <th>名称</th>
              <th>规格（列×节×层×面）</th>
              <th>每层</th>
              <th className="num">层数</th>
              <th className="num">档案</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {roomUnits.length === 0 ? (
              <tr>
                <td colSpan={6} className="table-empty">
                  {room ? '此房间还没有密集架。' : '请先新增房间。'}
                </td>
              </tr>
            ) : (
              roomUnits.map((u) => (
                <tr key={u.id} data-testid={`unit-row-${u.id}`}>
                  <td>{u.name}</td>
                  <td>
                    {u.rows} × {u.sections} × {u.shelves} × {u.sides.length}
                  </td>
                  <td>{u.shelfWidthMm !== null ? `${u.shelfWidthMm} mm` : `${u.shelfCapacityVolumes ?? '—'} 卷`}</td>
                  <td className="num">{u.shelfCount}</td>
                  <td className="num">{u.fileCount}</td>
                  <td className="row-actions">
                    {canWrite ? (
                      <>
                        <button type="button" className="btn btn-small" onClick={() => shelfEnd(u)} disabled={action.busy} data-testid={`unit-shelf-end-${u.id}`}>
                          架端标签
                        </button>
                        {u.fileCount === 0 ? (
                          <button type="button" className="btn btn-small" onClick={() => deleteUnit(u)} disabled={action.busy}>
                            删除
                          </button>
                        ) : null}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {dialog?.kind === 'room' ? (
        <Modal title={dialog.room ? `修改 ${dialog.room.name}` : '新增房间'} onClose={close} width={640}>
          <RoomForm
            room={dialog.room}
            onClose={close}
            onSaved={(r) => {
              toast(`已保存 ${r.name}`);
              setSelected(r.id);
              close();
              void reload();
            }}
          />
        </Modal>
      ) : null}
      {dialog?.kind === 'unit' ? (
        <Modal title="新建密集架" onClose={close} width={700}>
          <UnitForm
            room={dialog.room}
            thicknessMm={thickness}
            suggestedName={nextUnitName(roomUnits)}
            onClose={close}
            onSaved={(u) => {
              toast(`已生成 ${u.name}，共 ${u.shelfCount} 层`);
              close();
              void reload();
            }}
          />
        </Modal>
      ) : null}
      {dialog?.kind === 'import' ? (
        <Modal title="导入库房布局（.xlsx）" onClose={close} width={760}>
          <LayoutImport
            onClose={close}
            onImported={(p) => {
              toast(`已导入 ${p.units.filter((u) => u.isNew).length} 个密集架，共 ${p.shelves} 层`);
              close();
              void reload();
            }}
          />
        </Modal>
      ) : null}
      {dialog?.kind === 'doc' ? <DocumentDialog documentId={dialog.id} onClose={close} /> : null}
    </div>
  );
}
