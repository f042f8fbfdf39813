import type * as Turf from '@turf/turf';
import { area, booleanPointInPolygon, bbox, distance } from '@turf/turf';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import type { Cog } from '../../../src/import/cog.ts';
import { detectCrs, importCommunes } from '../../../src/import/communes.ts';
import { fixtureText, officialCog } from '../../support/import-fixtures.ts';

/** turf functions made to throw, to check that no turf failure escapes the import. */
const brokenTurf = vi.hoisted(() => new Set<'union' | 'centerOfMass' | 'area'>());
vi.mock('@turf/turf', async (importOriginal) => {
  const turf = await importOriginal<typeof Turf>();
  const breakable =
    <A extends unknown[], R>(name: 'union' | 'centerOfMass' | 'area', f: (...args: A) => R) =>
    (...args: A): R => {
      if (brokenTurf.has(name)) throw new Error(`${name} en panne`);
      return f(...args);
    };
  return {
    ...turf,
    union: breakable('union', turf.union),
    centerOfMass: breakable('centerOfMass', turf.centerOfMass),
    area: breakable('area', turf.area),
  };
});
afterEach(() => brokenTurf.clear());

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

  it('stops on a file that is not JSON, naming the line where it stops being JSON', () => {
    expect(() => importCommunes('c.geojson', '{"type": "FeatureCollection", ', '0', cog)).toThrow(
      /^c\.geojson, ligne 1 : JSON illisible/,
    );
    expect(() =>
      importCommunes('c.geojson', '{\n"type": "FeatureCollection",\n"features" []}', '0', cog),
    ).toThrow(/^c\.geojson, ligne 3 : JSON illisible \(/);
  });
});

/** A closed square ring of side `size` degrees from its south-west corner, [longitude, latitude]. */
const squareRing = (west: number, south: number, size: number): number[][] => [
  [west, south],
  [round(west + size), south],
  [round(west + size), round(south + size)],
  [west, round(south + size)],
  [west, south],
];
const round = (value: number) => Math.round(value * 1e6) / 1e6;
const polygon = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });
const commune = (code: unknown, nom: string, geometry: unknown) => ({
  type: 'Feature',
  properties: { code, nom },
  geometry,
});
/** A FeatureCollection as a file's text; the string "∞" becomes the number 1e999 (Infinity once parsed). */
const collectionText = (features: readonly unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features }).replaceAll('"∞"', '1e999');
const importFeatures = (features: readonly unknown[]) =>
  importCommunes('abime.geojson', collectionText(features), '0', cog);
/** The same outline written [latitude, longitude]. */
const swapped = (geometry: { type: string; coordinates: unknown }) => {
  const swap = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === 'number'
      ? [value[1], value[0]]
      : (value as unknown[]).map(swap);
  return { ...geometry, coordinates: swap(geometry.coordinates) };
};

