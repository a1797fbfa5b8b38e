/** 用户管理 (admin): accounts, their roles, 停用/启用 and 重置密码. */
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client';
import type { SessionInfo, User } from '../../../shared/types';
import { FormError } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import { useAction } from '../../hooks/useAction';
import { AddUserForm } from './AddUserForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { UserTable } from './UserTable';

type Dialog = { kind: 'add' } | { kind: 'reset'; user: User; enabling: boolean } | null;

export function UsersPage({ session }: { session: SessionInfo }) {
  const [users, setUsers] = useState<User[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const loading = useAction();
  const { run } = loading;

  const load = useCallback(() => void run(async () => setUsers(await call('user.list', {}))), [run]);
  useEffect(load, [load]);

  return (
    <section className="page">
      <div className="page-header">
        <h1>用户管理</h1>
        <div className="toolbar">
          <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'add' })} data-testid="user-add">
            新增用户
          </button>
        </div>
      </div>
      <FormError message={loading.error} />
      <UserTable users={users} selfId={session.userId} onChanged={load} onReset={(user, enabling) => setDialog({ kind: 'reset', user, enabling })} />
      {dialog?.kind === 'add' ? (
        <Modal title="新增用户" onClose={() => setDialog(null)} width={480}>
          <AddUserForm
            onDone={() => {
              setDialog(null);
              load();
            }}
            onCancel={() => setDialog(null)}
          />
        </Modal>
      ) : null}
      {dialog?.kind === 'reset' ? (
        <Modal title={`${dialog.enabling ? '启用并设置密码' : '重置密码'}：${dialog.user.displayName}`} onClose={() => setDialog(null)} width={480}>
          <ResetPasswordForm
            user={dialog.user}
            enabling={dialog.enabling}
            onDone={() => {
              setDialog(null);
              load();
            }}
            onCancel={() => setDialog(null)}
          />
        </Modal>
      ) : null}
    </section>
  );
}
