import { area, booleanPointInPolygon, bbox, distance } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';

import type { Cog } from '../../../src/import/cog.ts';
import { detectCrs, importCommunes } from '../../../src/import/communes.ts';
import { fixtureText, officialCog } from '../../support/import-fixtures.ts';

let cog: Cog;
beforeAll(async () => {
  cog = await officialCog();
});

/** Area of a lon/lat rectangle on a sphere of radius R: R² Δλ (sin φ₂ − sin φ₁). */
function sphericalRectangleKm2(west: number, south: number, east: number, north: number, radius: number) {
  const rad = Math.PI / 180;
  return (radius ** 2 * (east - west) * rad * (Math.sin(north * rad) - Math.sin(south * rad))) / 1e6;
}

describe('importCommunes on a 2018-style WGS84 file (france-geojson: `code`, `nom`)', () => {
  const load = () => {
    const { text, sha256 } = fixtureText('communes-wgs84.geojson');
    return importCommunes('communes-wgs84.geojson', text, sha256, cog);
  };

  it('keeps 5 of 7 features: one without code and one Point are rejected with their reason', () => {
    const { report } = load();
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([7, 5, 2]);
    expect(report.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => i.code)])).toEqual([
      [6, null, ['constraint-error']],
      [7, '01053', ['geometry-error']],
    ]);
  });

  it('brings a commune déléguée and two arrondissements to today’s commune and joins their outlines', () => {
    const { rows, outlines, report } = load();
    expect(rows.map((r) => r.code_insee)).toEqual(['01015', '01262', '69123']);
    expect(report.warnings.filter((w) => w.code === 'commune-mapped').map((w) => w.message_fr)).toEqual([
      '01340 (Saint-Bois) ramené à 01015 Arboys en Bugey (deleguee)',
      '69381 (Lyon 1er Arrondissement) ramené à 69123 Lyon (arrondissement)',
      '69382 (Lyon 2e Arrondissement) ramené à 69123 Lyon (arrondissement)',
    ]);
    // Two adjacent squares become one rectangle.
    const arboys = outlines.features[0];
    expect(arboys?.geometry.type).toBe('Polygon');
    expect(bbox(arboys!)).toEqual([5.6, 45.8, 5.64, 45.82]);
    expect(bbox(outlines.features[2]!)).toEqual([4.82, 45.74, 4.84, 45.78]);
    expect(report.notes).toEqual({
      'code ramené (deleguee)': 1,
      'code ramené (arrondissement)': 2,
      'contours réunis': 2,
      communes: 3,
    });
  });

  it('takes name, population and intercommunalité from the COG', () => {
    const { rows } = load();
    expect(rows.map((r) => [r.nom, r.population, r.epci_code, r.epci_nom, r.departement_code])).toEqual([
      ['Arboys en Bugey', 710, '200040350', 'CC Bugey Sud', '01'],
      ['Montluel', 6895, '240100610', 'CC de la Côtière à Montluel', '01'],
      ['Lyon', 519127, '200046977', 'Métropole de Lyon', '69'],
    ]);
  });

  it('places each commune at the centre of its rectangle, or inside its outline otherwise', () => {
    const { rows, outlines } = load();
    expect([rows[0]?.longitude, rows[0]?.latitude]).toEqual([5.62, 45.81]);
    expect([rows[2]?.longitude, rows[2]?.latitude]).toEqual([4.83, 45.76]);
    rows.forEach((row, i) => {
      expect(booleanPointInPolygon([row.longitude, row.latitude], outlines.features[i]!)).toBe(true);
    });
  });

  it('gives the area of each commune (spherical rectangle formula, mean Earth radius)', () => {
    const { rows, outlines } = load();
    expect(rows[0]?.superficie_km2).toBeCloseTo(sphericalRectangleKm2(5.6, 45.8, 5.64, 45.82, 6371008.8), 1);
    expect(rows[2]?.superficie_km2).toBeCloseTo(
      sphericalRectangleKm2(4.82, 45.74, 4.84, 45.78, 6371008.8),
      1,
    );
    // Montluel's two squares: the area of the MultiPolygon is the sum of both.
    expect(rows[1]?.superficie_km2).toBeCloseTo(
      sphericalRectangleKm2(5.04, 45.84, 5.08, 45.88, 6371008.8) +
        sphericalRectangleKm2(5.1, 45.84, 5.11, 45.85, 6371008.8),
      1,
    );
    expect(area(outlines.features[1]!) / 1e6).toBeCloseTo(rows[1]?.superficie_km2 ?? Number.NaN, 1);
  });
});

describe('importCommunes on a Lambert-93 file (ADMIN EXPRESS: INSEE_COM, NOM, POPULATION)', () => {
  const load = () => {
    const { text, sha256 } = fixtureText('communes-lambert93.geojson');
    return importCommunes('communes-lambert93.geojson', text, sha256, cog);
  };

  it('detects Lambert-93 from the coordinates and says so', () => {
    const { report } = load();
    expect(report.format).toBe('GeoJSON Lambert-93 (EPSG:2154), reprojeté en WGS84');
    expect(report.warnings[0]?.message_fr).toBe(
      'projection absente du fichier, déduite des coordonnées : Lambert-93',
    );
  });

  it('puts the projection’s origin (700 000, 6 600 000) at 3° E, 46.5° N', () => {
    const { outlines } = load();
    const ring = outlines.features[0]?.geometry.coordinates[0] as number[][];
    expect(ring[0]).toEqual([3, 46.5]);
  });

  it('keeps a 1 km square about 1 km wide on the ground', () => {
    const { outlines } = load();
    const [sw, se, ne] = outlines.features[0]?.geometry.coordinates[0] as [
      [number, number],
      [number, number],
      [number, number],
    ];
    // Lambert-93's scale factor near 46.5° N is within 0.1 % of 1; the haversine sphere adds 0.5 %.
    expect(distance(sw, se, { units: 'meters' })).toBeGreaterThan(990);
    expect(distance(sw, se, { units: 'meters' })).toBeLessThan(1010);
    expect(distance(se, ne, { units: 'meters' })).toBeGreaterThan(990);
    expect(distance(se, ne, { units: 'meters' })).toBeLessThan(1010);
  });

  it('takes the population from the file when it gives one', () => {
    const { rows } = load();
    expect(rows.map((r) => [r.code_insee, r.nom, r.population])).toEqual([['03190', 'Moulins', 19000]]);
  });
});

describe('detectCrs', () => {
  const square = (x: number, y: number) => ({
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: {},
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [x, y],
              [x + 1, y],
              [x + 1, y + 1],
              [x, y],
            ],
          ],
        },
      },
    ],
  });

  it('trusts a declared crs member', () => {
    const declared = {
      ...square(0, 0),
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } },
    };
    expect(detectCrs('f', declared)).toEqual({ crs: 'EPSG:2154', declared: true });
  });

  it('stops on a projection it does not know, naming the file', () => {
    const webMercator = { ...square(0, 0), crs: { type: 'name', properties: { name: 'EPSG:3857' } } };
    expect(() => detectCrs('c.geojson', webMercator)).toThrow(
      'c.geojson : projection « EPSG:3857 » non prise en charge (WGS84 ou Lambert-93 attendus)',
    );
    expect(() => detectCrs('c.geojson', square(50_000_000, 0))).toThrow('projection inconnue');
  });

  it('stops on a file that is not JSON', () => {
    expect(() => importCommunes('c.geojson', '{"type": "FeatureCollection", ', '0', cog)).toThrow(
      /^c\.geojson : JSON illisible/,
    );
  });
});
