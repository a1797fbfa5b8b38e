/** The bottom of a form: the action's error, then the submit button (busy while it runs) and 取消. */
import type { ReactNode } from 'react';
import { BusyButton } from './BusyButton';
import { FormError } from './FormError';

interface FormFooterProps {
  /** The action's state (useAction). */
  action: { busy: boolean; error: string | null };
  submitLabel: ReactNode;
  busyText?: string;
  /** e.g. btn-danger for an action that cannot be undone. */
  submitClassName?: string;
  submitTestId?: string;
  onCancel: () => void;
}

export function FormFooter({ action, submitLabel, busyText, submitClassName, submitTestId, onCancel }: FormFooterProps) {
  return (
    <>
      <FormError message={action.error} />
      <div className="form-actions">
        <BusyButton type="submit" primary busy={action.busy} busyText={busyText} className={submitClassName} data-testid={submitTestId}>
          {submitLabel}
        </BusyButton>
        <button type="button" className="btn" onClick={onCancel}>
          取消
        </button>
      </div>
    </>
  );
}
