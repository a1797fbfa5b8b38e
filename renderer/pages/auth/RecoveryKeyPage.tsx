/** Shows the recovery key exactly once; the user must confirm it is printed or written down. */
import { useState } from 'react';
import { useApp } from '../../state/appStore';
import { AuthLayout } from './AuthLayout';

export function RecoveryKeyPage() {
  const key = useApp((s) => s.recoveryKey) ?? '';
  const dir = useApp((s) => s.status?.workspaceDir ?? '');
  const kept = useApp((s) => s.recoveryKeyKept);
  const [confirmed, setConfirmed] = useState(false);

  return (
    <AuthLayout title="请保管好恢复密钥" wide>
      <div className="print-area">
        <h2 className="print-only">档案工作站 恢复密钥</h2>
        <p className="recovery-explain">
          忘记密码时，只有凭此恢复密钥才能重设密码、打开档案库。它<strong>只显示这一次</strong>，程序不会再次显示。
        </p>
        <div className="recovery-key mono" data-testid="recovery-key">
          {key}
        </div>
        <ul className="recovery-instructions">
          <li>请立即打印，或工整抄写在纸上，连同档案库位置一并保存在上锁的文件柜中。</li>
          <li>不要拍照、不要保存在本机或网盘中；任何得到它的人都能重设密码。</li>
          <li>档案库位置：<span className="mono">{dir}</span></li>
        </ul>
      </div>
      <div className="recovery-actions">
        <button type="button" className="btn" onClick={() => window.print()}>
          打印
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="recovery-confirm" />
          我已打印或抄写并妥善保管恢复密钥
        </label>
        <button type="button" className="btn btn-primary" disabled={!confirmed} onClick={kept} data-testid="recovery-continue">
          继续
        </button>
      </div>
    </AuthLayout>
  );
}
