/**
 * What the official files say (register and grants) and the open-data cooperation signals
 * (shared seats, umbrella structures, in-kind support), on a variant of the hand-built fixture
 * (tests/support/fixture.ts) whose changes are listed below. Period 2024 (366 days).
 *
 *   A2  created 2024-03-15 (a creation of the period); A10 created 2024-06-01
 *   A11 new, Beta, created 2010, dissolved 2024-09-30 (a dissolution of the period)
 *   SIRET: A1, A5. Groupement: A6 federation, A9 union.
 *   Names: A3 « Maison des associations d’Alpha », A10 « Office municipal des sports de Gamma »,
 *          A4 « Union sportive d’Alpha » (a club, groupement simple: not an umbrella structure)
 *   Seats: k1 A1, A2, A3 (Alpha: a place of 3); k2 A5, A6 and A7, A8 (Beta: 2 active, counted
 *          only); k3 A9 alone; A4, A10 and the others: no countable address.
 *   Grants: A4 receives in-kind support (« aide en nature », no amount) on 2024-07-01.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadCoefficients } from '../../src/data/load-dataset.ts';
import type { QueryRunner } from '../../src/data/query-runner.ts';
import { INDICATORS, runIndicatorTable, type ZoneIndicators } from '../../src/indicators/registry.ts';
import { runnerWith } from '../support/engine.ts';
import { fixtureTerritory, PERIOD_2024, rna, type FixtureTables } from '../support/fixture.ts';

const K1 = '00000000000000a1';
const K2 = '00000000000000b2';
const K3 = '00000000000000c3';

function variant(): FixtureTables {
  const base = fixtureTerritory();
  const dissolved = base.associations.find((a) => a.id === rna(7));
  if (!dissolved) throw new Error('fixture without A7');
  const changes: Readonly<Record<number, Partial<(typeof base.associations)[number]>>> = {
    1: { siret: '12345678900011', siege_cle: K1 },
    2: { date_creation: '2024-03-15', siege_cle: K1 },
    3: { nom: 'Maison des associations d’Alpha', siege_cle: K1 },
    4: { nom: 'Union sportive d’Alpha' },
    5: { siret: '12345678900029', siege_cle: K2 },
    6: { groupement: 'federation', siege_cle: K2 },
    7: { siege_cle: K2 },
    8: { siege_cle: K2 },
    9: { groupement: 'union', siege_cle: K3 },
    10: { nom: 'Office municipal des sports de Gamma', date_creation: '2024-06-01' },
  };
  const inKind = base.subventions[0];
  if (!inKind) throw new Error('fixture without grants');
  return {
    ...base,
    associations: [
      ...base.associations.map((a) => ({ ...a, ...changes[Number(a.id.slice(1))] })),
      {
        ...dissolved,
        id: rna(11),
        nom: 'Association 11',
        date_creation: '2010-01-01',
        date_dissolution: '2024-09-30',
        siege_cle: null,
      },
    ],
    subventions: [
      ...base.subventions,
      {
        ...inKind,
        id_subvention: 'S5',
        dateConvention: '2024-07-01',
        nomBeneficiaire: 'Union sportive d’Alpha',
        rnaBeneficiaire: rna(4),
        association_id: rna(4),
        montant: null,
        nature: 'aide en nature',
        objet: 'Prêt du gymnase',
      },
    ],
  };
}

let runner: QueryRunner;
let communes: ZoneIndicators[];
let territory: ZoneIndicators;

beforeAll(async () => {
  runner = await runnerWith(variant());
  await loadCoefficients(runner);
  const filters = { period: PERIOD_2024 };
  communes = await runIndicatorTable(runner, INDICATORS, filters, 'commune');
  const [whole] = await runIndicatorTable(runner, INDICATORS, filters, 'territoire');
  if (!whole) throw new Error('no territory row');
  territory = whole;
});
afterAll(async () => {
  await runner.close();
});

const value = (zone: string, id: string) =>
  (zone === 'territoire' ? territory : communes.find((z) => z.zone === zone))?.values[id]?.central;

/** Days of age at 2024-12-31: created 2000-01-01 → 9 131; 2024-03-15 → 291; 2024-06-01 → 213. */
const OLD = 9131;