describe('importCommunes on a file where every kind of damage occurs once', () => {
  const features: unknown[] = [
    /* 1 */ commune('01015', 'Arboys en Bugey', polygon(squareRing(5.6, 45.8, 0.02))),
    /* 2 */ null,
    /* 3 */ commune('01262', 'Montluel', null),
    /* 4 */ commune('69123', 'Lyon', { type: 'Polygon', coordinates: [] }),
    /* 5 */ commune(
      '01004',
      'Ambérieu',
      polygon([
        [5.36, 45.96],
        [5.38, 45.96],
      ]),
    ),
    /* 6 */ commune(
      '01004',
      'Ambérieu',
      polygon([
        [5.36, 45.96],
        [5.38, 45.96],
        ['abc', 45.98],
        [5.36, 45.96],
      ]),
    ),
    /* 7 */ commune(
      '01004',
      'Ambérieu',
      polygon([
        [5.36, 45.96],
        [5.38, Number.NaN],
        [5.38, 45.98],
        [5.36, 45.96],
      ]),
    ),
    /* 8 */ commune(
      '01004',
      'Ambérieu',
      polygon([
        [5.36, 45.96],
        ['∞', 45.96],
        [5.38, 45.98],
        [5.36, 45.96],
      ]),
    ),
    /* 9 */ commune('01262', 'Montluel', polygon(squareRing(5.04, 45.84, 0.04).slice(0, 4))),
    /* 10 */ commune('69381', 'Lyon 1er Arrondissement', swapped(polygon(squareRing(4.82, 45.76, 0.02)))),
    /* 11 */ { type: 'Feature', properties: null, geometry: polygon(squareRing(5, 45, 0.01)) },
    /* 12 */ commune(1053, 'Bourg-en-Bresse', polygon(squareRing(5.2, 46.19, 0.02))),
    /* 13 */ commune('01004', 'Ambérieu', polygon([], squareRing(5.361, 45.961, 0.005))),
    /* 14 */ commune('01004', 'Ambérieu', {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [5.36, 45.96, 250],
            [5.36, 45.96, 250],
            [5.38, 45.96],
            [5.38, 45.98],
            [5.36, 45.98],
            [5.36, 45.96],
          ],
        ],
      ],
    }),
    /* 15 */ commune('38185', 'Grenoble', polygon(squareRing(12.4, 41.8, 0.01))),
    /* 16 */ 'abc',
    /* 17 */ commune(
      '01004',
      'Ambérieu',
      polygon([
        [5, 45],
        [5.01, 45.01],
        [5.02, 45.02],
        [5, 45],
      ]),
    ),
    /* 18 */ commune('01004', 'Ambérieu', {
      type: 'MultiPolygon',
      coordinates: [[squareRing(5.36, 45.96, 0.02)], []],
    }),
    /* 19 */ commune(
      '01004',
      'Ambérieu',
      polygon([
        [5.36, 45.96],
        [5.36, 45.96],
        [5.38, 45.96],
        [5.36, 45.96],
      ]),
    ),
    /* 20 */ { type: 'Feature', properties: ['01004'], geometry: polygon(squareRing(5.36, 45.96, 0.02)) },
    /* 21 */ commune(1053.5, 'Bourg-en-Bresse', polygon(squareRing(5.2, 46.19, 0.02))),
    /* 22 */ commune('01004', 'Ambérieu', {
      type: 'Polygon',
      coordinates: [[[5.36, 45.96], 7, [5.38, 45.98], [5.36, 45.96]]],
    }),
  ];
  const load = () => importFeatures(features);

  it('reads every feature as a row: 6 kept, 16 rejected, none aborts the others', () => {
    const { report } = load();
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([22, 6, 16]);
  });

  it('rejects each malformed feature with what is wrong and where', () => {
    const { report } = load();
    expect(
      report.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => [i.code, i.field, i.message_fr])]),
    ).toEqual([
      [2, null, [['geometry-error', null, 'entité nulle']]],
      [3, '01262', [['geometry-error', 'geometry', 'géométrie absente']]],
      [4, '69123', [['geometry-error', 'geometry', 'coordonnées absentes']]],
      [
        5,
        '01004',
        [
          [
            'geometry-error',
            'geometry',
            'anneau 1 du polygone 1 : 2 positions (4 au moins, la première répétée à la fin)',
          ],
        ],
      ],
      [
        6,
        '01004',
        [
          [
            'geometry-error',
            'geometry',
            'anneau 1 du polygone 1 : coordonnée non numérique (« abc ») position 3',
          ],
        ],
      ],
      // NaN has no JSON spelling: a file holds null there.
      [
        7,
        '01004',
        [
          [
            'geometry-error',
            'geometry',
            'anneau 1 du polygone 1 : coordonnée non numérique (« null ») position 2',
          ],
        ],
      ],
      [
        8,
        '01004',
        [
          [
            'geometry-error',
            'geometry',
            'anneau 1 du polygone 1 : coordonnée non finie (Infinity) position 2',
          ],
        ],
      ],
      [11, null, [['constraint-error', 'properties', 'propriétés absentes : code INSEE introuvable']]],
      [
        13,
        '01004',
        [
          [
            'geometry-error',
            'geometry',
            'anneau 1 du polygone 1 : 0 position (4 au moins, la première répétée à la fin)',
          ],
        ],
      ],
      [16, null, [['geometry-error', null, 'entité invalide (« abc », objet Feature attendu)']]],
      [
        17,
        '01004',
        [['geometry-error', 'geometry', 'anneau 1 du polygone 1 : surface nulle (positions alignées)']],
      ],
      [18, '01004', [['geometry-error', 'geometry', 'polygone 2 : aucun anneau']]],
      [
        19,
        '01004',
        [
          [
            'geometry-error',
            'geometry',
            'anneau 1 du polygone 1 : 4 positions dont 1 répétée (4 au moins, la première répétée à la fin)',
          ],
        ],
      ],
      [
        20,
        null,
        [
          [
            'constraint-error',
            'properties',
            'propriétés invalides (« ["01004"] », objet attendu) : code INSEE introuvable',
          ],
        ],
      ],
      [21, '1053.5', [['constraint-error', 'code', 'code INSEE absent ou invalide (« 1053.5 »)']]],
      [
        22,
        '01004',
        [['geometry-error', 'geometry', 'anneau 1 du polygone 1 : [x, y] attendu position 2, reçu « 7 »']],
      ],
    ]);
  });

  it('says what it repaired, exchanged back, read differently or found outside France', () => {
    const { report } = load();
    expect(report.warnings.map((w) => [w.row, w.code, w.message_fr])).toEqual([
      [9, 'geometry-repaired', 'anneau 1 du polygone 1 : fermé (première position répétée à la fin)'],
      [
        10,
        'coordinates-swapped',
        'coordonnées écrites [latitude, longitude] (x de 45.76 à 45.78, y de 4.82 à 4.84) : remises en [longitude, latitude]',
      ],
      [10, 'commune-mapped', '69381 (Lyon 1er Arrondissement) ramené à 69123 Lyon (arrondissement)'],
      [12, 'value-normalised', 'code 1053 écrit comme un nombre : lu 01053'],
      [14, 'geometry-repaired', 'anneau 1 du polygone 1 : 1 position répétée retirée'],
      [
        15,
        'constraint-error',
        'hors de France (longitude 12.4 à 12.41, latitude 41.8 à 41.81) : vérifiez la projection',
      ],
    ]);
    expect(report.notes).toEqual({
      'coordonnées inversées': 1,
      'hors de France': 1,
      'code ramené (arrondissement)': 1,
      communes: 6,
    });
  });

  it('keeps the repaired outlines where they belong', () => {
    const { rows, outlines } = load();
    expect(rows.map((r) => [r.code_insee, r.nom, r.population])).toEqual([
      ['01004', 'Ambérieu-en-Bugey', 15934],
      ['01015', 'Arboys en Bugey', 710],
      ['01053', 'Bourg-en-Bresse', 42372],
      ['01262', 'Montluel', 6895],
      ['38185', 'Grenoble', 156140],
      ['69123', 'Lyon', 519127],
    ]);
    expect(outlines.features.map((f) => [f.properties?.['code_insee'], bbox(f)])).toEqual([
      ['01004', [5.36, 45.96, 5.38, 45.98]],
      ['01015', [5.6, 45.8, 5.62, 45.82]],
      ['01053', [5.2, 46.19, 5.22, 46.21]],
      ['01262', [5.04, 45.84, 5.08, 45.88]],
      ['38185', [12.4, 41.8, 12.41, 41.81]],
      ['69123', [4.82, 45.76, 4.84, 45.78]],
    ]);
    // The unclosed ring got its first position back at the end; the repeated one and the altitude are gone.
    expect(outlines.features[3]?.geometry.coordinates).toEqual([squareRing(5.04, 45.84, 0.04)]);
    expect(outlines.features[0]?.geometry.coordinates).toEqual([[squareRing(5.36, 45.96, 0.02)]]);
    // The swapped square is back at Lyon: its centre is the centre of the square, in place.
    expect([rows[5]?.longitude, rows[5]?.latitude]).toEqual([4.83, 45.77]);
    expect(rows[3]?.superficie_km2).toBeCloseTo(
      sphericalRectangleKm2(5.04, 45.84, 5.08, 45.88, 6371008.8),
      1,
    );
  });
});

