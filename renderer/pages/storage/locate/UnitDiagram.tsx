/**
 * Where the file is, drawn: the unit's rows (列) from above with the file's row marked, and that row
 * from the front (节 across, 层 down, numbered as on the labels) with the file's shelf marked.
 */
import type { Place, ShelvingUnit } from '../../../../shared/storageTypes';
import { frontCells, planRows } from './diagram';

const PLAN_W = 300;
const PLAN_H = 70;
const FRONT_W = 300;
const FRONT_H = 160;
const AXIS = 22;

/** The spot to mark: a file's place (with its 位), or just a shelf (盘点: where the clerk stands). */
export type DiagramSpot = Pick<Place, 'row' | 'section' | 'level' | 'side'> & { position?: number };

export function UnitDiagram({ unit, place }: { unit: Pick<ShelvingUnit, 'name' | 'rows' | 'sections' | 'shelves'>; place: DiagramSpot }) {
  const rows = planRows(unit.rows, place.row);
  const slot = PLAN_W / rows.length;
  const cells = frontCells(unit.sections, unit.shelves, { section: place.section, level: place.level }, FRONT_W - AXIS, FRONT_H - AXIS);
  return (
    <div className="st-diagram" data-testid="locate-diagram">
      <svg viewBox={`0 0 ${PLAN_W} ${PLAN_H + 18}`} className="st-diagram-plan" role="img" aria-label={`${unit.name}俯视图：共 ${unit.rows} 列，标出的是第 ${place.row} 列`}>
        {rows.map((r, i) =>
          r === 'gap' ? (
            <text key={`gap-${i}`} x={i * slot + slot / 2} y={PLAN_H / 2} textAnchor="middle" className="st-diagram-text">
              …
            </text>
          ) : (
            <g key={r} data-row={r}>
              <rect x={i * slot + 2} y={4} width={Math.max(2, slot - 4)} height={PLAN_H - 8} className={r === place.row ? 'st-diagram-target' : 'st-diagram-cell'} data-testid={r === place.row ? 'locate-diagram-row' : undefined} />
              {rows.length <= 30 || r === place.row ? (
                <text x={i * slot + slot / 2} y={PLAN_H + 14} textAnchor="middle" className={r === place.row ? 'st-diagram-text st-diagram-strong' : 'st-diagram-text'}>
                  {r}
                </text>
              ) : null}
            </g>
          ),
        )}
      </svg>
      <div className="st-diagram-caption">
        {unit.name} · 第 {place.row} 列 {place.side} 面（正视）
      </div>
      <svg viewBox={`0 0 ${FRONT_W} ${FRONT_H}`} className="st-diagram-front" role="img" aria-label={`第 ${place.row} 列 ${place.side} 面：第 ${place.section} 节第 ${place.level} 层`}>
        {Array.from({ length: unit.sections }, (_, i) => (
          <text key={`s${i}`} x={AXIS + ((i + 0.5) * (FRONT_W - AXIS)) / unit.sections} y={14} textAnchor="middle" className={i + 1 === place.section ? 'st-diagram-text st-diagram-strong' : 'st-diagram-text'}>
            {i + 1}节
          </text>
        ))}
        {Array.from({ length: unit.shelves }, (_, i) => (
          <text key={`l${i}`} x={AXIS - 4} y={AXIS + ((i + 0.5) * (FRONT_H - AXIS)) / unit.shelves + 4} textAnchor="end" className={i + 1 === place.level ? 'st-diagram-text st-diagram-strong' : 'st-diagram-text'}>
            {i + 1}
          </text>
        ))}
        {cells.map((c) => (
          <rect
            key={`${c.section}-${c.level}`}
            x={AXIS + c.x + 1}
            y={AXIS + c.y + 1}
            width={Math.max(1, c.w - 2)}
            height={Math.max(1, c.h - 2)}
            className={c.target ? 'st-diagram-target' : 'st-diagram-cell'}
            data-testid={c.target ? 'locate-diagram-shelf' : undefined}
          />
        ))}
      </svg>
      <div className="st-diagram-caption">
        第 {place.section} 节 · 第 {place.level} 层{place.position !== undefined ? ` · 第 ${place.position} 位` : ''}
      </div>
    </div>
  );
}
