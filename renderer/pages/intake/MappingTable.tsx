/** 列对应: one select per roster field, so the desk can confirm or correct what the reader guessed. */
import type { RosterColumnMapping, RosterFieldName, RosterPreview } from '../../../shared/intakeTypes';
import { columnChoices, columnLabel, isUncertain, withColumn } from './rosterMapping';

interface Props {
  preview: RosterPreview;
  mapping: RosterColumnMapping;
  onChange: (m: RosterColumnMapping) => void;
  disabled: boolean;
}

export function MappingTable({ preview, mapping, onChange, disabled }: Props) {
  const choices = columnChoices(mapping, preview.headerTexts, preview.candidates);
  const fields = Object.keys(preview.fieldLabels) as RosterFieldName[];
  return (
    <div className="table-wrap ik-mapping">
      <table className="table" data-testid="mapping-table">
        <thead>
          <tr>
            <th>名册项目</th>
            <th>对应的列</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const uncertain = isUncertain(f, preview.candidates);
            const value = mapping.columns[f];
            return (
              <tr key={f} className={uncertain ? 'ik-row-warn' : undefined}>
                <td>{preview.fieldLabels[f]}</td>
                <td>
                  <select
                    value={value ?? ''}
                    disabled={disabled}
                    onChange={(e) => onChange(withColumn(mapping, f, e.target.value === '' ? null : Number(e.target.value)))}
                    aria-label={`「${preview.fieldLabels[f]}」对应的列`}
                    data-testid={`mapping-${f}`}
                  >
                    <option value="">（无此列）</option>
                    {choices.map((c) => (
                      <option key={c} value={c}>
                        {columnLabel(c, preview.headerTexts)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="muted">{uncertain ? `拿不准：也可能是 ${(preview.candidates[f] ?? []).map((c) => columnLabel(c, preview.headerTexts)).join('、')}` : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
