/*
 * A place is named (`lieux`) only when 3 associations or more are active there at the end of the
 * dataset's period by the indicators' rule — registered active, not dissolved, created by then,
 * declared in the ten years before — not merely « A » in the RNA (review of issue 10: dormant
 * associations must not make a volunteer's home a named place).
 *
 * Montluel 01262, every association « A », created 2012; the period is the RNA's last year, 2022
 * (no exchange, no grant), so its end is 2022-12-31 and « ten years before » 2012-12-31:
 *   « 4 rue des Volubilis »  V1 declared 2022, V2 and V3 declared 1995 (dormant) → 1 active: not named
 *   « 8 rue des Glycines »   G1, G2, G3 declared 2022                         → 3 active: named
 * Both pass the import's own tally (3 « A » each), so only the rule at the period's end tells them apart.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';

import { isActiveOn } from '../../../src/indicators/rules.ts';
import { importDataset } from '../../../src/import/import-dataset.ts';
import { MemorySink } from '../../../src/import/memory-sink.ts';
import { fixtureFile, fixtureText, officialCog, textFile } from '../../support/import-fixtures.ts';

/** The RNA extract: the sieges fixture's header, six rows written here. */
function rnaText(): string {
  const [header = ''] = fixtureText('rna_sieges_fixture.csv').text.split(/\r?\n/);
  const columns = header.replace(/^\ufeff/, '').split(';');
  const row = (id: string, title: string, number: string, street: string, declared: string) => {
    const cells: Record<string, string> = {
      id,
      titre: title,
      date_creat: '2012-03-01',
      date_decla: declared,
      date_publi: '2012-03-20',
      date_disso: '0001-01-01',
      nature: 'D',
      groupement: 'S',
      objet: 'objet',
      objet_social1: '011000',
      adrs_numvoie: number,
      adrs_typevoie: 'RUE',
      adrs_libvoie: street,
      adrs_distrib: '_',
      adrs_codeinsee: '01262',
      adrs_codepostal: '01120',
      adrs_libcommune: 'Montluel',
      position: 'A',
      maj_time: '2025-08-29 10:00:00',
    };
    return columns.map((c) => `"${cells[c] ?? ''}"`).join(';');
  };
  return [
    header,
    row('W012000101', 'CLUB UN', '4', 'des Volubilis', '2022-05-10'),
    row('W012000102', 'CLUB DEUX', '4', 'des Volubilis', '1995-05-10'),
    row('W012000103', 'CLUB TROIS', '4', 'des Volubilis', '1995-05-10'),
    row('W012000104', 'CHORALE UN', '8', 'des Glycines', '2022-05-10'),
    row('W012000105', 'CHORALE DEUX', '8', 'des Glycines', '2022-05-10'),
    row('W012000106', 'CHORALE TROIS', '8', 'des Glycines', '2022-05-10'),
  ].join('\n');
}

describe('isActiveOn(row, end)', () => {
  const base = {
    statut: 'active',
    date_creation: '2012-03-01',
    date_derniere_declaration: null,
    date_dissolution: null,
  };
  it('is the SQL rule: created by the end, not dissolved, declared after the same day ten years before', () => {
    expect(isActiveOn(base, '2022-12-31')).toBe(true);
    expect(isActiveOn({ ...base, date_derniere_declaration: '2012-12-31' }, '2022-12-31')).toBe(false);
    expect(isActiveOn({ ...base, date_derniere_declaration: '2013-01-01' }, '2022-12-31')).toBe(true);
    expect(isActiveOn({ ...base, date_creation: '2023-01-01' }, '2022-12-31')).toBe(false);
    expect(isActiveOn({ ...base, date_dissolution: '2020-01-01' }, '2022-12-31')).toBe(false);
    expect(isActiveOn({ ...base, statut: 'supprimee' }, '2022-12-31')).toBe(false);
    // DuckDB: DATE '2024-02-29' - INTERVAL 10 YEAR = 2014-02-28.
    expect(isActiveOn({ ...base, date_derniere_declaration: '2014-02-28' }, '2024-02-29')).toBe(false);
    expect(isActiveOn({ ...base, date_derniere_declaration: '2014-03-01' }, '2024-02-29')).toBe(true);
  });
});

describe('a place named only by associations active at the period’s end', () => {
  it('in the page’s import (memory)', async () => {
    const sink = new MemorySink();
    const dataset = await importDataset(
      { communes: fixtureFile('communes-wgs84.geojson'), associations: [textFile('rna.csv', rnaText())] },
      await officialCog(),
      { id: 'dormants', today: '2026-11-26' },
      sink,
    );
    expect(dataset.manifest.period).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(sink.tables.lieux.map((p) => p.libelle)).toEqual(['8 rue des Glycines']);
    expect(JSON.stringify(sink.tables)).not.toMatch(/Volubilis/i);
  });

  it('in `npm run import` (dataset folder)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'symbiose-dormants-'));
    const rna = join(folder, 'rna.csv');
    writeFileSync(rna, rnaText());
    const out = join(folder, 'jeu');
    const result = spawnSync(
      process.execPath,
      [
        'scripts/import.ts',
        '--communes',
        join('tests/fixtures/import', 'communes-wgs84.geojson'),
        '--associations',
        rna,
        '--out',
        out,
        '--quiet',
      ],
      { encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    const lieux = tableFromIPC(readFileSync(join(out, 'lieux.arrow')));
    expect(lieux.getChild('libelle')?.toArray()).toEqual(['8 rue des Glycines']);
    expect(readFileSync(join(out, 'lieux.arrow')).toString('latin1')).not.toMatch(/Volubilis/i);
  });
});
