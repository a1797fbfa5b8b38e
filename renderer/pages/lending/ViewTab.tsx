/** 电子查阅: choose an approved electronic-viewing request and open its viewer. */
import { useState } from 'react';
import type { ViewSession } from '../../../shared/lendingTypes';
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { useLoad } from './useLoad';
import { ViewerPane } from './ViewerPane';

export function ViewTab({ active }: { active: boolean }) {
  const approved = useLoad(() => call('lending.request.list', { status: 'approved', limit: 200 }), []);
  const inUse = useLoad(() => call('lending.request.list', { status: 'in_use', limit: 200 }), []);
  const rows = [...(approved.data?.rows ?? []), ...(inUse.data?.rows ?? [])].filter((r) => r.type === '电子查阅');
  const [session, setSession] = useState<ViewSession | null>(null);
  const action = useAction();

  const open = (id: number) =>
    void action.run(async () => {
      setSession(null);
      setSession(await call('lending.view.open', { requestId: id }));
    });

  return (
    <div className="ld-view-tab">
      <div className="toolbar">
        <select value={session?.requestId ?? ''} onChange={(e) => e.target.value && open(Number(e.target.value))} data-testid="ld-view-request">
          <option value="">{rows.length === 0 ? '（没有已批准的电子查阅申请）' : '选择已批准的电子查阅申请'}</option>
          {rows.map((r) => (
            <option key={r.id} value={r.id}>
              {r.requestNo} · {r.readers} · {r.files}（{r.periodFrom} 至 {r.periodTo}）
            </option>
          ))}
        </select>
      </div>
      <FormError message={approved.error ?? inUse.error ?? action.error} />
      {session ? (
        <>
          <p className="muted" data-testid="ld-view-info">
            申请 {session.requestNo}，可查阅期限 {session.periodFrom} 至 {session.periodTo}。每看一页都记入操作日志；屏幕与复制件均带水印「{session.watermark}」。
          </p>
          <ViewerPane key={session.requestId} session={session} active={active} />
        </>
      ) : null}
    </div>
  );
}
