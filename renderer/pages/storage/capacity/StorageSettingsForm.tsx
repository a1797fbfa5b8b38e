/**
 * 库房标准与参数: default thickness per volume, growth reserve (percent or months of intake), and the
 * compliance standards (m² per 10,000 volumes — 15 Dalian, 20 Shenyang; volumes per keeper; keepers).
 */
import { useState } from 'react';
import type { StorageSettings } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { Field } from '../../../components/Field';
import { KeyboardForm } from '../../../components/KeyboardForm';
import { useAction } from '../../../hooks/useAction';
import { parseDecimal, parseWhole } from '../unitPreview';
import { FormFooter } from '../../../components/FormFooter';

export function StorageSettingsForm({ settings, onSaved, onClose }: { settings: StorageSettings; onSaved: (s: StorageSettings) => void; onClose: () => void }) {
  const [thickness, setThickness] = useState(String(settings.defaultVolumeThicknessMm));
  const [reserveMode, setReserveMode] = useState(settings.defaultReserve.mode);
  const [reserveValue, setReserveValue] = useState(String(settings.defaultReserve.value));
  const [area, setArea] = useState(String(settings.compliance.areaM2Per10k));
  const [perKeeper, setPerKeeper] = useState<10000 | 30000>(settings.compliance.volumesPerKeeper);
  const [keepers, setKeepers] = useState(String(settings.compliance.keepers));
  const action = useAction();

  const submit = () => {
    const t = parseDecimal(thickness);
    if (t === null || t < 1 || t > 300) return action.setError('默认每卷厚度应为 1–300 之间的数字（mm）。');
    const rv = reserveMode === 'months' ? parseWhole(reserveValue) : parseDecimal(reserveValue);
    if (rv === null) return action.setError(reserveMode === 'months' ? '预留月数应为整数，如 12。' : '预留比例应为数字，如 20（表示 20%）。');
    if (reserveMode === 'months' ? rv > 240 : rv > 200) return action.setError(reserveMode === 'months' ? '预留月数不能超过 240 个月。' : '预留比例不能超过 200%。');
    const a = parseDecimal(area);
    if (a === null || a < 1) return action.setError('每万卷面积应为不小于 1 的数字（m²），大连为 15，沈阳为 20。');
    const k = parseWhole(keepers);
    if (k === null) return action.setError('专职管理人员数应为整数（人）。');
    void action.run(async () =>
      onSaved(
        await call('storage.settingsSave', {
          defaultVolumeThicknessMm: t,
          defaultReserve: { mode: reserveMode, value: rv },
          compliance: { areaM2Per10k: a, volumesPerKeeper: perKeeper, keepers: k },
        }),
      ),
    );
  };

  return (
    <KeyboardForm className="form form-grid" onSubmit={submit} onCancel={onClose}>
      <Field label="默认每卷厚度（mm）" htmlFor="st-set-thickness" hint="接收时未量厚度的档案按此计算占用宽度。">
        <input id="st-set-thickness" value={thickness} onChange={(e) => setThickness(e.target.value)} inputMode="decimal" data-testid="settings-thickness" />
      </Field>
      <Field label="各社区预留" htmlFor="st-set-reserve" hint={reserveMode === 'percent' ? '每个社区排架段在已用之外留出的比例。' : '按该社区近期每月接收量预留的月数。'}>
        <div className="inline-form">
          <input id="st-set-reserve" className="code-input" value={reserveValue} onChange={(e) => setReserveValue(e.target.value)} inputMode="decimal" data-testid="settings-reserve" />
          <select value={reserveMode} onChange={(e) => setReserveMode(e.target.value as 'percent' | 'months')} aria-label="预留方式" data-testid="settings-reserve-mode">
            <option value="percent">%（按比例）</option>
            <option value="months">个月的接收量</option>
          </select>
        </div>
      </Field>
      <Field label="每万卷库房面积（m²）" htmlFor="st-set-area" hint="大连 15 m²，沈阳 20 m²。">
        <input id="st-set-area" value={area} onChange={(e) => setArea(e.target.value)} inputMode="decimal" data-testid="settings-area" />
      </Field>
      <Field label="每名专职管理人员管理" htmlFor="st-set-per-keeper" hint="沈阳每万卷 1 人，大连每 3 万卷 1 人。">
        <select id="st-set-per-keeper" value={perKeeper} onChange={(e) => setPerKeeper(Number(e.target.value) === 30000 ? 30000 : 10000)} data-testid="settings-per-keeper">
          <option value={10000}>1 万卷</option>
          <option value={30000}>3 万卷</option>
        </select>
      </Field>
      <Field label="现有专职管理人员（人）" htmlFor="st-set-keepers">
        <input id="st-set-keepers" value={keepers} onChange={(e) => setKeepers(e.target.value)} inputMode="numeric" data-testid="settings-keepers" />
      </Field>
      <FormFooter action={action} submitLabel="保存" submitTestId="settings-save" onCancel={onClose} />
    </KeyboardForm>
  );
}
