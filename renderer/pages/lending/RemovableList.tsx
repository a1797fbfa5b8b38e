/** The files gathered so far (scanned out, chosen for a transfer), each with 移除 for a wrong one. */
import type { ReactNode } from 'react';

interface Props<T> {
  items: T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  onRemove: (item: T) => void;
  testId: string;
}

export function RemovableList<T>({ items, keyOf, render, onRemove, testId }: Props<T>) {
  if (items.length === 0) return null;
  return (
    <ul className="ld-scans" data-testid={testId}>
      {items.map((item) => (
        <li key={keyOf(item)}>
          {render(item)}
          <button type="button" className="btn btn-link" onClick={() => onRemove(item)}>
            移除
          </button>
        </li>
      ))}
    </ul>
  );
}
