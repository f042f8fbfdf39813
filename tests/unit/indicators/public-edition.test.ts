/**
 * What the page of a public build reads (src/indicators/public/public-edition.ts): public.json and
 * the rows of cellules.arrow checked, the choice a link names checked against the product, and
 * each zone's figure for a choice — published, secret or « non renseigné », never zero.
 */
import { describe, expect, it } from 'vitest';

import {
  choiceFromQuery,
  parsePublicMetadata,
  PublicCells,
  PublicProductError,
  queryOfChoice,
  readPublicCells,
} from '../../../src/indicators/public/public-edition.ts';

const METADATA = {
  jeu_de_donnees: 'test',
  periode: { start: '2024-01-01', end: '2024-06-30' },
  methode: '2.0',
  periodes: [
    { key: '2024-T1', kind: 'trimestre', parent: '2024', start: '2024-01-01', end: '2024-03-31' },
    { key: '2024-T2', kind: 'trimestre', parent: '2024', start: '2024-04-01', end: '2024-06-30' },
    { key: '2024', kind: 'annee', parent: 'ensemble', start: '2024-01-01', end: '2024-06-30' },
    { key: 'ensemble', kind: 'ensemble', parent: null, start: '2024-01-01', end: '2024-06-30' },
  ],
  zones: [
    { code: '00001', nom: 'Alpha', niveau: 'commune', parent: 'E1' },
    { code: '00002', nom: 'Beta', niveau: 'commune', parent: 'E1' },
    { code: 'E1', nom: 'EPCI', niveau: 'epci', parent: 'territoire' },
    { code: 'territoire', nom: 'Territoire', niveau: 'territoire', parent: null },
  ],
  mesures: [
    { id: 'echanges', colonne: 'echanges' },
    { id: 'heures-benevoles', colonne: 'heures_benevoles' },
    { id: 'inconnue', colonne: 'inconnue' },
  ],
  cellules: { total: 1 },
};
const metadata = parsePublicMetadata(JSON.stringify(METADATA));
/** The metadata of a file of `n` rows. */
const holding = (n: number) => ({ ...metadata, cellCount: n });

const row = (zone: string, echanges: string, personnes: string, values: Record<string, number | null>) => ({
  zone,
  periode: 'ensemble',
  famille: 'toutes',
  statut_echanges: echanges,
  statut: 'publie',
  statut_personnes: personnes,
  ...values,
});

describe('the public product as the page reads it', () => {
  it('keeps the measures the site knows, in the site’s order', () => {
    expect(metadata.measures.map((m) => m.id)).toEqual(['echanges', 'heures-benevoles']);
    expect(metadata.periods.map((p) => p.key)).toEqual(['2024-T1', '2024-T2', '2024', 'ensemble']);
  });

  it('names the file and the field of a bad public.json', () => {
    expect(() => parsePublicMetadata('{', 'x/public.json')).toThrow(/x\/public\.json : JSON illisible/);
    const broken = { ...METADATA, periodes: [{ ...METADATA.periodes[0], kind: 'mois' }] };
    expect(() => parsePublicMetadata(JSON.stringify(broken))).toThrow(/champ « periodes\.0\.kind »/);
    expect(() => parsePublicMetadata(JSON.stringify({ ...METADATA, mesures: [] }))).toThrow(
      PublicProductError,
    );
  });

  it('reads each tier’s status, and figures only where published', () => {
    const cells = readPublicCells(
      [
        row('00001', 'publie', 'secret', { echanges: 12, echanges_bas: 12, echanges_haut: 12 }),
        row('00002', 'secret', 'non-renseigne', { echanges: null }),
        row('E1', 'publie', 'publie', { echanges: 20, heures_benevoles: 310.5, heures_benevoles_bas: 300 }),
      ],
      holding(3),
    );
    expect(cells.map((c) => c.statuses)).toEqual([
      { echanges: 'publie', general: 'publie', personnes: 'secret' },
      { echanges: 'secret', general: 'publie', personnes: 'non-renseigne' },
      { echanges: 'publie', general: 'publie', personnes: 'publie' },
    ]);
    expect(cells[0]?.figures).toEqual({ echanges: { central: 12, bas: 12, haut: 12 } });
    expect(cells[2]?.figures['heures-benevoles']).toEqual({ central: 310.5, bas: 300, haut: null });
  });

  it('refuses a row that does not say what it is, naming the line', () => {
    const read = (r: Record<string, unknown>) => readPublicCells([r], metadata, 'cellules.arrow');
    expect(() => read(row('99999', 'publie', 'publie', { echanges: 1 }))).toThrow(
      /cellules\.arrow : ligne 1 : zone « 99999 »/,
    );
    expect(() => read({ ...row('00001', 'publie', 'publie', { echanges: 1 }), famille: 'toutes2' })).toThrow(
      /famille « toutes2 »/,
    );
    expect(() => read(row('00001', 'secret-primaire', 'publie', { echanges: 1 }))).toThrow(
      /statut_echanges « secret-primaire » inconnu/,
    );
    // Published without a figure: never shown as zero.
    expect(() => read(row('00001', 'publie', 'publie', { echanges: null }))).toThrow(
      /echanges publié sans valeur/,
    );
  });

  it('refuses a file that holds fewer rows than public.json announces (a zeroed file reads as none)', () => {
    expect(() => readPublicCells([], metadata, 'cellules.arrow')).toThrow(
      /cellules\.arrow : 0 lignes lues au lieu des 1 annoncées/,
    );
  });

  it('gives each zone its figure: published, secret, or « non renseigné » for a missing cell', () => {
    const cells = new PublicCells(
      metadata,
      readPublicCells(
        [
          row('00001', 'publie', 'secret', { echanges: 12 }),
          row('00002', 'secret', 'publie', { echanges: null, heures_benevoles: 0 }),
        ],
        holding(2),
      ),
    );
    const echanges = cells.figures({ measure: 'echanges', periode: 'ensemble', famille: 'toutes' });
    expect(echanges.map((f) => [f.zone.code, f.status, f.value?.central ?? null])).toEqual([
      ['00001', 'publie', 12],
      ['00002', 'secret', null],
      ['E1', 'non-renseigne', null],
      ['territoire', 'non-renseigne', null],
    ]);
    const hours = cells.figures({ measure: 'heures-benevoles', periode: 'ensemble', famille: 'toutes' });
    expect(hours.slice(0, 2).map((f) => [f.status, f.value?.central ?? null])).toEqual([
      ['secret', null],
      ['publie', 0],
    ]);
  });

  it('takes from a link only what the product publishes, else the default', () => {
    expect(choiceFromQuery('', metadata)).toEqual({
      measure: 'echanges',
      periode: 'ensemble',
      famille: 'toutes',
    });
    expect(choiceFromQuery('?indicateur=heures-benevoles&periode=2024-T2&famille=locaux', metadata)).toEqual({
      measure: 'heures-benevoles',
      periode: '2024-T2',
      famille: 'locaux',
    });
    const hostile = '?indicateur=__proto__&periode=%3Cscript%3E&famille=constructor';
    expect(choiceFromQuery(hostile, metadata)).toEqual(choiceFromQuery('', metadata));
    expect(queryOfChoice({ measure: 'echanges', periode: '2024', famille: 'toutes' }, metadata)).toBe(
      'periode=2024',
    );
  });
});
