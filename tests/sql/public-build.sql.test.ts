/**
 * The public build (scripts/lib/public-build.ts) on a built site made here: a dataset folder whose
 * input is seeded with recognisable personal values (a declarant's name, a phone number, an
 * e-mail address, a person's website, a home address, in the fields a dataset can carry them:
 * exchange labels and sources, the association's website, seats shared by fewer than three
 * associations, the import report and its rejected rows), and the first view of the site.
 *
 *   communes   00001 Alpha (A1 A2 A3)   00002 Beta (A4 A5 A6)   00003 Gamma (A7 A8 A9), one EPCI
 *   exchanges in 2024 (provider → receiver), consent to publish:
 *     X1 A1 → A2 oui   X2 A2 → A3 non   X3 A4 → A5 oui   X4 A5 → A6 non   X5 A7 → A8 oui
 *     X6 A8 → A9 oui, but A9… is the receiver of X6 only: consent is per exchange, both ends agreed
 *   seats: S1 A1 A2 A3 (3 active: shown) · S2 A4 A5 (2: not shown) · S3 A6 A7 A8 with A8 dissolved
 *     (2 active: not shown)
 *
 * After the build, the dataset folder holds the product and the commune outlines only, the first
 * view is gone, no shipped byte holds any seeded value, no column bears a personal field's name,
 * the exchanges shown are exactly those consented, the places exactly S1.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';

import type { AssociationRow, ExchangeRow, PlaceRow } from '../../src/data/schema/index.ts';
import { COMMUNE_TILES_PATH, FIRST_VIEW_PATH } from '../../src/data/site-files.ts';
import { PUBLIC_FILES } from '../../src/indicators/public/public-product.ts';
import { publishBuild } from '../../scripts/lib/public-build.ts';
import { writeFixtureDataset } from '../support/dataset-folder.ts';
import { association as fixtureAssociation, exchange as fixtureExchange, rna } from '../support/fixture.ts';
import { commune } from '../support/tiny-territory.ts';

const DECLARANT = 'Jeanne Secretdeclarante';
const PHONE = '06 98 76 54 32';
const EMAIL = 'jeanne.secret@exemple-perso.fr';
const WEBSITE = 'https://jeanne-secretdeclarante.exemple-perso.fr';
const HOME = '12 rue de la Maison Privée';
const HOME_2 = '7 impasse du Domicile';
/** Every seeded value, and the forms a file could hold them in. */
const SEEDED = [DECLARANT, 'Secretdeclarante', PHONE, PHONE.replace(/ /g, ''), EMAIL, WEBSITE, HOME, HOME_2];

/** Names of the RNA's personal fields, and of dataset columns that may carry personal text. */
const PERSONAL_COLUMNS = [
  'adrg_declarant',
  'adrg_complemid',
  'adrg_complemgeo',
  'adrg_libvoie',
  'adrg_distrib',
  'adrg_codepostal',
  'adrg_achemine',
  'adrg_pays',
  'dir_civilite',
  'telephone',
  'email',
  'siteweb',
  'site_web',
  'source',
];

const COMMUNE = ['', '00001', '00001', '00001', '00002', '00002', '00002', '00003', '00003', '00003'];
const SEATS: Record<number, string> = {
  1: 'a000000000000001',
  2: 'a000000000000001',
  3: 'a000000000000001',
  4: 'b000000000000002',
  5: 'b000000000000002',
  6: 'c000000000000003',
  7: 'c000000000000003',
  8: 'c000000000000003',
};

function association(n: number): AssociationRow {
  return fixtureAssociation(n, COMMUNE[n] ?? '', '011000', {
    siege_cle: SEATS[n] ?? null,
    site_web: n === 1 ? WEBSITE : null,
    ...(n === 8 ? { statut: 'dissoute' as const, date_dissolution: '2023-06-30' } : {}),
  });
}

function exchange(id: string, from: number, to: number, consent: boolean): ExchangeRow {
  return fixtureExchange(id, '2024-03-01', from, to, 'competences', {
    fournisseur_commune: COMMUNE[from] ?? null,
    beneficiaire_commune: COMMUNE[to] ?? null,
    libelle: `Contact ${DECLARANT} ${PHONE} ${EMAIL}`,
    source: `Fiche remplie par ${DECLARANT}, ${HOME}`,
    heures_benevoles: 4,
    consentement_publication: consent,
  });
}

const PLACES: PlaceRow[] = [
  { cle: 'a000000000000001', commune_code: '00001', libelle: '1 place de la Mairie' },
  { cle: 'b000000000000002', commune_code: '00002', libelle: HOME },
  { cle: 'c000000000000003', commune_code: '00003', libelle: HOME_2 },
];

let dist: string;
let folder: string;

