/**
 * A tiny territory whose names are hostile (issue 14): markup, scripts, `javascript:` addresses,
 * spreadsheet formulas, a right-to-left override and a 10,000-character name, in commune,
 * intercommunalité, association, purpose, funder and announcement fields. Every payload calls
 * `alert()`: a dialog in the page means it ran.
 *
 *   communes   00001 RLO + <img>   00002 formula + <script>   00003 « - » + 10,000 characters
 *              (all in one intercommunalité named « @javascript:… »), side by side, 0.2° wide
 *   associations A1–A6 (two per commune, named below), exchanges between them in March 2024
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import {
  ASSOCIATIONS_TABLE,
  COMMUNES_TABLE,
  EXCHANGES_TABLE,
  GRANTS_TABLE,
  OFFERS_TABLE,
  PLACES_TABLE,
  SURVEYS_TABLE,
  type GrantRow,
  type OfferRow,
} from '../../src/data/schema/index.ts';
import { DatasetWriter } from '../../scripts/lib/dataset-writer.ts';
import { squareOutlines } from './dataset-folder.ts';
import { association, commune, rna, type FixtureTables } from './fixture.ts';
import { testManifest } from './manifest.ts';
import { exchange } from './tiny-territory.ts';

/** U+202E RIGHT-TO-LEFT OVERRIDE. */
export const RLO = '\u202e';

/** The hostile strings, by where they are put. */
export const HOSTILE = {
  /** Commune 00001: an override, then markup whose handler would run. */
  commune1: `${RLO}<img src=x onerror=alert(1)>`,
  /** Commune 00002: a spreadsheet formula, then a script element. */
  commune2: `=HYPERLINK("javascript:alert(2)")<script>alert(2)</script>`,
  /** Commune 00003: a minus sign, then 9,999 characters without a space. */
  commune3: `-${'L'.repeat(9999)}`,
  epci: '@javascript:alert(3)',
  /** A1 */
  association1: '<img src=x onerror=alert(4)>',
  /** A2: an override alone, the text after the name must stay in order. */
  association2: `${RLO}evil`,
  /** A3: 10,000 characters with a few spaces (a realistic run-away name). */
  association3: `Association ${'très longue '.repeat(832)}`.slice(0, 10_000),
  /** A4 */
  association4: 'javascript:alert(5)',
  /** A5 */
  association5: '+<b onmouseover=alert(6)>bold</b>',
  /** The purpose (WALDEC label) of every association. */
  purpose: '<script>alert(7)</script>',
  /** The announcement of A1's need. */
  need: '<img src=x onerror=alert(8)>',
  /** The funder of A1's grant. */
  funder: `${RLO}<svg onload=alert(9)>`,
} as const;

const E1 = { epci_code: '200000011', epci_nom: HOSTILE.epci };

/** Longitude of commune n (1–3): side by side along latitude 45.5. */
export const LONGITUDE = [0, 3.2, 3.4, 3.6] as const;
export const LATITUDE = 45.5;

/**
 * Where association n (1–6) is drawn: in the north half of its commune, the odd one west and the
 * even one east, 0.12° apart (no cluster); a test points at a commune in its south half.
 */
export function associationPoint(n: number): [number, number] {
  const longitude = LONGITUDE[Math.ceil(n / 2) as 1 | 2 | 3];
  return [longitude + (n % 2 === 1 ? -0.06 : 0.06), LATITUDE + 0.06];
}

/** A point of commune n (1–3) away from its associations. */
export function communePoint(n: 1 | 2 | 3): [number, number] {
  return [LONGITUDE[n], LATITUDE - 0.05];
}

