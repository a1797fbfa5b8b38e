/** 借出/归还 desk: check-out and return side by side, and what is overdue. */
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { CheckoutPanel } from './CheckoutPanel';
import { OverdueTable } from './OverdueTable';
import { ReturnPanel } from './ReturnPanel';
import { useLoad } from './useLoad';

export function DeskTab() {
  const overdue = useLoad(() => call('lending.overdue', {}), []);
  return (
    <div className="ld-desk">
      <div className="two-panes">
        <CheckoutPanel />
        <ReturnPanel />
      </div>
      <h3 className="ld-section">逾期未还</h3>
      <FormError message={overdue.error} />
      <OverdueTable rows={overdue.data ?? []} />
    </div>
  );
}
