/** The accounts, with role changes and 停用 done in place. */
import { call } from '../../api/client';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';
import type { User } from '../../../shared/types';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { formatDateTime } from '../../lib/format';
import { toast } from '../../state/toastStore';

interface UserTableProps {
  users: User[];
  selfId: number;
  onChanged: () => void;
  /** enabling: a disabled account gets its password back only through a reset. */
  onReset: (user: User, enabling: boolean) => void;
}

export function UserTable({ users, selfId, onChanged, onReset }: UserTableProps) {
  const action = useAction();

  const update = (u: User, change: { role?: Role; disabled?: boolean }, done: string) =>
    void action.run(async () => {
      await call('user.update', { id: u.id, ...change });
      toast(done);
      onChanged();
    });

  return (
    <>
      <FormError message={action.error} />
      <div className="table-wrap">
        <table className="table" data-testid="user-table">
          <thead>
            <tr>
              <th>登录名</th>
              <th>姓名</th>
              <th>角色</th>
              <th>状态</th>
              <th>最后登录</th>
              <th style={{ width: '14em' }}>操作</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.disabled ? 'row-disabled' : undefined}>
                <td className="mono">{u.name}</td>
                <td>
                  {u.displayName}
                  {u.id === selfId ? <span className="muted">（本人）</span> : null}
                </td>
                <td>
                  <select
                    value={u.role}
                    disabled={action.busy}
                    onChange={(e) => update(u, { role: e.target.value as Role }, `已将「${u.displayName}」的角色改为${ROLE_LABELS[e.target.value as Role]}`)}
                    aria-label={`${u.displayName} 的角色`}
                    data-testid={`user-role-${u.name}`}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{u.disabled ? <span className="status-off">已停用</span> : <span className="status-on">正常</span>}</td>
                <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '从未登录'}</td>
                <td className="row-actions">
                  {u.disabled ? (
                    <button type="button" className="btn btn-small" onClick={() => onReset(u, true)}>
                      启用
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={u.id === selfId || action.busy}
                      title={u.id === selfId ? '不能停用自己正在使用的账户' : undefined}
                      onClick={() => {
                        if (window.confirm(`停用「${u.displayName}」？停用后其密码作废，该账户不能再登录，直到重新启用并设置新密码。`)) {
                          update(u, { disabled: true }, `已停用「${u.displayName}」`);
                        }
                      }}
                    >
                      停用
                    </button>
                  )}
                  <button type="button" className="btn btn-small" onClick={() => onReset(u, false)}>
                    重置密码
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
