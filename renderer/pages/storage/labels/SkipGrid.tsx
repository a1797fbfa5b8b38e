/** The first label sheet as a grid: used cells greyed; clicking a cell makes printing start there. */
export function SkipGrid({ columns, rows, skip, onChange }: { columns: number; rows: number; skip: number; onChange: (skip: number) => void }) {
  const cells = Array.from({ length: columns * rows }, (_, i) => i);
  return (
    <div className="st-skip-grid" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }} data-testid="label-skip-grid" role="group" aria-label="第一张标签纸：点击开始打印的位置">
      {cells.map((i) => (
        <button
          key={i}
          type="button"
          className={i < skip ? 'st-skip-cell st-skip-used' : i === skip ? 'st-skip-cell st-skip-start' : 'st-skip-cell'}
          onClick={() => onChange(i)}
          title={i < skip ? '已用（跳过）' : i === skip ? '从这里开始打印' : `从第 ${i + 1} 格开始`}
          aria-pressed={i === skip}
        >
          {i + 1}
        </button>
      ))}
    </div>
  );
}