describe('importCommunes on a file written [latitude, longitude] throughout', () => {
  const fixture = () =>
    JSON.parse(fixtureText('communes-wgs84.geojson').text) as {
      features: { geometry: { type: string; coordinates: unknown } }[];
    };
  const swappedText = () => {
    const collection = fixture();
    for (const f of collection.features) if (f.geometry.type !== 'Point') f.geometry = swapped(f.geometry);
    return JSON.stringify(collection);
  };

  it('exchanges every outline back, says so once for the file, and gives the same communes', () => {
    const straight = importCommunes('c.geojson', JSON.stringify(fixture()), '0', cog);
    const result = importCommunes('c.geojson', swappedText(), '0', cog);
    expect(result.rows).toEqual(straight.rows);
    expect(result.outlines).toEqual(straight.outlines);
    expect(result.report.warnings).toEqual([
      {
        row: null,
        field: 'geometry',
        code: 'coordinates-swapped',
        message_fr:
          'coordonnées écrites [latitude, longitude] dans toutes les entités (5) : remises en [longitude, latitude]',
      },
      ...straight.report.warnings,
    ]);
    expect(result.report.notes).toEqual({ ...straight.report.notes, 'coordonnées inversées': 5 });
    expect(result.report.rejected).toEqual(straight.report.rejected);
  });

  it('knows the overseas communes in either order (Saint-Denis de La Réunion swapped, Cayenne not)', () => {
    const { rows, report } = importFeatures([
      commune('97411', 'Saint-Denis', swapped(polygon(squareRing(55.44, -20.9, 0.02)))),
      commune('97302', 'Cayenne', polygon(squareRing(-52.34, 4.92, 0.02))),
    ]);
    expect(rows.map((r) => [r.code_insee, r.longitude, r.latitude])).toEqual([
      ['97302', -52.33, 4.93],
      ['97411', 55.45, -20.89],
    ]);
    expect(report.warnings.map((w) => [w.row, w.code])).toEqual([[1, 'coordinates-swapped']]);
  });
});

