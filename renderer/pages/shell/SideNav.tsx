import { AREA_LABELS, type Area } from '../../lib/nav';

export function SideNav({ areas, current, onSelect }: { areas: Area[]; current: Area; onSelect: (a: Area) => void }) {
  return (
    <nav className="sidenav" aria-label="主导航">
      {areas.map((a) => (
        <button
          key={a}
          type="button"
          className={a === current ? 'nav-item nav-item-active' : 'nav-item'}
          aria-current={a === current ? 'page' : undefined}
          onClick={() => onSelect(a)}
          data-testid={`nav-${a}`}
        >
          {AREA_LABELS[a]}
        </button>
      ))}
    </nav>
  );
}
