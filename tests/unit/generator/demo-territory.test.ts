import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { area, featureCollection, kinks, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openNodeRunner } from '../../../src/data/duckdb-node.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import type { DatasetManifest } from '../../../src/data/manifest.ts';
import { folderDatasetReader } from '../../../src/data/node-dataset-reader.ts';
import type { QueryRunner, Row } from '../../../src/data/query-runner.ts';
import { EXCHANGES_TABLE, RESOURCE_TYPES } from '../../../src/data/schema/index.ts';
import { validateRow } from '../../../src/data/validate-row.ts';
import { dataStatus } from '../../../scripts/demo/exchanges.ts';
import { THEME_SHARES } from '../../../scripts/demo/themes.ts';
import { generateDemo } from '../../support/demo.ts';

let runner: QueryRunner;
let folder: string;
let manifest: DatasetManifest;

async function rows(sql: string): Promise<Row[]> {
  return runner.query({ sql, params: [] });
}
async function value(sql: string): Promise<number> {
  const [row] = await rows(sql);
  return Number(Object.values(row ?? {})[0]);
}

beforeAll(async () => {
  ({ folder, manifest } = await generateDemo());
  runner = await openNodeRunner();
  await loadDataset(runner, folderDatasetReader(folder));
});
afterAll(async () => {
  await runner.close();
});

