/*
 * Defects a review of the importer found (issue 9), each reproduced on a small file with the
 * outcome it must have now: personal data never copied, no double count, no destroyed
 * identifier, bounded work on absurd rows, a header that lost a column refused.
 */
import { describe, expect, it } from 'vitest';

import { ImportError } from '../../../src/import/report.ts';
import { textFile } from '../../support/import-fixtures.ts';
import { runGrants, runRna } from '../../support/import-runs.ts';

const RNA_HEADER =
  'id;id_ex;siret;rup_mi;gestion;date_creat;date_decla;date_publi;date_disso;nature;groupement;titre;titre_court;objet;objet_social1;objet_social2;adrs_complement;adrs_numvoie;adrs_repetition;adrs_typevoie;adrs_libvoie;adrs_distrib;adrs_codeinsee;adrs_codepostal;adrs_libcommune;adrg_declarant;adrg_complemid;adrg_complemgeo;adrg_libvoie;adrg_distrib;adrg_codepostal;adrg_achemine;adrg_pays;dir_civilite;siteweb;publiweb;observation;position;maj_time';
/** A full `rna_waldec` row whose management address, declarant and director are a person's. */
const personalRow = (id: string, insee: string, position = 'A') =>
  [
    id,
    '',
    '',
    '',
    '011S',
    '2010-05-12',
    '',
    '',
    '',
    'D',
    'S',
    'CLUB',
    '',
    'objet',
    '011000',
    '',
    '',
    '3',
    '',
    'RUE',
    'DES LILAS',
    '',
    insee,
    '01300',
    'ARBOYS',
    'Jean DUPONT',
    '',
    '',
    '12 rue des Lilas',
    '',
    '01300',
    'ARBOYS',
    'FRANCE',
    'M',
    'perso.example',
    'N',
    'tél 0601020304',
    position,
    '2025-01-01 00:00:00',
  ].join(';');

describe('the rows to fix never carry personal data', () => {
  it('gives back only the RNA columns the import reads, not the declarant, address, civility or phone', async () => {
    const text = `${RNA_HEADER}\n${personalRow('W011000001', '01015')}\n${personalRow('W011000002', '01999')}\n${personalRow('W011000003', '01015', 'X')}\n`;
    const { report, rejected } = await runRna(textFile('rna.csv', text), ['01015']);
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([3, 1, 2]);
    const lines = rejected.split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffligne;motifs;id;id_ex;siret;date_creat;date_decla;date_publi;date_disso;groupement;titre;titre_court;objet_social1;adrs_codeinsee;adrs_codepostal;adrs_libcommune;position',
    );
    expect(lines.slice(1, 3).map((l) => l.split(';')[0])).toEqual(['3', '4']);
    for (const personal of ['DUPONT', 'Lilas', '0601020304', 'perso.example', ';M;'])
      expect(rejected).not.toContain(personal);
  });

  it('blanks the social security number and name of a grant to a person in the rows to fix', async () => {
    const text =
      'Année;Bénéficiaire;SIRET ou NIR;Montant\n2020;Jeanne MARTIN;2 84 05 75 123 456 78;500\n2020;Club;;200\n';
    const { report, rejected } = await runGrants(textFile('liste.csv', text));
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([2, 1, 1]);
    expect(rejected.split('\r\n')[1]).toBe(
      '2;idBeneficiaire : numéro de sécurité sociale (NIR) : aide à une personne physique : non reprise (données personnelles) (identifier-invalid);2020;;;500',
    );
    expect(rejected).not.toContain('MARTIN');
  });
});

describe('amounts', () => {
  it('does not count a total column on top of the amounts per kind it sums', async () => {
    const text = [
      'Année;Bénéficiaire;Montant fonctionnement;Montant investissement;Montant total',
      '2020;Club;1000;500;1500',
      '2020;Chorale;;;700',
      '2020;Judo;300;;400',
    ].join('\n');
    const { rows, report } = await runGrants(textFile('totaux.csv', `${text}\n`));
    expect(rows.map((g) => [g.nomBeneficiaire, g.montant, g.objet])).toEqual([
      ['Club', 1000, 'subvention de fonctionnement'],
      ['Club', 500, 'subvention d’investissement'],
      ['Chorale', 700, null],
      ['Judo', 300, 'subvention de fonctionnement'],
    ]);
    expect(report.warnings.filter((w) => w.field === 'montant').map((w) => [w.row, w.message_fr])).toEqual([
      [4, 'total 400 ≠ somme des montants par nature 300 : montants par nature retenus, total ignoré'],
    ]);
  });

  it('reads « EUR 2000 » and « 1.500 » as amounts, without touching the column before', async () => {
    const text =
      'Année;rnaBeneficiaire;Bénéficiaire;Montant\n2020;W011000001;Club;EUR 2000\n2020;W011000002;Judo;1.500\n';
    const { rows, report } = await runGrants(textFile('euros.csv', text));
    expect(rows.map((g) => [g.rnaBeneficiaire, g.montant])).toEqual([
      ['W011000001', 2000],
      ['W011000002', 1500],
    ]);
    expect(report.warnings.filter((w) => w.field === 'montant').map((w) => w.message_fr)).toEqual([
      '« EUR 2000 » lu 2000',
      '« 1.500 » lu 1500 (point séparateur de milliers)',
    ]);
  });

  it('gives the letter of a name cut at a fixed width back to the name, and nothing else', async () => {
    const text = 'Année;Bénéficiaire;CP;Ville;Montant\n2020;COMITE DE BADM;M72000;LE MANS;100\n';
    const { rows } = await runGrants(textFile('pdf.csv', text));
    expect(rows.map((g) => g.nomBeneficiaire)).toEqual(['COMITE DE BADMM']);
  });
});

