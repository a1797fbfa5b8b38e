/**
 * The workbench's keyboard map as a pure function, so a clerk's shortcuts are one table that tests
 * can read. Keys act on the page strip and viewer; they never fire while typing in a field.
 */
import type { KeyLike } from '../../lib/keys';
import type { PageKind } from '../../../shared/pageCounting';

export type WorkbenchAction =
  | { type: 'select'; by: number }
  | { type: 'selectEdge'; edge: 'first' | 'last' }
  /** Ctrl+arrow: move the selected page itself one place up / down the strip. */
  | { type: 'move'; by: -1 | 1 }
  | { type: 'delete' }
  | { type: 'rotate'; degrees: 90 | 270 }
  | { type: 'toggleKind'; kind: 'blank' | 'cover' }
  | { type: 'newItem' }
  | { type: 'editNumber' }
  | { type: 'undo' }
  | { type: 'import' }
  | { type: 'insertRescan' }
  | { type: 'scan' }
  | { type: 'zoom'; how: 'in' | 'out' | 'fitWidth' | 'actual' }
  | { type: 'rotateView' };

/** How far PageUp / PageDown jump in the strip. */
export const PAGE_JUMP = 5;

const ctrl = (e: KeyLike) => e.ctrlKey || e.metaKey;
const letter = (e: KeyLike, l: string) => e.key.toLowerCase() === l || e.code === `Key${l.toUpperCase()}`;

export function workbenchKeyAction(e: KeyLike): WorkbenchAction | null {
  if (e.altKey) return null;
  if (ctrl(e)) {
    if (e.shiftKey) return null;
    if (letter(e, 'z')) return { type: 'undo' };
    if (letter(e, 'o')) return { type: 'import' };
    if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') return { type: 'move', by: -1 };
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') return { type: 'move', by: 1 };
    return null;
  }
  switch (e.key) {
    case 'ArrowUp':
    case 'ArrowLeft':
      return { type: 'select', by: -1 };
    case 'ArrowDown':
    case 'ArrowRight':
      return { type: 'select', by: 1 };
    case 'PageUp':
      return { type: 'select', by: -PAGE_JUMP };
    case 'PageDown':
      return { type: 'select', by: PAGE_JUMP };
    case 'Home':
      return { type: 'selectEdge', edge: 'first' };
    case 'End':
      return { type: 'selectEdge', edge: 'last' };
    case 'Delete':
      return { type: 'delete' };
    case 'Insert':
      return { type: 'insertRescan' };
    case '+':
    case '=':
      return { type: 'zoom', how: 'in' };
    case '-':
    case '_':
      return { type: 'zoom', how: 'out' };
    case '0':
      return { type: 'zoom', how: 'fitWidth' };
    case '1':
      return e.shiftKey ? null : { type: 'zoom', how: 'actual' };
  }
  if (letter(e, 'r')) return { type: 'rotate', degrees: e.shiftKey ? 270 : 90 };
  if (e.shiftKey) return null;
  if (letter(e, 'b')) return { type: 'toggleKind', kind: 'blank' };
  if (letter(e, 'c')) return { type: 'toggleKind', kind: 'cover' };
  if (letter(e, 'n')) return { type: 'newItem' };
  if (letter(e, 'p')) return { type: 'editNumber' };
  if (letter(e, 's')) return { type: 'scan' };
  if (letter(e, 'v')) return { type: 'rotateView' };
  return null;
}

/** B / C toggle: pressing B on a blank page makes it a page again, likewise C on a cover. */
export function toggledKind(current: PageKind, key: 'blank' | 'cover'): PageKind {
  return current === key ? 'page' : key;
}

/** Actions that change the volume, refused when the volume is accepted or the role only reads. */
export function isEditAction(a: WorkbenchAction): boolean {
  switch (a.type) {
    case 'move':
    case 'delete':
    case 'rotate':
    case 'toggleKind':
    case 'newItem':
    case 'editNumber':
    case 'undo':
    case 'import':
    case 'insertRescan':
    case 'scan':
      return true;
    case 'select':
    case 'selectEdge':
    case 'zoom':
    case 'rotateView':
      return false;
  }
}

/**
 * Shortcuts belong to the strip and viewer: not while typing in a field, not inside a form or a
 * dialog (there Enter, Delete and letters mean what they usually mean).
 */
export function keysApplyTo(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return true;
  const el = target as HTMLElement;
  if (el.isContentEditable) return false;
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return false;
  return el.closest('form, [role="dialog"], [data-own-keys]') === null;
}

/** The shortcut list shown in the workbench's help line and in button titles. */
export const SHORTCUT_HELP: readonly [string, string][] = [
  ['↑ ↓ / Home End', '选择图像'],
  ['Ctrl+↑ ↓', '移动图像'],
  ['Delete', '删除'],
  ['R / Shift+R', '右转 / 左转 90°'],
  ['B', '空白'],
  ['C', '封面'],
  ['N', '从此页开始新材料'],
  ['P', '改页码'],
  ['Ctrl+Z', '撤销'],
  ['+ − 0 1', '缩放 / 适合宽度 / 1:1'],
];