describe('the default demo territory', () => {
  it('is fictional and says so', () => {
    expect(manifest.fictional).toBe(true);
    expect(manifest.name).toMatch(/territoire fictif/);
  });

  it('has 40–80 communes in 2–3 intercommunalités', async () => {
    expect(await value('SELECT count(*) FROM communes')).toBe(60);
    expect(await value('SELECT count(DISTINCT epci_code) FROM communes')).toBe(3);
    expect(await value('SELECT count(*) FROM communes WHERE epci_code IS NULL')).toBe(0);
  });

  it('has one town of 30–50k inhabitants, a few bourgs, many villages, about 150k in all', async () => {
    expect(await value('SELECT count(*) FROM communes WHERE population BETWEEN 30000 AND 50000')).toBe(1);
    const bourgs = await value('SELECT count(*) FROM communes WHERE population BETWEEN 3000 AND 9999');
    expect(bourgs).toBeGreaterThanOrEqual(3);
    expect(bourgs).toBeLessThanOrEqual(12);
    expect(await value('SELECT count(*) FROM communes WHERE population < 3000')).toBeGreaterThanOrEqual(45);
    const total = await value('SELECT sum(population) FROM communes');
    expect(Math.abs(total - 150_000) / 150_000).toBeLessThan(0.1);
  });

  it('has about one association per 50 inhabitants', async () => {
    const perInhabitant =
      (await value('SELECT count(*) FROM associations')) /
      (await value('SELECT sum(population) FROM communes'));
    expect(perInhabitant).toBeGreaterThan(1 / 55);
    expect(perInhabitant).toBeLessThan(1 / 45);
  });

  it('follows the stated theme mix within four standard errors', async () => {
    const n = await value('SELECT count(*) FROM associations');
    const counts = new Map(
      (await rows('SELECT theme_code, count(*) AS n FROM associations GROUP BY 1')).map((r) => [
        r['theme_code'],
        Number(r['n']),
      ]),
    );
    for (const [code, share] of Object.entries(THEME_SHARES)) {
      const observed = (counts.get(code) ?? 0) / n;
      const standardError = Math.sqrt((share * (1 - share)) / n);
      // Hubs add a handful of associations to three themes: allowed on top of sampling noise.
      expect(Math.abs(observed - share), code).toBeLessThan(4 * standardError + 10 / n);
    }
  });

  it('has exchanges of every resource type', async () => {
    const types = (await rows('SELECT DISTINCT type_ressource FROM echanges ORDER BY 1')).map(
      (r) => r['type_ressource'],
    );
    expect(types).toEqual([...RESOURCE_TYPES].sort());
  });

  it('draws partners nearby: exchanges span half the distance of random pairs or less', async () => {
    const km = `sqrt(power((a.longitude - b.longitude) * 111.32 * cos(radians(a.latitude)), 2) + power((a.latitude - b.latitude) * 110.574, 2))`;
    const exchanged = await value(`SELECT median(${km}) FROM echanges e
      JOIN associations a ON a.id = e.fournisseur_id JOIN associations b ON b.id = e.beneficiaire_id`);
    const random =
      await value(`SELECT median(${km}) FROM (SELECT * FROM associations USING SAMPLE 300 ROWS (reservoir, 1)) a,
      (SELECT * FROM associations USING SAMPLE 300 ROWS (reservoir, 2)) b WHERE a.id <> b.id`);
    expect(exchanged).toBeLessThan(random * 0.5);
  });

  it('grows, with a visible jump after the cooperation programme starts', async () => {
    const [event] = manifest.events;
    expect(event?.date).toBe('2024-04-01');
    const before = await value(
      "SELECT count(*) FROM echanges WHERE date_debut >= DATE '2023-04-01' AND date_debut < DATE '2024-04-01'",
    );
    const after = await value(
      "SELECT count(*) FROM echanges WHERE date_debut >= DATE '2024-04-01' AND date_debut < DATE '2025-04-01'",
    );
    const yearBefore = await value(
      "SELECT count(*) FROM echanges WHERE date_debut >= DATE '2022-04-01' AND date_debut < DATE '2023-04-01'",
    );
    expect(after / before).toBeGreaterThan(1.4);
    // Steady growth before the programme (about +20 % a year with the default seed).
    expect(before / yearBefore).toBeGreaterThan(1.0);
    expect(before / yearBefore).toBeLessThan(1.4);
  });

  it('has hubs with many partners and many isolated associations', async () => {
    const degree = `SELECT id, count(DISTINCT partner) AS partners FROM (
        SELECT fournisseur_id AS id, beneficiaire_id AS partner FROM echanges
        UNION ALL SELECT beneficiaire_id, fournisseur_id FROM echanges) GROUP BY id`;
    const hub = await value(
      `SELECT d.partners FROM (${degree}) d JOIN associations a USING (id) WHERE a.nom LIKE 'Maison des associations%'`,
    );
    const median = await value(`SELECT median(partners) FROM (${degree})`);
    expect(hub).toBeGreaterThan(10 * median);
    const isolated = await value(`SELECT avg(CASE WHEN d.id IS NULL THEN 1 ELSE 0 END) FROM associations a
      LEFT JOIN (${degree}) d USING (id) WHERE a.statut = 'active'`);
    expect(isolated).toBeGreaterThan(0.4);
    expect(isolated).toBeLessThan(0.7);
  });

  it('keeps every reference inside the dataset', async () => {
    expect(
      await value(
        'SELECT count(*) FROM associations a ANTI JOIN communes c ON c.code_insee = a.commune_code',
      ),
    ).toBe(0);
    expect(
      await value('SELECT count(*) FROM echanges e ANTI JOIN associations a ON a.id = e.fournisseur_id'),
    ).toBe(0);
    expect(
      await value('SELECT count(*) FROM echanges e ANTI JOIN associations a ON a.id = e.beneficiaire_id'),
    ).toBe(0);
    expect(
      await value(`SELECT count(*) FROM echanges e JOIN associations a ON a.id = e.beneficiaire_id
      WHERE a.commune_code <> e.beneficiaire_commune`),
    ).toBe(0);
    expect(
      await value(
        'SELECT count(*) FROM offres_besoins o ANTI JOIN associations a ON a.id = o.association_id',
      ),
    ).toBe(0);
    expect(
      await value('SELECT count(*) FROM subventions s ANTI JOIN associations a ON a.id = s.association_id'),
    ).toBe(0);
    expect(
      await value(`SELECT count(*) FROM echanges e JOIN associations a ON a.id IN (e.fournisseur_id, e.beneficiaire_id)
      WHERE e.date_debut < a.date_creation OR e.date_debut > a.date_dissolution`),
    ).toBe(0);
  });

  it('writes exchanges that pass the published format’s checks', async () => {
    const all = await rows('SELECT * FROM echanges');
    const errors = all.flatMap((row, i) => validateRow(EXCHANGES_TABLE, row, i + 1));
    expect(errors.slice(0, 5)).toEqual([]);
    expect(await value('SELECT count(DISTINCT id_echange) FROM echanges')).toBe(all.length);
  });

  it('has the three quality tiers, in the stated shares before and after the programme', async () => {
    // Verified 15 % before the programme (2024-04-01) and 35 % after; confirmed 30 %; declared the rest.
    const expected = {
      before: { verifie: 0.15, confirme: 0.3, declare: 0.55 },
      after: { verifie: 0.35, confirme: 0.3, declare: 0.35 },
    } as const;
    const counted =
      await rows(`SELECT CASE WHEN date_debut < DATE '2024-04-01' THEN 'before' ELSE 'after' END AS period,
      statut_donnee, count(*) AS n FROM echanges GROUP BY ALL`);
    for (const period of ['before', 'after'] as const) {
      const inPeriod = counted.filter((r) => r['period'] === period);
      const n = inPeriod.reduce((sum, r) => sum + Number(r['n']), 0);
      expect(inPeriod.map((r) => String(r['statut_donnee'])).sort()).toEqual([
        'confirme',
        'declare',
        'verifie',
      ]);
      for (const [status, share] of Object.entries(expected[period])) {
        const observed = Number(inPeriod.find((r) => r['statut_donnee'] === status)?.['n'] ?? 0) / n;
        const standardError = Math.sqrt((share * (1 - share)) / n);
        expect(Math.abs(observed - share), `${period} ${status}`).toBeLessThan(4 * standardError);
      }
    }
  });

  it('has exchanges spread over several months, and recurrent ones over a span of dates', async () => {
    expect(await value('SELECT count(*) FROM echanges WHERE date_fin - date_debut >= 31')).toBeGreaterThan(
      100,
    );
    expect(
      await value('SELECT count(*) FROM echanges WHERE recurrent AND date_fin > date_debut'),
    ).toBeGreaterThan(100);
  });

  it('gives staff loans FTE-months that agree with the shared FTE over their dates (within 10 %)', async () => {
    const months = '((date_fin - date_debut) + 1) / 30.4375';
    expect(
      await value(`SELECT count(*) FROM echanges WHERE type_ressource = 'personnel' AND unite = 'etp_mois'
        AND etp_partages IS NOT NULL AND date_fin IS NOT NULL`),
    ).toBeGreaterThan(100);
    expect(
      await value(`SELECT count(*) FROM echanges WHERE type_ressource = 'personnel' AND unite = 'etp_mois'
        AND abs(quantite - etp_partages * ${months}) > 0.1 * greatest(quantite, etp_partages * ${months})`),
    ).toBe(0);
  });

  it('has offers and needs, some needs left open, and grants from several funders', async () => {
    expect(await value("SELECT count(*) FROM offres_besoins WHERE sens = 'offre'")).toBeGreaterThan(20);
    expect(
      await value("SELECT count(*) FROM offres_besoins WHERE sens = 'besoin' AND statut = 'ouverte'"),
    ).toBeGreaterThan(10);
    expect(await value('SELECT count(DISTINCT idAttribuant) FROM subventions')).toBeGreaterThanOrEqual(4);
    expect(
      await value(
        `SELECT count(*) FROM subventions WHERE dispositifAide LIKE 'Coopérer%' AND dateConvention < DATE '2024-04-01'`,
      ),
    ).toBe(0);
  });
});

