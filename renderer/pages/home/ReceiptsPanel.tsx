/** 首页 panel: receipts (回执) sent out and not yet back, those over a month highlighted. */
import { can } from '../../../shared/roles';
import { useApp } from '../../state/appStore';
import { ReceiptsList } from '../intake/ReceiptsList';

export function ReceiptsPanel() {
  const role = useApp((s) => (s.session ? s.session.role : null));
  if (!role || !can(role, 'intake.read')) return null;
  return (
    <section className="card ik-home-receipts" data-testid="home-receipts">
      <h2>待退回的回执</h2>
      <ReceiptsList canWrite={can(role, 'intake.write')} compact testId="home-receipt-list" />
    </section>
  );
}
