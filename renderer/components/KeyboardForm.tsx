/**
 * A form for fast keyboard entry: Enter moves to the next field (so a barcode scanner that types
 * the ID number and Enter just works), Ctrl+Enter / Ctrl+S saves from anywhere, Esc cancels.
 */
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { isNextFieldKey, isSaveKey } from '../lib/keys';

interface KeyboardFormProps {
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
  className?: string;
}

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]):not([readonly]), select:not([disabled]), textarea:not([disabled]), button[type=submit]:not([disabled])';

function focusNext(form: HTMLFormElement, from: HTMLElement): void {
  const items = [...form.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const next = items[items.indexOf(from) + 1];
  if (next) {
    next.focus();
    if (next instanceof HTMLInputElement && next.type === 'text') next.select();
  }
}

export function KeyboardForm({ onSubmit, onCancel, children, className }: KeyboardFormProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (isSaveKey(e)) {
      e.preventDefault();
      onSubmit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (
      isNextFieldKey(
        { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing },
        target.tagName,
      )
    ) {
      e.preventDefault();
      focusNext(e.currentTarget, target);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className={className} onKeyDown={onKeyDown} onSubmit={submit} noValidate>
      {children}
    </form>
  );
}
