import { rateLegend, rateStep } from './scale';

// The 20 regions as equal tiles placed roughly where they lie (tile_col, tile_row of
// regions.csv), coloured on the sequential rate scale. Each tile is a link whose accessible name
// starts with what it shows (so speech input finds it by its visible words), then the full name
// and figures, which a tooltip shows on hover or focus; it writes its rate, so colour is never
// the only carrier of the number.

export type Tile = {
  kato: string;
  name: string;
  short: string;
  col: number;
  row: number;
  rate: number | null;
  rateLabel: string;
  /** ▲ top three, ▼ bottom three. */
  marker?: string;
  href: string;
  /** Tooltip lines, formatted. */
  details: string[];
  selected?: boolean;
};

export function TileMap({ tiles, label, legendTitle, legendLabel, noRate }: {
  tiles: Tile[];
  label: string;
  legendTitle: string;
  legendLabel: (from: number, to: number) => string;
  noRate: string;
}) {
  const cols = Math.max(...tiles.map((t) => t.col)) + 1;
  const rows = Math.max(...tiles.map((t) => t.row)) + 1;
  return (
    <div>
      <ul aria-label={label} className="grid gap-1 sm:gap-1.5" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, auto)` }}>
        {tiles.map((t) => {
          const step = rateStep(t.rate);
          const shown = [t.short, t.marker, t.rateLabel].filter(Boolean).join(' ');
          const name = [shown, t.name, ...t.details].join('. ');
          return (
            <li key={t.kato} className="group relative" style={{ gridColumn: t.col + 1, gridRow: t.row + 1 }}>
              <a
                href={t.href}
                aria-label={name}
                data-testid={`tile-${t.kato}`}
                className={`flex aspect-square flex-col justify-between overflow-hidden rounded border p-1 leading-tight sm:aspect-[4/3] sm:p-1.5 ${t.selected ? 'border-2 border-neutral-900 ring-2 ring-gold-kz' : 'border-neutral-400'}`}
                style={{ backgroundColor: step.fill, color: step.text }}
              >
                <span className="line-clamp-2 break-words text-[10px] font-medium sm:text-xs">{t.short}</span>
                {/* A space, so the name and the rate read as two words, not one. */}
                {' '}
                <span className="tabular text-[11px] font-semibold sm:text-sm">
                  {t.marker ? <span aria-hidden="true">{t.marker} </span> : null}
                  {t.rateLabel}
                </span>
              </a>
              <span role="tooltip" className={`pointer-events-none absolute top-full z-20 mt-1 hidden w-52 rounded border border-neutral-300 bg-white p-2 text-xs text-neutral-900 shadow-md group-focus-within:block group-hover:block ${t.col < cols / 2 ? 'left-0' : 'right-0'}`}>
                <span className="block font-semibold">{t.name}</span>
                {t.details.map((d) => <span key={d} className="tabular block">{d}</span>)}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-neutral-800">
        <span className="font-medium">{legendTitle}</span>
        {rateLegend().map((s) => (
          <span key={s.from} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block size-3.5 rounded-sm border border-neutral-500" style={{ backgroundColor: s.fill }} />
            {legendLabel(s.from, s.to)}
          </span>
        ))}
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-3.5 rounded-sm border border-neutral-500 bg-neutral-100" />
          {noRate}
        </span>
      </div>
    </div>
  );
}
