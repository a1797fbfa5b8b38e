import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { useApp } from '../../state/appStore';
import { toast } from '../../state/toastStore';

export function IdleLockSection() {
  const setIdleMinutes = useApp((s) => s.setIdleMinutes);
  const [minutes, setMinutes] = useState('');
  const action = useAction();
  const { run } = action;

  useEffect(() => {
    void run(async () => setMinutes(String((await call('settings.get', {})).idleLockMinutes)));
  }, [run]);

  const submit = () => {
    const n = Number(minutes);
    if (!Number.isInteger(n) || n < 1 || n > 240) return action.setError('请输入 1–240 之间的整数（分钟）。');
    void action.run(async () => {
      const s = await call('settings.update', { idleLockMinutes: n });
      setIdleMinutes(s.idleLockMinutes);
      toast(`自动锁定时间已设为 ${s.idleLockMinutes} 分钟`);
    });
  };

  return (
    <div className="card">
      <h2>自动锁定</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Field label="自动锁定时间（分钟）" htmlFor="idle-minutes" hint="无键盘、鼠标操作超过此时间后自动锁定，对所有用户生效。">
          <input id="idle-minutes" type="number" min={1} max={240} step={1} className="narrow-input" value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="idle-minutes" />
        </Field>
        <FormError message={action.error} />
        <div className="form-actions">
          <BusyButton type="submit" primary busy={action.busy} data-testid="idle-save">
            保存
          </BusyButton>
        </div>
      </form>
    </div>
  );
}
