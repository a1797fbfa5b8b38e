/** Keyboard shortcuts as pure predicates, so pages agree on them and tests need no DOM. */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const ctrl = (e: KeyLike) => e.ctrlKey || e.metaKey;

/** Ctrl+Enter or Ctrl+S: save the open form. */
export function isSaveKey(e: KeyLike): boolean {
  return ctrl(e) && !e.altKey && (e.key === 'Enter' || e.key.toLowerCase() === 's' || e.code === 'KeyS');
}

/** Alt+N or Insert: new record. `code` is checked too because Alt+N types other letters on some layouts. */
export function isNewKey(e: KeyLike): boolean {
  if (e.key === 'Insert' && !ctrl(e) && !e.altKey && !e.shiftKey) return true;
  return e.altKey && !ctrl(e) && (e.key.toLowerCase() === 'n' || e.code === 'KeyN');
}

/** Ctrl+L: lock the workstation. */
export function isLockKey(e: KeyLike): boolean {
  return ctrl(e) && !e.altKey && !e.shiftKey && (e.key.toLowerCase() === 'l' || e.code === 'KeyL');
}

/**
 * Plain Enter moves to the next field (keyboard-first entry; a barcode scanner ends with Enter).
 * Shift+Enter stays a newline in a textarea; an IME composing text must keep its Enter.
 */
export function isNextFieldKey(e: KeyLike & { isComposing?: boolean }, tagName: string): boolean {
  if (e.key !== 'Enter' || ctrl(e) || e.altKey || e.isComposing) return false;
  if (tagName === 'TEXTAREA') return !e.shiftKey;
  return !e.shiftKey && (tagName === 'INPUT' || tagName === 'SELECT');
}
