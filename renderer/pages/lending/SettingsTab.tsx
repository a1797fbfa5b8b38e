/** 查借阅设置: loan limit, second-level approval, approval expiry, reminder text, this archive's name. */
import { useEffect, useState } from 'react';
import type { LendingSettings } from '../../../shared/lendingTypes';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { KeyboardForm } from '../../components/KeyboardForm';
import { useAction } from '../../hooks/useAction';
import { useLending } from '../../state/lendingStore';

function wholeDays(raw: string, what: string): number | string {
  const n = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || n < 1 || n > 90) return `${what}应为 1–90 之间的整数天数。`;
  return n;
}

export function SettingsTab() {
  const settings = useLending((s) => s.settings);
  const settingsError = useLending((s) => s.settingsError);
  const [draft, setDraft] = useState<{ limit: string; expiry: string; second: boolean; reminder: string; unit: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();

  useEffect(() => {
    void useLending.getState().loadSettings();
  }, []);
  useEffect(() => {
    if (settings && !draft) {
      setDraft({ limit: String(settings.loanLimitDays), expiry: String(settings.approvalExpiryDays), second: settings.secondLevelApproval, reminder: settings.reminderText, unit: settings.archiveUnit });
    }
  }, [settings, draft]);

  if (!draft) return <FormError message={settingsError} />;
  const set = (patch: Partial<typeof draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };

  const submit = () => {
    const limit = wholeDays(draft.limit, '借阅期限');
    if (typeof limit === 'string') return action.setError(limit);
    const expiry = wholeDays(draft.expiry, '审批有效期');
    if (typeof expiry === 'string') return action.setError(expiry);
    void action.run(async () => {
      const s: LendingSettings = await call('lending.settings.update', {
        loanLimitDays: limit,
        approvalExpiryDays: expiry,
        secondLevelApproval: draft.second,
        reminderText: draft.reminder,
        archiveUnit: draft.unit,
      });
      useLending.getState().settingsSaved(s);
      setSaved(true);
    });
  };

  return (
    <KeyboardForm className="form form-narrow" onSubmit={submit} onCancel={() => setDraft(null)}>
      <Field label="借阅期限上限（天）" htmlFor="ld-set-limit" required hint="超过此天数的申请须在备注中写明理由。">
        <input id="ld-set-limit" className="narrow-input" value={draft.limit} onChange={(e) => set({ limit: e.target.value })} data-testid="ld-set-limit" />
      </Field>
      <Field label="审批有效期（天）" htmlFor="ld-set-expiry" required hint="批准后超过此天数未办理，审批自动失效。">
        <input id="ld-set-expiry" className="narrow-input" value={draft.expiry} onChange={(e) => set({ expiry: e.target.value })} data-testid="ld-set-expiry" />
      </Field>
      <Field label="二级审批" htmlFor="ld-set-second">
        <label className="checkbox">
          <input id="ld-set-second" type="checkbox" checked={draft.second} onChange={(e) => set({ second: e.target.checked })} data-testid="ld-set-second" />
          每份申请须经两位主管先后审批
        </label>
      </Field>
      <Field label="档案馆（室）名称" htmlFor="ld-set-unit" required hint="印在审批表、登记簿上，并作为转出档案的移交单位。">
        <input id="ld-set-unit" value={draft.unit} onChange={(e) => set({ unit: e.target.value })} maxLength={100} data-testid="ld-set-unit" />
      </Field>
      <Field label="催还通知内容" htmlFor="ld-set-reminder" required wide>
        <textarea id="ld-set-reminder" value={draft.reminder} onChange={(e) => set({ reminder: e.target.value })} rows={4} maxLength={1000} data-testid="ld-set-reminder" />
      </Field>
      <FormError message={action.error} />
      {saved ? (
        <div className="notice" data-testid="ld-set-saved">
          设置已保存。
        </div>
      ) : null}
      <div className="form-actions">
        <BusyButton type="submit" primary busy={action.busy} data-testid="ld-set-save">
          保存设置
        </BusyButton>
      </div>
    </KeyboardForm>
  );
}