/** The hostile territory's tables. */
export function hostileTerritory(): FixtureTables {
  const names = [
    '',
    HOSTILE.association1,
    HOSTILE.association2,
    HOSTILE.association3,
    HOSTILE.association4,
    HOSTILE.association5,
    'Association 6',
  ];
  const communeOf = ['', '00001', '00001', '00002', '00002', '00003', '00003'];
  const grant: GrantRow = {
    id_subvention: 'S1',
    nomAttribuant: HOSTILE.funder,
    idAttribuant: '21000001000015',
    dateConvention: '2024-03-01',
    referenceDecision: null,
    nomBeneficiaire: HOSTILE.association1,
    idBeneficiaire: null,
    rnaBeneficiaire: rna(1),
    objet: HOSTILE.purpose,
    montant: 1000,
    nature: 'aide en numéraire',
    conditionsVersement: 'unique',
    datesPeriodeVersement: '2024-03-01',
    idRAE: null,
    notificationUE: false,
    pourcentageSubvention: 1,
    dispositifAide: null,
    association_id: rna(1),
  };
  const need: OfferRow = {
    id_annonce: 'O1',
    association_id: rna(1),
    sens: 'besoin',
    type_ressource: 'locaux',
    categorie_bien: null,
    description: HOSTILE.need,
    date_debut: '2024-03-01',
    date_fin: null,
    statut: 'ouverte',
  };
  return {
    communes: [
      { ...commune('00001', HOSTILE.commune1, 1000, 'E1', LONGITUDE[1], LATITUDE), ...E1 },
      { ...commune('00002', HOSTILE.commune2, 1000, 'E1', LONGITUDE[2], LATITUDE), ...E1 },
      { ...commune('00003', HOSTILE.commune3, 1000, 'E1', LONGITUDE[3], LATITUDE), ...E1 },
    ],
    associations: names.slice(1).map((nom, i) => {
      const n = i + 1;
      const code = communeOf[n] ?? '00001';
      return association(n, code, '011000', {
        nom,
        waldec_libelle: HOSTILE.purpose,
        theme_libelle: HOSTILE.purpose,
        site_web: 'javascript:alert(10)',
        longitude: associationPoint(n)[0],
        latitude: associationPoint(n)[1],
        precision_geo: 'exacte',
      });
    }),
    echanges: [
      exchange('X1', 1, 2, {}),
      exchange('X2', 2, 3, {}),
      exchange('X3', 3, 4, {}),
      exchange('X4', 4, 5, {}),
      exchange('X5', 5, 6, {}),
      exchange('X6', 6, 1, {}),
    ],
    subventions: [grant],
    offres_besoins: [need],
  };
}

/** Writes the hostile territory as a dataset folder (Arrow files, outlines, manifest) in a temp dir. */
export async function writeHostileDataset(): Promise<{ folder: string; manifest: DatasetManifest }> {
  const tables = hostileTerritory();
  const folder = join(await mkdtemp(join(tmpdir(), 'symbiose-hostile-')), 'dataset');
  const writer = await DatasetWriter.create(folder);
  const communes = await writer.writeTable(COMMUNES_TABLE, [tables.communes]);
  const associations = await writer.writeTable(ASSOCIATIONS_TABLE, [tables.associations]);
  const echanges = await writer.writeTable(EXCHANGES_TABLE, [tables.echanges]);
  const subventions = await writer.writeTable(GRANTS_TABLE, [tables.subventions]);
  const offres = await writer.writeTable(OFFERS_TABLE, [tables.offres_besoins]);
  const lieux = await writer.writeTable(PLACES_TABLE, [[]]);
  const enquetes = await writer.writeTable(SURVEYS_TABLE, [[]]);
  const geometry = await writer.writeGeometry('communes.geojson', squareOutlines(tables, 0.1));
  const manifest = testManifest(
    { communes, associations, echanges, subventions, offres_besoins: offres, lieux, enquetes },
    geometry,
    { name: `${RLO}<i>Jeu</i> =1+1`, bbox: [3.1, 45.4, 3.7, 45.6] },
  );
  await writer.commit(manifest);
  return { folder, manifest };
}