describe('importCommunes when nothing is usable', () => {
  it('rejects every feature and keeps no commune (the caller then stops the import)', () => {
    const { rows, report } = importFeatures([null, commune('01015', 'Arboys', null)]);
    expect(rows).toEqual([]);
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([2, 0, 2]);
    expect(report.format).toBe('GeoJSON WGS84');
  });
});

describe('importCommunes when turf fails', () => {
  const load = () => {
    const { text, sha256 } = fixtureText('communes-wgs84.geojson');
    return importCommunes('communes-wgs84.geojson', text, sha256, cog);
  };

  it('keeps the outlines of merged communes side by side when union throws', () => {
    brokenTurf.add('union');
    const { rows, outlines, report } = load();
    expect(rows.map((r) => r.code_insee)).toEqual(['01015', '01262', '69123']);
    expect(
      report.warnings.filter((w) => w.code === 'geometry-merged').map((w) => [w.row, w.message_fr]),
    ).toEqual([
      [1, '2 contours de la commune 01015 non réunis (union en panne) : gardés côte à côte'],
      [4, '2 contours de la commune 69123 non réunis (union en panne) : gardés côte à côte'],
    ]);
    expect(outlines.features[0]?.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [[squareRing(5.6, 45.8, 0.02)], [squareRing(5.62, 45.8, 0.02)]],
    });
    expect(report.notes['contours non réunis']).toBe(2);
    expect(report.notes['contours réunis']).toBeUndefined();
  });

  it('falls back to a point on the outline, and leaves the area empty, when centerOfMass and area throw', () => {
    brokenTurf.add('centerOfMass').add('area');
    const { rows, outlines, report } = load();
    expect(rows.map((r) => r.superficie_km2)).toEqual([null, null, null]);
    rows.forEach((row, i) => {
      expect(booleanPointInPolygon([row.longitude, row.latitude], outlines.features[i]!)).toBe(true);
    });
    expect(
      report.warnings.filter((w) => w.code === 'geometry-repaired').map((w) => [w.row, w.message_fr]),
    ).toEqual(
      [1, 3, 4].flatMap((row) => [
        [
          row,
          'centre de masse incalculable (centerOfMass en panne) : point de référence pris sur le contour',
        ],
        [row, 'superficie incalculable (area en panne) : laissée vide'],
      ]),
    );
  });
});

describe('detectCrs on malformed features', () => {
  const lambertSquare = polygon([
    [700000, 6600000],
    [701000, 6600000],
    [701000, 6601000],
    [700000, 6600000],
  ]);
  const damaged = [
    null,
    { type: 'Feature', properties: {}, geometry: null },
    {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [[[Number.NaN, 1e9], [Infinity, -Infinity], 'abc', [1]], 5] },
    },
    { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: 3 } },
  ];
  const collection = (...features: unknown[]) =>
    ({ type: 'FeatureCollection', features }) as unknown as Parameters<typeof detectCrs>[1];

  it('skips them and non-finite numbers, and decides from the rest', () => {
    expect(
      detectCrs('f', collection(...damaged, { type: 'Feature', properties: {}, geometry: lambertSquare })),
    ).toEqual({
      crs: 'EPSG:2154',
      declared: false,
    });
    expect(
      detectCrs(
        'f',
        collection(...damaged, commune('01015', 'Arboys', polygon(squareRing(5.6, 45.8, 0.02)))),
      ),
    ).toEqual({
      crs: 'EPSG:4326',
      declared: false,
    });
  });

  it('takes a file with no usable position as WGS84 (its features are then rejected one by one)', () => {
    expect(detectCrs('f', collection(...damaged))).toEqual({ crs: 'EPSG:4326', declared: false });
  });
});
