/**
 * 档案编号设置: the numbering pattern with a live preview of the next number per community, plus the
 * 接收单位名称 and check limits. Only 主管/管理员 (intake.accept) may change it; others see it.
 */
import { useEffect, useState } from 'react';
import type { IntakeSettings, NumberingSettings } from '../../../shared/intakeTypes';
import { call, errorMessage } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { KeyboardForm } from '../../components/KeyboardForm';
import { useAction } from '../../hooks/useAction';
import { useCommunities } from '../../state/communitiesStore';
import { formatArchiveNo, numberingWarnings, SEPARATORS, trailingSeq } from './numbering';

export function NumberingSettingsForm({ canEdit }: { canEdit: boolean }) {
  const [saved, setSaved] = useState<IntakeSettings | null>(null);
  const [n, setN] = useState<NumberingSettings | null>(null);
  const [archiveUnit, setArchiveUnit] = useState('');
  const [thickness, setThickness] = useState('');
  const [skew, setSkew] = useState('');
  const [readNumbers, setReadNumbers] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [ok, setOk] = useState(false);
  const communities = useCommunities();
  const action = useAction();

  const take = (s: IntakeSettings) => {
    setSaved(s);
    setN(s.numbering);
    setArchiveUnit(s.archiveUnit);
    setThickness(String(s.defaultThicknessMm));
    setSkew(String(s.skewLimitDegrees));
    setReadNumbers(s.readPageNumbers);
  };

  useEffect(() => {
    call('intake.settings.get', {}).then(take, (e: unknown) => setLoadError(errorMessage(e)));
    const c = useCommunities.getState();
    if (!c.loaded) void c.load();
  }, []);

  if (!saved || !n) return <div className="ik-settings">{loadError ? <FormError message={loadError} /> : <p className="muted">正在读取设置…</p>}</div>;

  const edit = (p: Partial<NumberingSettings>) => {
    setN({ ...n, ...p });
    setOk(false);
  };
  const submit = () => {
    const t = Number(thickness);
    const k = Number(skew);
    if (!archiveUnit.trim()) return action.setError('请填写接收单位名称（打印在回执和检验报告上）。');
    if (!Number.isFinite(t) || t < 1 || t > 500) return action.setError('每卷默认厚度应在 1–500 mm 之间。');
    if (!Number.isFinite(k) || k < 0.1 || k > 10) return action.setError('倾斜限值应在 0.1°–10° 之间。');
    void action.run(async () => {
      take(await call('intake.settings.update', { numbering: n, archiveUnit: archiveUnit.trim(), defaultThicknessMm: t, skewLimitDegrees: k, readPageNumbers: readNumbers }));
      setOk(true);
    });
  };

  const byId = new Map(communities.communities.map((c) => [c.id, c]));
  const warnings = numberingWarnings(n);
  return (
    <div className="ik-settings" data-testid="numbering-settings">
      <KeyboardForm className="form" onSubmit={submit} onCancel={() => take(saved)}>
        <fieldset className="form-fieldset" disabled={!canEdit}>
          <h3>档号格式</h3>
          <div className="form-grid">
            <Field label="前缀（全宗/机构代码）" htmlFor="num-prefix" hint="字母和数字，可空，例如 CCSRS">
              <input id="num-prefix" className="code-input" value={n.prefix} maxLength={12} onChange={(e) => edit({ prefix: e.target.value.trim() })} data-testid="num-prefix" />
            </Field>
            <Field label="区县代码" htmlFor="num-district" hint="可空，例如 01">
              <input id="num-district" className="code-input" value={n.districtCode} maxLength={12} onChange={(e) => edit({ districtCode: e.target.value.trim() })} data-testid="num-district" />
            </Field>
            <Field label="分隔符" htmlFor="num-sep">
              <select id="num-sep" value={n.separator} onChange={(e) => edit({ separator: e.target.value as NumberingSettings['separator'] })} data-testid="num-separator">
                {SEPARATORS.map((s) => (
                  <option key={s.label} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="流水号位数" htmlFor="num-width">
              <input id="num-width" className="narrow-input" type="number" min={1} max={8} value={n.sequenceWidth} onChange={(e) => edit({ sequenceWidth: Math.min(8, Math.max(1, Number(e.target.value) || 1)) })} data-testid="num-width" />
            </Field>
            <Field label="组成" wide>
              <label className="checkbox">
                <input type="checkbox" checked={n.includeTownCode} onChange={(e) => edit({ includeTownCode: e.target.checked })} data-testid="num-town" />
                含乡镇（街道）代码
              </label>
              <label className="checkbox">
                <input type="checkbox" checked={n.includeCommunityCode} onChange={(e) => edit({ includeCommunityCode: e.target.checked })} data-testid="num-community" />
                含社区代码
              </label>
            </Field>
          </div>
          {warnings.map((w) => (
            <div key={w} className="ik-warn">
              {w}
            </div>
          ))}
          <h3>下一个档号预览</h3>
          <div className="table-wrap">
            <table className="table" data-testid="num-preview">
              <thead>
                <tr>
                  <th>社区</th>
                  <th>按已保存的设置</th>
                  <th>按正在编辑的设置</th>
                </tr>
              </thead>
              <tbody>
                {saved.preview.map((p) => {
                  const c = byId.get(p.communityId);
                  return (
                    <tr key={p.communityId}>
                      <td>{p.community}</td>
                      <td className="mono">{p.next}</td>
                      <td className="mono" data-testid="num-preview-live">
                        {c ? formatArchiveNo(n, c.townCode, c.code, trailingSeq(p.next)) : '—'}
                      </td>
                    </tr>
                  );
                })}
                {saved.preview.length === 0 ? (
                  <tr className="table-empty">
                    <td colSpan={3}>还没有社区。请先在「社区管理」中添加。</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <p className="muted">编号按社区分别流水、按名册顺序分配，不跳号，已发出的号码永不重复使用。修改格式只影响以后发出的档号。</p>
          <h3>其他</h3>
          <div className="form-grid">
            <Field label="接收单位名称" htmlFor="num-unit" required wide hint="打印在转递回执、检验报告上">
              <input id="num-unit" value={archiveUnit} maxLength={100} onChange={(e) => setArchiveUnit(e.target.value)} data-testid="num-unit" />
            </Field>
            <Field label="每卷默认厚度（mm）" htmlFor="num-thickness" hint="清点时未量厚度则按此估算上架空间">
              <input id="num-thickness" className="narrow-input" inputMode="decimal" value={thickness} onChange={(e) => setThickness(e.target.value)} data-testid="num-thickness" />
            </Field>
            <Field label="倾斜限值（°）" htmlFor="num-skew">
              <input id="num-skew" className="narrow-input" inputMode="decimal" value={skew} onChange={(e) => setSkew(e.target.value)} data-testid="num-skew" />
            </Field>
            <Field label="页码识别" wide>
              <label className="checkbox">
                <input type="checkbox" checked={readNumbers} onChange={(e) => setReadNumbers(e.target.checked)} data-testid="num-read-pages" />
                核验时识别纸面页码（查缺页、重页）
              </label>
            </Field>
          </div>
        </fieldset>
        <FormError message={action.error} />
        {ok ? (
          <div className="ik-ok" data-testid="num-saved">
            设置已保存。
          </div>
        ) : null}
        {canEdit ? (
          <div className="form-actions">
            <BusyButton type="submit" primary busy={action.busy} data-testid="num-save">
              保存设置
            </BusyButton>
          </div>
        ) : (
          <p className="muted">只有主管或管理员可以修改这些设置。</p>
        )}
      </KeyboardForm>
    </div>
  );
}