beforeAll(async () => {
  const { folder: dataset } = await writeFixtureDataset({
    communes: [commune('00001', 'Alpha'), commune('00002', 'Beta'), commune('00003', 'Gamma')],
    associations: [1, 2, 3, 4, 5, 6, 7, 8, 9].map(association),
    echanges: [
      exchange('X1', 1, 2, true),
      exchange('X2', 2, 3, false),
      exchange('X3', 4, 5, true),
      exchange('X4', 5, 6, false),
      exchange('X5', 7, 8, true),
      exchange('X6', 8, 9, true),
    ],
    subventions: [],
    offres_besoins: [],
    lieux: PLACES,
  });
  // What an import leaves beside the tables: its report and its rejected rows.
  await writeFile(join(dataset, 'rapport-import.json'), JSON.stringify({ rejet: `${DECLARANT} ${PHONE}` }));
  await mkdir(join(dataset, 'rejets'));
  await writeFile(join(dataset, 'rejets', 'rna.csv'), `adrg_declarant;telephone\n${DECLARANT};${PHONE}\n`);
  // A built site: the dataset copied under data/, the first view beside it.
  dist = await mkdtemp(join(tmpdir(), 'symbiose-public-build-'));
  folder = join(dist, 'data', 'fixture');
  await cp(dataset, folder, { recursive: true });
  await mkdir(join(dist, 'apercu'));
  await writeFile(join(dist, FIRST_VIEW_PATH), JSON.stringify({ libelle: EMAIL }));
  // Its commune tiles, and their compressed copies.
  await mkdir(join(dist, COMMUNE_TILES_PATH, '9', '260'), { recursive: true });
  for (const suffix of ['', '.br', '.gz'])
    await writeFile(join(dist, COMMUNE_TILES_PATH, '9', '260', `181.pbf${suffix}`), EMAIL);
  await publishBuild(dist);
}, 300_000);

/** Every file under `root`, as absolute paths. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function arrowRows(name: string): Promise<Record<string, unknown>[]> {
  const table = tableFromIPC(await readFile(join(folder, name)));
  return table.toArray().map((row) => (row as { toJSON(): Record<string, unknown> }).toJSON());
}

describe('the public build', () => {
  it('ships the product and the commune outlines only: no raw table, manifest, report, rejected rows, first view or its tiles', async () => {
    expect((await readdir(folder)).sort()).toEqual(
      [...Object.values(PUBLIC_FILES), 'communes.geojson'].sort(),
    );
    expect(existsSync(join(dist, 'apercu'))).toBe(false);
    expect((await filesUnder(dist)).map((f) => f.slice(dist.length + 1)).sort()).toEqual(
      [...Object.values(PUBLIC_FILES), 'communes.geojson'].map((f) => `data/fixture/${f}`).sort(),
    );
  });

  it('holds no seeded personal value in any shipped byte', async () => {
    for (const file of await filesUnder(dist)) {
      const text = new TextDecoder().decode(await readFile(file));
      for (const value of SEEDED) expect(text.includes(value), `${value} in ${file}`).toBe(false);
    }
  });

  it('has no column named after a personal field', async () => {
    for (const name of Object.values(PUBLIC_FILES).filter((f) => f.endsWith('.arrow'))) {
      const columns = tableFromIPC(await readFile(join(folder, name))).schema.fields.map((f) => f.name);
      expect(
        columns.filter(
          (c) => PERSONAL_COLUMNS.includes(c) || (c === 'libelle' && name !== PUBLIC_FILES.places),
        ),
      ).toEqual([]);
    }
  });

  it('shows an exchange only when both associations consented', async () => {
    const rows = await arrowRows(PUBLIC_FILES.exchanges);
    expect(rows.map((r) => [r['fournisseur_id'], r['beneficiaire_id']])).toEqual([
      [rna(1), rna(2)],
      [rna(4), rna(5)],
      [rna(7), rna(8)],
      [rna(8), rna(9)],
    ]);
  });

  it('shows a shared seat only when three active associations share it', async () => {
    const rows = await arrowRows(PUBLIC_FILES.places);
    expect(rows).toEqual([
      { cle: 'a000000000000001', commune_code: '00001', libelle: '1 place de la Mairie', associations: 3 },
    ]);
  });

  it('publishes the territory exchanges, masks each commune (one association in both of its exchanges) and the hours (9 < 11)', async () => {
    const rows = await arrowRows(PUBLIC_FILES.cells);
    // 3 communes + 1 EPCI + territory = 5 zones × (4 quarters, 2024, whole period) × 5 families.
    expect(rows).toHaveLength(5 * 6 * 5);
    const cell = (zone: string) =>
      rows.find((r) => r['zone'] === zone && r['periode'] === 'ensemble' && r['famille'] === 'toutes');
    expect(cell('territoire')).toMatchObject({
      statut: 'publie',
      echanges: 6,
      statut_personnes: 'secret',
      heures_benevoles: null,
    });
    // The status says secret and nothing of why: no reason column is shipped.
    expect(Object.keys(rows[0] ?? {}).filter((k) => k.startsWith('motif'))).toEqual([]);
    // Alpha: X1 and X2, both with A2 — A2 accounts for all of the commune's exchanges.
    for (const zone of ['00001', '00002', '00003']) {
      expect(cell(zone)).toMatchObject({ statut: 'secret', echanges: null });
    }
  });
});
