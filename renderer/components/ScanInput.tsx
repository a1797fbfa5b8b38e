/**
 * A text box a barcode scanner types into: the code + Enter is one action (a scan or a search),
 * never "next field" — Enter stays here, while Ctrl+Enter still reaches a surrounding form.
 */
import type { ComponentProps } from 'react';

type ScanInputProps = Omit<ComponentProps<'input'>, 'onKeyDown'> & { onScan: () => void };

export function ScanInput({ onScan, ...input }: ScanInputProps) {
  return (
    <input
      autoComplete="off"
      spellCheck={false}
      {...input}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing) {
          e.preventDefault();
          e.stopPropagation();
          onScan();
        }
      }}
    />
  );
}