describe('the demo commune outlines', () => {
  it('are valid polygons that tile the territory without overlapping', async () => {
    const outlines = JSON.parse(
      await readFile(join(folder, 'communes.geojson'), 'utf8'),
    ) as FeatureCollection<Polygon | MultiPolygon>;
    expect(outlines.features).toHaveLength(60);
    for (const feature of outlines.features) expect(kinks(feature as Feature<Polygon>).features).toEqual([]);
    const sum = outlines.features.reduce((total, f) => total + area(f), 0);
    const merged = union(featureCollection(outlines.features as Feature<Polygon | MultiPolygon>[]));
    // Overlaps would make the sum of areas exceed the area of the union.
    expect(Math.abs(sum - area(merged ?? featureCollection([]))) / sum).toBeLessThan(1e-6);
    // Sized as rural communes are: about 18 km² on average.
    expect(sum / 60 / 1e6).toBeGreaterThan(14);
    expect(sum / 60 / 1e6).toBeLessThan(22);
  });
});

describe('the quality tier of a demo exchange', () => {
  it('comes from one uniform draw: below p verified, then 0.3 confirmed, else declared', () => {
    expect([0, 0.1499, 0.15, 0.4499, 0.45, 0.9999].map((u) => dataStatus(u, 0.15))).toEqual([
      'verifie',
      'verifie',
      'confirme',
      'confirme',
      'declare',
      'declare',
    ]);
    expect([0.3499, 0.35, 0.6499, 0.65].map((u) => dataStatus(u, 0.35))).toEqual([
      'verifie',
      'confirme',
      'confirme',
      'declare',
    ]);
  });
});
