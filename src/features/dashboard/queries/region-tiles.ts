import 'server-only';
import { cache } from 'react';
import { pickName } from '@/i18n/pick-name';
import { db } from '@/server/db/client';

// The regions with their place on the tile map (tile_col, tile_row of regions.csv).

export type RegionTileRef = { kato: string; name: string; short: string; col: number; row: number };

/** A name short enough for a tile: "Актюбинская", "Ақтөбе", "Aktobe Region". */
function shortName(locale: string, r: { nameRu: string; nameKk: string; nameEn: string; shortRu: string | null }): string {
  if (locale === 'kk') return r.nameKk.replace(/\s+облысы$/u, '').replace(/\s+қаласы$/u, ' қ.');
  if (locale === 'en') return r.nameEn;
  return r.shortRu ?? r.nameRu.replace(/^(область|город)\s+/u, '').replace(/\s+область$/u, '');
}

export const getRegionTiles = cache(async (locale: string): Promise<RegionTileRef[]> => {
  const rows = await db().region.findMany({
    select: { kato: true, nameRu: true, nameKk: true, nameEn: true, shortRu: true, tileCol: true, tileRow: true },
    orderBy: { kato: 'asc' },
  });
  return rows.map((r) => ({ kato: r.kato, name: pickName(locale, r), short: shortName(locale, r), col: r.tileCol, row: r.tileRow }));
});

export const getRegionByKato = cache(async (kato: string) =>
  /^\d{9}$/.test(kato) ? db().region.findUnique({ where: { kato }, select: { id: true, kato: true, nameRu: true, nameKk: true, nameEn: true } }) : null,
);
