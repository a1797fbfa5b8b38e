/** The label sheet grid (columns, rows, margins, gaps, label size in mm), saved as a storage setting. */
import { useState } from 'react';
import type { LabelGridSetting } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { BusyButton } from '../../../components/BusyButton';
import { FormError } from '../../../components/FormError';
import { useAction } from '../../../hooks/useAction';
import { useStorage } from '../../../state/storageStore';
import { checkGrid, GRID_FIELDS } from './labelGrid';

export function LabelGridForm({ grid, onSaved }: { grid: LabelGridSetting; onSaved: () => void }) {
  const [text, setText] = useState(() => Object.fromEntries(GRID_FIELDS.map((f) => [f.key, String(grid[f.key])])) as Record<keyof LabelGridSetting, string>);
  const action = useAction();
  const save = () => {
    const r = checkGrid(text);
    if ('error' in r) return action.setError(r.error);
    void action.run(async () => {
      useStorage.getState().settingsSaved(await call('storage.settingsSave', { labelGrid: r.grid }));
      onSaved();
    });
  };
  return (
    <div className="st-grid-form" data-testid="label-grid-form">
      <div className="st-grid-fields">
        {GRID_FIELDS.map((f) => (
          <label key={f.key}>
            {f.label}
            <input value={text[f.key]} onChange={(e) => setText((t) => ({ ...t, [f.key]: e.target.value }))} inputMode="decimal" className="code-input" data-testid={`label-grid-${f.key}`} />
          </label>
        ))}
      </div>
      <FormError message={action.error} />
      <BusyButton type="button" busy={action.busy} onClick={save} data-testid="label-grid-save">
        保存版式
      </BusyButton>
    </div>
  );
}