describe('the register (RNA)', () => {
  it('counts creations and dissolutions of the period, per year', () => {
    const year = 365.25 / 366; // one event in 2024, a 366-day period
    expect(value('00001', 'creations-par-an')).toBeCloseTo(1 * year, 12); // A2
    expect(value('00002', 'creations-par-an')).toBe(0);
    expect(value('00002', 'dissolutions-par-an')).toBeCloseTo(1 * year, 12); // A11 (A7: 2023)
    expect(value('00003', 'creations-par-an')).toBeCloseTo(1 * year, 12); // A10
    expect(value('territoire', 'creations-par-an')).toBeCloseTo(2 * year, 12);
  });

  it('gives the mean age of active associations at the end of the period', () => {
    // 16 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 291 days from 2024-03-15 to 2024-12-31.
    expect(value('00001', 'age-moyen')).toBeCloseTo((3 * OLD + 291) / 365.25 / 4, 9);
    expect(value('00003', 'age-moyen')).toBeCloseTo((OLD + 213) / 365.25 / 2, 9);
  });

  it('gives the density of associations and the share with a SIRET', () => {
    expect(value('00001', 'associations-pour-1000-hab')).toBe(4); // 4 active for 1 000 inhabitants
    expect(value('00002', 'associations-pour-1000-hab')).toBe(1); // A5, A6 for 2 000
    expect(value('00001', 'part-siret')).toBe(1 / 4); // A1
    expect(value('territoire', 'part-siret')).toBe(2 / 8); // A1, A5
  });

  it('counts unions and federations from the RNA groupement only', () => {
    expect(value('00001', 'unions-federations')).toBe(0); // « Union sportive » is a club
    expect(value('00002', 'unions-federations')).toBe(1); // A6
    expect(value('00003', 'unions-federations')).toBe(1); // A9
  });
});

describe('grants (SCDL)', () => {
  it('counts agreements, amounts and funded associations of the period', () => {
    expect(value('00001', 'subventions-nombre')).toBe(2); // A1 1 000 €, A4 in kind
    expect(value('00001', 'subventions-montant')).toBe(1000); // in kind without amount adds nothing
    expect(value('00001', 'part-financees')).toBe(2 / 4); // A1, A4
    expect(value('territoire', 'part-financees')).toBe(4 / 8); // A1, A4, A5, A9
    expect(value('territoire', 'subventions-montant')).toBe(1000 + 2000 * 0.5 + 500);
  });

  it('counts in-kind support apart', () => {
    expect(value('00001', 'aides-en-nature')).toBe(1);
    expect(value('00002', 'aides-en-nature')).toBe(0);
  });
});

describe('cooperation signals', () => {
  it('counts addresses shared by at least two active associations, and the associations there', () => {
    expect(value('00001', 'sieges-partages')).toBe(1); // k1
    expect(value('00001', 'associations-siege-partage')).toBe(3); // A1, A2, A3
    expect(value('00002', 'sieges-partages')).toBe(1); // k2: A5, A6 (A7 dissolved, A8 dormant)
    expect(value('00002', 'associations-siege-partage')).toBe(2);
    expect(value('00003', 'sieges-partages')).toBe(0); // A9 alone at k3: known, and not shared
    expect(value('territoire', 'associations-siege-partage')).toBe(5);
  });

  it('tells places of three or more (shown) from pairs (counted only)', () => {
    expect(communes.find((z) => z.zone === '00001')?.parts.lieux_partages.central).toBe(1);
    expect(communes.find((z) => z.zone === '00002')?.parts.lieux_partages.central).toBe(0);
  });

  it('recognises umbrella structures by RNA groupement and by name', () => {
    expect(value('00001', 'structures-faitieres')).toBe(1); // A3 maison des associations
    expect(value('00002', 'structures-faitieres')).toBe(1); // A6 federation
    expect(value('00003', 'structures-faitieres')).toBe(2); // A9 union, A10 office municipal
  });
});

describe('not provided rather than 0', () => {
  it('has no grant figure when no grants file covers the period', async () => {
    const bare = await runnerWith({ ...variant(), subventions: [] });
    try {
      await loadCoefficients(bare);
      const [whole] = await runIndicatorTable(bare, INDICATORS, { period: PERIOD_2024 }, 'territoire');
      for (const id of ['subventions-montant', 'subventions-nombre', 'part-financees', 'aides-en-nature'])
        expect(whole?.values[id]?.central, id).toBeNull();
      expect(whole?.values['associations-actives']?.central).toBe(8);
    } finally {
      await bare.close();
    }
  });

  it('has no shared-seat figure where no seat address can be counted', async () => {
    // Without A9's address, no address of Gamma can be counted: « not provided », where A9's
    // lone address made 0 a known figure.
    const tables = variant();
    const vague: FixtureTables = {
      ...tables,
      associations: tables.associations.map((a) => (a.id === rna(9) ? { ...a, siege_cle: null } : a)),
    };
    const other = await runnerWith(vague);
    try {
      await loadCoefficients(other);
      const zones = await runIndicatorTable(other, INDICATORS, { period: PERIOD_2024 }, 'commune');
      const gamma = zones.find((z) => z.zone === '00003');
      expect(gamma?.values['sieges-partages']?.central).toBeNull();
      expect(gamma?.values['associations-siege-partage']?.central).toBeNull();
      expect(zones.find((z) => z.zone === '00001')?.values['sieges-partages']?.central).toBe(1);
    } finally {
      await other.close();
    }
  });
});
