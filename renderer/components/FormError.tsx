/** The one place a form shows what went wrong (tests find it by data-testid="form-error"). */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="form-error" data-testid="form-error" role="alert">
      {message}
    </div>
  );
}
