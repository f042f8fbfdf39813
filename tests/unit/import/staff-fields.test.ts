/*
 * A staff loan giving its amount twice — `quantite` in FTE-months and `etp_partages` over its
 * dates — is kept, with a warning when the two differ by more than 10 % of the larger.
 */
import { describe, expect, it } from 'vitest';

import { issueSentence } from '../../../src/import/issue-text.ts';
import { textFile } from '../../support/import-fixtures.ts';
import { runExchanges } from '../../support/import-runs.ts';

const HEADER =
  'id_echange,date_debut,date_fin,fournisseur_rna,beneficiaire_rna,type_ressource,modalite,libelle,quantite,unite,etp_partages,statut_donnee,consentement_publication';
const staff = (
  id: string,
  from: string,
  to: string,
  quantite: string,
  fte: string,
  receiver = 'W011000002',
) =>
  `${id},${from},${to},W011000001,${receiver},personnel,mise_a_disposition,Salarié ${id},${quantite},etp_mois,${fte},declare,oui`;
const ASSOCIATIONS = ['W011000001', 'W011000002'].map((id) => ({
  id,
  siret: null,
  nom: id,
  commune_code: '01015',
}));

const file = () =>
  textFile(
    'personnel.csv',
    `${[
      HEADER,
      // 366 days (2024 is a leap year) = 366 ÷ 30.4375 = 12.0246 months; × 0.5 FTE = 6.0123 FTE-months,
      // against 12 declared: 5.99 apart, more than 10 % of 12 (1.2): warned.
      staff('S1', '2024-01-01', '2024-12-31', '12', '0.5'),
      // Same dates and FTE, 6 declared: 0.0123 apart, within 10 % of 6.0123 (0.60): not warned.
      staff('S2', '2024-01-01', '2024-12-31', '6', '0.5'),
      // FTE-months only: nothing to compare.
      staff('S3', '2024-03-01', '2024-06-30', '4', ''),
      // No end date: the shared FTE has no duration to compare with.
      staff('S4', '2024-03-01', '', '12', '0.5'),
      // As contradictory as S1, but rejected (unknown receiver): no warning for a row not kept.
      staff('S5', '2024-01-01', '2024-12-31', '12', '0.5', 'W019999999'),
    ].join('\n')}\n`,
  );

describe('contradictory staff fields', () => {
  it('keeps the contradictory row, warns once naming line, id, both values and the one used', async () => {
    const { report, rows } = await runExchanges(file(), ASSOCIATIONS);
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([5, 4, 1]);
    expect(report.rowsRead).toBe(report.rowsKept + report.rowsRejected);
    expect(rows.map((r) => [r.id_echange, r.quantite, r.etp_partages])).toEqual([
      ['S1', 12, 0.5],
      ['S2', 6, 0.5],
      ['S3', 4, null],
      ['S4', 12, 0.5],
    ]);
    expect(report.file).toBe('personnel.csv');
    expect(report.warnings.filter((w) => w.code === 'staff-mismatch')).toEqual([
      {
        row: 2,
        field: 'etp_partages',
        code: 'staff-mismatch',
        message_fr:
          'échange S1 : quantite = 12 ETP-mois mais etp_partages × durée = 0,5 × 12,02 mois (2024-01-01 – 2024-12-31) = 6,01 ETP-mois, écart de plus de 10 % — la méthode retient quantite (12 ETP-mois) ; gardé, à vérifier',
      },
    ]);
    expect(report.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => i.code)])).toEqual([
      [6, 'S5', ['association-unknown']],
    ]);
  });

  it('counts the warning in the report’s summary, said in French and English', async () => {
    const { report } = await runExchanges(file(), ASSOCIATIONS);
    const summary = report.summary.filter((s) => s.code === 'staff-mismatch');
    expect(summary.map((s) => [s.severity, s.field, s.count, s.example.row])).toEqual([
      ['avertissement', 'etp_partages', 1, 2],
    ]);
    const [entry] = summary;
    if (!entry) throw new Error('no staff-mismatch summary');
    const n = (value: number) => String(value);
    expect(issueSentence(entry, 'fr', n)).toBe(
      '1 échange(s) de personnel dont les ETP-mois et les ETP partagés × durée diffèrent de plus de 10 % (colonne « etp_partages »), ex. ligne 2 : échange S1 : quantite = 12 ETP-mois mais etp_partages × durée = 0,5 × 12,02 mois (2024-01-01 – 2024-12-31) = 6,01 ETP-mois, écart de plus de 10 % — la méthode retient quantite (12 ETP-mois) ; gardé, à vérifier',
    );
    // The example's own message stays in French (it quotes the file).
    expect(issueSentence(entry, 'en', n)).toBe(
      '1 staff exchange(s) whose FTE-months and shared FTE × duration differ by more than 10% (column « etp_partages »), e.g. line 2 : échange S1 : quantite = 12 ETP-mois mais etp_partages × durée = 0,5 × 12,02 mois (2024-01-01 – 2024-12-31) = 6,01 ETP-mois, écart de plus de 10 % — la méthode retient quantite (12 ETP-mois) ; gardé, à vérifier',
    );
  });
});

describe('quality tiers (statut_donnee)', () => {
  const row = (id: string, status: string) =>
    `${id},2024-05-0${id.slice(1)},,W011000001,W011000002,materiel,pret,Prêt ${id},2,unite,,${status},oui`;

  it('keeps declare, confirme and verifie — a file with the two older values imports as before', async () => {
    const text = [
      HEADER,
      row('Q1', 'declare'),
      row('Q2', 'confirme'),
      row('Q3', 'verifie'),
      row('Q4', 'valide'),
    ];
    const { report, rows } = await runExchanges(
      textFile('statuts.csv', `${text.join('\n')}\n`),
      ASSOCIATIONS,
    );
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([4, 3, 1]);
    expect(rows.map((r) => [r.id_echange, r.statut_donnee])).toEqual([
      ['Q1', 'declare'],
      ['Q2', 'confirme'],
      ['Q3', 'verifie'],
    ]);
    expect(report.rejected.map((r) => r.reasons.map((i) => [r.row, i.field, i.code, i.message_fr]))).toEqual([
      [[5, 'statut_donnee', 'constraint-error', 'valeur hors de la liste : declare, confirme, verifie']],
    ]);
  });
});