describe('rows and headers that realigning must not « repair »', () => {
  it('rejects a row far wider than its header at once, rather than searching for minutes', async () => {
    const header =
      'nomAttribuant;referenceDecision;nomBeneficiaire;objet;conditionsVersement;dispositifAide;idAttribuant;dateConvention;montant';
    const good = 'Dept;D1;Club;Objet;unique;;22490001900015;2024-01-01;100';
    const wide = `${'x;'.repeat(600)}x`;
    const { report } = await runGrants(textFile('large.csv', `${header}\n${good}\n${wide}\n`));
    expect(report.rejected.map((r) => [r.row, r.reasons[0]?.message_fr])).toEqual([
      [3, '601 champs pour 9 colonnes, trop pour être recollés'],
    ]);
  });

  it('stops when a header lost a column: realigning would glue a SIRET into a name', async () => {
    const header = 'nomAttribuant;dateConvention;nomBeneficiaire;idBeneficiaire;objet;montant;nature';
    const rows = [1, 2, 3].map(
      (i) => `Dept;22490001900015;2024-01-0${i};Club ${i};82212742900014;Objet;100;aide en numéraire`,
    );
    await expect(runGrants(textFile('decale.csv', `${header}\n${rows.join('\n')}\n`))).rejects.toThrow(
      ImportError,
    );
    await expect(runGrants(textFile('decale.csv', `${header}\n${rows.join('\n')}\n`))).rejects.toThrow(
      'decale.csv, ligne 1 : l’en-tête compte 7 colonnes mais chacune des 3 lignes en a 8, et les recoller mettrait un SIRET ou une date dans un texte : un titre de colonne manque dans l’en-tête — corrigez l’en-tête puis importez de nouveau',
    );
  });
});

describe('RNA values a spreadsheet re-saved', () => {
  it('reads day/month/year dates, codes that lost their leading zero, and says so', async () => {
    const text =
      'id;titre;position;adrs_codeinsee;date_creat;objet_social1\nW011000001;Club;A;1015;15/03/2010;11000\nW011000002;Judo;A;01015;2010-13-45;011000\n';
    const { rows, report } = await runRna(textFile('rna.csv', text), ['01015']);
    expect(rows.map((r) => [r.id, r.commune_code, r.date_creation, r.waldec_code])).toEqual([
      ['W011000001', '01015', '2010-03-15', '011000'],
      ['W011000002', '01015', null, '011000'],
    ]);
    expect(report.warnings.map((w) => [w.row, w.field, w.message_fr])).toEqual([
      [1, 'siret', 'colonne absente de l’en-tête (valeur vide pour chaque ligne)'],
      [1, 'groupement', 'colonne absente de l’en-tête (valeur vide pour chaque ligne)'],
      [2, 'adrs_codeinsee', 'code 1015 lu 01015 (zéro initial perdu)'],
      [2, 'objet_social1', 'objet social « 11000 » lu 011000 (zéro initial perdu)'],
      [2, 'date_creat', 'date « 15/03/2010 » lue 2010-03-15'],
      [3, 'date_creat', 'date « 2010-13-45 » illisible : non reprise'],
    ]);
  });

  it('rejects a shifted row for its width alone, not for every value that moved', async () => {
    const text =
      'id;titre;position;adrs_codeinsee\nW011000001;Club;A;01015\nW011000002;Judo;en trop;A;01015\n';
    const { report } = await runRna(textFile('rna.csv', text), ['01015']);
    expect(report.rejected.map((r) => [r.row, r.reasons.map((i) => i.code)])).toEqual([
      [3, ['extra-cell-error']],
    ]);
  });
});
