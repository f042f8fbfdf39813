/*
 * The collection template, filled the way a spreadsheet program fills it (SheetJS: read the
 * generated file, set cells, write it back as XLSX and as ODS), then read by the importer: the
 * « Échanges » sheet is found behind the instructions, its French titles matched, its hint row
 * part of the header; the « Associations » sheet gives the associations asked, with their dates.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import type { ExchangeRow } from '../../../src/data/schema/index.ts';
import { buildExchangeTemplate } from '../../../src/kit/build-template.ts';
import { classifySource } from '../../../src/import/classify.ts';
import type { Cog } from '../../../src/import/cog.ts';
import { readSurveyedAssociations } from '../../../src/import/exchange-template.ts';
import { importExchanges } from '../../../src/import/schema-csv.ts';
import { sourceFromBytes } from '../../../src/import/source.ts';
import { officialCog } from '../../support/import-fixtures.ts';
import { ASSOCIATIONS, date, filled, index } from '../kit/fill-template.ts';

let cog: Cog;
beforeAll(async () => {
  cog = await officialCog();
});

async function readExchanges(name: string, bytes: Uint8Array, allowEmpty = false) {
  const rows: ExchangeRow[] = [];
  const { report } = await importExchanges(
    sourceFromBytes(name, bytes),
    { index, cog, today: '2026-11-26', allowEmpty },
    async (batch) => {
      rows.push(...batch);
    },
  );
  return { rows, report };
}

describe.each([
  ['xlsx', 'XLSX'],
  ['ods', 'ODS'],
] as const)('a template filled and saved as %s', (format, label) => {
  // 2024-02-01 is 45,292 + 31 = 45,323.
  const SURVEYED = { 2: ['oui', date(45323)], 3: ['oui', '2024-02-05'], 4: ['non', null] } as const;

  it('is recognised as an exchanges file, although it opens on its instructions', async () => {
    const bytes = await filled(format, SURVEYED);
    expect(await classifySource(sourceFromBytes(`reponse.${format}`, bytes))).toBe('exchanges');
    const blank = await buildExchangeTemplate({ territory: 'Test', associations: ASSOCIATIONS }, format);
    expect(await classifySource(sourceFromBytes(`modele.${format}`, blank))).toBe('exchanges');
  });

  it('imports its three exchanges exactly, from the « Échanges » sheet', async () => {
    const { rows, report } = await readExchanges(`reponse.${format}`, await filled(format, SURVEYED));
    expect(
      rows.map((r) => [
        r.id_echange,
        r.date_debut,
        r.date_fin,
        r.fournisseur_id,
        r.beneficiaire_id,
        r.fournisseur_commune,
        r.beneficiaire_commune,
        r.type_ressource,
        r.modalite,
        r.quantite,
        r.unite,
        r.masse_kg,
        r.distance_km,
        r.surface_m2,
        r.heures_benevoles,
        r.beneficiaires,
        r.aurait_achete,
        r.recurrent,
        r.statut_donnee,
        r.consentement_publication,
      ]),
    ).toEqual([
      [
        'E-001',
        '2024-05-18',
        '2024-05-20',
        'W901000001',
        'W901000002',
        '90010',
        '90001',
        'materiel',
        'pret',
        60,
        'unite',
        270,
        14.5,
        null,
        null,
        null,
        'oui',
        false,
        'declare',
        true,
      ],
      [
        'E-002',
        '2024-01-09',
        '2024-06-25',
        'W901000002',
        'W901000003',
        '90001',
        '90010',
        'locaux',
        'mise_a_disposition',
        48,
        'heure',
        null,
        null,
        45,
        null,
        null,
        null,
        true,
        'declare',
        false,
      ],
      [
        'E-003',
        '2024-03-04',
        null,
        'W901000003',
        'W901000001',
        '90010',
        '90010',
        'competences',
        null,
        12,
        'heure',
        null,
        null,
        null,
        12,
        40,
        null,
        null,
        'verifie',
        true,
      ],
    ]);
    expect(report.format).toBe(
      `Échanges associatifs (schéma du projet), ${label}, feuille « Échanges » (sur 4 feuilles)`,
    );
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([3, 3, 0]);
    expect(report.warnings).toEqual([]);
  });

  it('counts the hint row as part of the header: 5 rows = 2 of header + 3 exchanges', async () => {
    const { report } = await readExchanges(`reponse.${format}`, await filled(format, SURVEYED));
    expect(report.lines).toMatchObject({ physical: 5, title: 0, header: 2, blank: 0, records: 3 });
  });

  it('reads an unfilled template as no exchange at all, not as rejected rows', async () => {
    const blank = await buildExchangeTemplate({ territory: 'Test', associations: ASSOCIATIONS }, format);
    const { rows, report } = await readExchanges(`modele.${format}`, blank, true);
    expect([rows.length, report.rowsRead, report.rowsRejected]).toEqual([0, 0, 0]);
    expect(report.lines).toMatchObject({ physical: 2, header: 2, records: 0 });
  });

  it('lists the associations marked « Sollicitée » oui, with their date', async () => {
    const { surveyed, report } = await readSurveyedAssociations(
      sourceFromBytes(`reponse.${format}`, await filled(format, SURVEYED)),
    );
    expect(surveyed).toEqual([
      { id: 'W901000002', date: '2024-02-01' },
      { id: 'W901000001', date: '2024-02-05' },
    ]);
    expect(report.format).toBe(
      `Associations sollicitées (modèle d’échanges), ${label}, feuille « Associations » (sur 4 feuilles)`,
    );
    // Four associations: two asked, one not, one left empty; none unreadable.
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([4, 4, 0]);
    expect(report.notes).toMatchObject({ 'associations sollicitées': 2 });
  });

  it('rejects unreadable rows of the associations sheet with the reason, and keeps the others', async () => {
    const bytes = await filled(format, {
      2: ['oui', '2024-02-01'],
      3: ['peut-être', null],
      4: ['', '2024-03-01'],
      5: ['oui', '31/02/2024'],
    });
    const { surveyed, report } = await readSurveyedAssociations(sourceFromBytes(`reponse.${format}`, bytes));
    expect(surveyed).toEqual([{ id: 'W901000002', date: '2024-02-01' }]);
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([4, 1, 3]);
    expect(report.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => [i.field, i.code])])).toEqual([
      [3, 'W901000001', [['sollicitee', 'type-error']]],
      [4, 'W901000003', [['sollicitee', 'compare-columns-value']]],
      [5, 'W901000004', [['date_sollicitation', 'type-error']]],
    ]);
  });
});
