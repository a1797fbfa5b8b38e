/** Everything about one request, read-only: the form's fields, readers, files and their loan state, approvals, history. */
import { REQUEST_STATUS_LABELS, type LendingRequestDetail } from '../../../shared/lendingTypes';
import { localTime } from './lendingDates';

export function RequestDetailView({ r }: { r: LendingRequestDetail }) {
  return (
    <div className="ld-detail" data-testid="ld-request-detail" data-request-no={r.requestNo}>
      <dl className="ld-facts">
        <dt>申请编号</dt>
        <dd className="mono" data-testid="ld-detail-no">
          {r.requestNo}
        </dd>
        <dt>状态</dt>
        <dd data-testid="ld-detail-status">
          {REQUEST_STATUS_LABELS[r.status]}
          {r.status === 'pending' && r.levelsRequired > 1 ? `（待第${r.awaitingLevel === 2 ? '二' : '一'}级审批）` : ''}
          {r.overdue ? <span className="ld-warn">（已逾期）</span> : null}
        </dd>
        <dt>类型</dt>
        <dd>{r.type}</dd>
        <dt>目的</dt>
        <dd>{r.purpose === '其他' && r.purposeOther ? `其他：${r.purposeOther}` : r.purpose}</dd>
        <dt>申请单位</dt>
        <dd>
          {r.unit}
          {r.letterNo ? `（介绍信 ${r.letterNo}）` : ''}
        </dd>
        <dt>期限</dt>
        <dd>
          {r.periodFrom} 至 {r.periodTo}
        </dd>
        {r.approvalExpiresOn ? (
          <>
            <dt>审批有效至</dt>
            <dd>{r.approvalExpiresOn}</dd>
          </>
        ) : null}
        <dt>登记人</dt>
        <dd>
          {r.enteredBy}，{localTime(r.enteredAt)}
        </dd>
        {r.note ? (
          <>
            <dt>备注</dt>
            <dd>{r.note}</dd>
          </>
        ) : null}
        {r.cancelReason ? (
          <>
            <dt>撤销原因</dt>
            <dd>{r.cancelReason}</dd>
          </>
        ) : null}
      </dl>

      <h4>查阅人</h4>
      <table className="table">
        <thead>
          <tr>
            <th>姓名</th>
            <th>身份证号</th>
            <th>工作单位</th>
            <th>职务</th>
            <th>政治面貌</th>
            <th>联系电话</th>
            <th>关系</th>
          </tr>
        </thead>
        <tbody>
          {r.readerList.map((x, i) => (
            <tr key={i}>
              <td>{x.name}</td>
              <td className="mono">{x.idNumber}</td>
              <td>{x.unit}</td>
              <td>{x.post}</td>
              <td>{x.political}</td>
              <td>{x.contact}</td>
              <td>{x.relation}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4>档案</h4>
      <table className="table" data-testid="ld-detail-files">
        <thead>
          <tr>
            <th>档号</th>
            <th>姓名</th>
            <th>范围</th>
            <th>出库</th>
            <th>应还</th>
            <th>归还</th>
          </tr>
        </thead>
        <tbody>
          {r.fileList.map((f) => (
            <tr key={f.fileId} data-testid={`ld-detail-file-${f.archiveNo}`}>
              <td className="mono">{f.archiveNo}</td>
              <td>{f.name}</td>
              <td>{f.scope}</td>
              <td>{f.checkedOutAt ? `${localTime(f.checkedOutAt)}（${f.takenBy ?? ''}）` : '—'}</td>
              <td>{f.due ?? '—'}</td>
              <td>{f.returnedAt ? `${localTime(f.returnedAt)}（${f.returnedBy ?? ''}，${f.condition ?? ''}）` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {r.approvals.length > 0 ? (
        <>
          <h4>审批意见</h4>
          <ul className="ld-approvals" data-testid="ld-detail-approvals">
            {r.approvals.map((a, i) => (
              <li key={i}>
                {r.levelsRequired > 1 ? `第${a.level === 1 ? '一' : '二'}级 ` : ''}
                {a.decision === 'approved' ? '同意' : '驳回'}：{a.opinion || '（无意见）'} —— {a.by}，{localTime(a.at)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {r.history.length > 0 ? (
        <details className="ld-history">
          <summary>办理经过（{r.history.length} 步）</summary>
          <ul>
            {r.history.map((h, i) => (
              <li key={i}>
                {localTime(h.at)} {h.user}：{h.summary}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
