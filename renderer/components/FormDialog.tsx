/**
 * A dialog holding one keyboard form: Enter moves on, Ctrl+Enter submits, Esc cancels; its error
 * and the submit / 取消 buttons sit at the bottom like every other form.
 */
import type { ReactNode } from 'react';
import { FormFooter } from './FormFooter';
import { KeyboardForm } from './KeyboardForm';
import { Modal } from './Modal';

interface FormDialogProps {
  title: string;
  width: number;
  onSubmit: () => void;
  onClose: () => void;
  /** The action's state (useAction): its error shown, the submit button busy. */
  action: { busy: boolean; error: string | null };
  submitLabel: ReactNode;
  busyText?: string;
  /** e.g. btn-danger for an action that cannot be undone. */
  submitClassName?: string;
  submitTestId?: string;
  children: ReactNode;
}

export function FormDialog({ title, width, onSubmit, onClose, action, submitLabel, busyText, submitClassName, submitTestId, children }: FormDialogProps) {
  return (
    <Modal title={title} onClose={onClose} width={width}>
      <KeyboardForm className="form" onSubmit={onSubmit} onCancel={onClose}>
        {children}
        <FormFooter action={action} submitLabel={submitLabel} busyText={busyText} submitClassName={submitClassName} submitTestId={submitTestId} onCancel={onClose} />
      </KeyboardForm>
    </Modal>
  );
}
