/** 新申请: the form, and once filed, the new request opened so its 审批表 can be printed for signing. */
import { useEffect, useState } from 'react';
import { FormError } from '../../components/FormError';
import { useLending } from '../../state/lendingStore';
import { RequestDialog } from './RequestDialog';
import { RequestForm } from './RequestForm';

export function RequestTab() {
  const settings = useLending((s) => s.settings);
  const settingsError = useLending((s) => s.settingsError);
  const [created, setCreated] = useState<{ id: number; requestNo: string } | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!useLending.getState().settings) void useLending.getState().loadSettings();
  }, []);
  if (!settings) return <FormError message={settingsError} />;
  return (
    <div>
      {created ? (
        <div className="notice" data-testid="ld-request-created">
          已提交申请 <span className="mono">{created.requestNo}</span>，等待主管审批。
          <button type="button" className="btn btn-link" onClick={() => setOpen(true)} data-testid="ld-request-created-open">
            查看 / 打印审批表
          </button>
        </div>
      ) : null}
      <RequestForm limitDays={settings.loanLimitDays} onCreated={(r) => setCreated({ id: r.id, requestNo: r.requestNo })} />
      {open && created ? <RequestDialog requestId={created.id} canCancel onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
