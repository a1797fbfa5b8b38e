/**
 * 卷内目录: the item list of the volume. N marks the selected page as the start of a new item;
 * 序号 and 页数 are computed by the service from the strip and shown as it computes them.
 */
import { useMemo, useState } from 'react';
import { classLabel } from '../../../shared/archiveClasses';
import { itemPageCounts } from '../../../shared/pageCounting';
import type { ItemEntry, PageInfo, Volume } from '../../../shared/types';
import { errorMessage } from '../../api/client';
import { useWorkbench } from '../../state/digitizationWorkbench';
import { toast } from '../../state/toastStore';
import { ItemForm } from './ItemForm';
import { itemColour, itemsInStripOrder, pageItemMarks } from './itemMarks';

export interface ItemEditing {
  pageId: number;
  item: ItemEntry | null;
}

interface ItemPanelProps {
  volume: Volume;
  pages: PageInfo[];
  items: ItemEntry[];
  selected: PageInfo | null;
  readOnly: boolean;
  editing: ItemEditing | null;
  onEdit: (e: ItemEditing | null) => void;
  onNew: () => void;
  onSelectPage: (id: number) => void;
}

export function ItemPanel({ volume, pages, items, selected, readOnly, editing, onEdit, onNew, onSelectPage }: ItemPanelProps) {
  const ordered = useMemo(() => itemsInStripOrder(pages, items), [pages, items]);
  const colourIndex = useMemo(() => new Map(ordered.map((it, i) => [it.id, i])), [ordered]);
  // The row of the item the selected page belongs to is highlighted, not only at its first page.
  const marks = useMemo(() => pageItemMarks(pages, ordered), [pages, ordered]);
  const currentItemId = selected ? (marks.get(selected.id)?.item.id ?? null) : null;
  const position = useMemo(() => new Map(pages.map((p) => [p.id, p.position])), [pages]);
  const unassigned = useMemo(
    () => itemPageCounts(pages, items.map((it) => ({ itemKey: it.id, startPageId: it.startPageId, classCode: it.classCode }))).unassigned,
    [pages, items],
  );
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const selectedStarts = selected ? items.find((it) => it.startPageId === selected.id) : undefined;

  const closeForm = () => {
    onEdit(null);
    document.querySelector<HTMLElement>('[data-testid="page-strip"]')?.focus();
  };

  const remove = async (it: ItemEntry) => {
    setError(null);
    try {
      await useWorkbench.getState().deleteItem(it.id);
      toast(`已删除材料 ${it.serial}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setConfirmDelete(null);
    }
  };

  const editingPage = editing ? pages.find((p) => p.id === editing.pageId) : undefined;

  return (
    <div className="dz-items" data-testid="item-panel">
      <div className="dz-panel-title">
        <span>卷内目录</span>
        {readOnly ? null : (
          <span className="dz-panel-actions">
            {selectedStarts ? (
              confirmDelete === selectedStarts.id ? (
                <button
                  type="button"
                  className="btn btn-small dz-btn-danger"
                  onClick={() => void remove(selectedStarts)}
                  onBlur={() => setConfirmDelete(null)}
                  autoFocus
                  data-testid="item-delete-confirm"
                >
                  确认删除 {selectedStarts.serial}
                </button>
              ) : (
                <button type="button" className="btn btn-small" onClick={() => setConfirmDelete(selectedStarts.id)} title="删除这条目录（图像不删除）" data-testid="item-delete">
                  删除此材料
                </button>
              )
            ) : null}
            <button type="button" className="btn btn-small btn-primary" onClick={onNew} disabled={!selected} title="把选中的图像作为一份新材料的第一页 (N)" data-testid="item-new">
              {selectedStarts ? '修改此材料' : '从此页开始新材料'}
            </button>
          </span>
        )}
      </div>
      {editing && editingPage ? (
        <ItemForm key={`${editing.pageId}:${editing.item?.id ?? 'new'}`} volume={volume} page={editingPage} item={editing.item} pages={pages} items={ordered} onDone={closeForm} />
      ) : null}
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="dz-items-table">
        <table className="table dz-items-grid" data-testid="item-table">
          <colgroup>
            <col className="dz-col-serial" />
            <col />
            <col className="dz-col-date" />
            <col className="dz-col-pages" />
          </colgroup>
          <thead>
            <tr>
              <th>序号</th>
              <th>材料名称</th>
              <th>形成时间</th>
              <th>页数</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((it) => (
              <tr
                key={it.id}
                className={currentItemId === it.id ? 'row-selected' : undefined}
                onClick={() => onSelectPage(it.startPageId)}
                onDoubleClick={() => !readOnly && onEdit({ pageId: it.startPageId, item: it })}
                title={`从图像 ${position.get(it.startPageId) ?? '?'} 开始${readOnly ? '' : '；双击修改'}`}
                data-testid={`item-row-${it.serial}`}
              >
                <td className="mono">
                  <span className="dz-item-dot" style={{ background: itemColour(colourIndex.get(it.id) ?? 0) }} />
                  {it.serial}
                </td>
                <td className="dz-item-title" title={`${classLabel(volume.scheme, it.classCode)}${it.note ? `；备注：${it.note}` : ''}`}>
                  {it.title}
                </td>
                <td className="mono">{it.formedOn ?? '—'}</td>
                <td data-testid="item-pages">{it.pages}</td>
              </tr>
            ))}
            {ordered.length === 0 ? (
              <tr className="table-empty">
                <td colSpan={4}>{readOnly ? '本卷未编目录。' : '还没有材料。选中一份材料的第一页，按 N 开始编目。'}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="dz-items-foot muted" data-testid="item-summary">
        共 {items.length} 份材料，计 {items.reduce((n, it) => n + it.pages, 0)} 页
        {unassigned > 0 ? <span className="dz-warn">；第一份材料之前还有 {unassigned} 页未编入目录</span> : null}
      </div>
    </div>
  );
}
