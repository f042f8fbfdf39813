/*
 * Files whose structure is sound but whose content is not: what Symbiose needs decides each
 * row's fate, implausible values are said, and a file that gives nothing stops the import.
 */
import { describe, expect, it } from 'vitest';

import { NothingKeptError } from '../../../src/import/table-checks.ts';
import { textFile } from '../../support/import-fixtures.ts';
import { runExchanges, runGrants, runRna } from '../../support/import-runs.ts';

const RNA = 'id;titre;position;adrs_codeinsee;date_creat;date_disso';

describe('a file of which no row is kept', () => {
  const file = () =>
    textFile(
      'rna_autre.csv',
      `${RNA}\nW751000001;A;A;75056;;\nW751000002;B;A;75056;;\nW131000003;C;A;13055;;\nW011999999;D;A;01999;;\n`,
    );

  it('stops the import with its three most frequent reasons, and writes nothing', async () => {
    const attempt = runRna(file(), ['01015']);
    await expect(attempt).rejects.toThrow(NothingKeptError);
    await expect(runRna(file(), ['01015'])).rejects.toThrow(
      'rna_autre.csv : aucune de ses 4 lignes n’est gardée — motifs les plus fréquents : 3 siège(s) hors des communes importées (colonne « adrs_codeinsee »), ex. ligne 2 : siège à Paris (75056), hors des communes importées (outside-territory) ; 1 commune(s) inconnue(s) du code officiel géographique (colonne « adrs_codeinsee »), ex. ligne 5 : code commune 01999 inconnu du COG (@etalab/decoupage-administratif 6.0.0) (commune-unknown). Corrigez le fichier (ou, en ligne de commande, acceptez-le vide avec --allow-empty)',
    );
  });

  it('is accepted empty with --allow-empty, every row still accounted for', async () => {
    const { report } = await runRna(file(), ['01015'], { allowEmpty: true });
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([4, 0, 4]);
  });
});

describe('a header that lost a column every row still carries', () => {
  it('stops the import, saying so, instead of shifting every value', async () => {
    const rows = ['W011000001;01;Club;A;01015', 'W011000002;02;Judo;A;01015'];
    await expect(
      runRna(textFile('rna.csv', `id;titre;position;adrs_codeinsee\n${rows.join('\n')}\n`), ['01015']),
    ).rejects.toThrow(
      'rna.csv, ligne 1 : l’en-tête compte 4 colonnes mais chacune des 2 lignes en a 5 : un titre de colonne manque dans l’en-tête (décalage de toutes les valeurs) — corrigez l’en-tête puis importez de nouveau',
    );
  });
});

describe('a column the standard requires but Symbiose does not use', () => {
  it('keeps every row when `objet` is empty throughout, with one warning for the column', async () => {
    const header =
      'nomAttribuant;idAttribuant;dateConvention;nomBeneficiaire;idBeneficiaire;objet;montant;nature';
    const lines = Array.from(
      { length: 300 },
      (_, i) =>
        `Département;22490001900015;2024-01-${String((i % 28) + 1).padStart(2, '0')};Club ${i};;;${100 + i};aide en numéraire`,
    );
    const { report, rows } = await runGrants(
      textFile('sans-objet.csv', `${[header, ...lines].join('\n')}\n`),
    );
    expect([report.rowsRead, report.rowsKept, report.rowsRejected, rows.length]).toEqual([300, 300, 0, 300]);
    expect(
      report.summary
        .filter((s) => s.code === 'unused-column-empty')
        .map((s) => [s.count, s.field, s.example]),
    ).toEqual([
      [
        1,
        'objet',
        {
          row: 2,
          message_fr:
            'colonne « objet » vide sur 300 ligne(s) sur 300 : exigée par le standard, non utilisée par Symbiose — lignes gardées',
        },
      ],
    ]);
    expect(rows.every((g) => g.objet === null)).toBe(true);
  });
});

describe('identifiers, names and dates the register cannot hold', () => {
  const long = `W${'1'.repeat(9999)}`;
  const text = [
    `${RNA}`,
    'W011000001;Futur;A;01015;2099-01-01;',
    'W011000002;Dissoute hier;A;01015;2001-01-01;1900-01-01',
    '<b>W011000003</b>;Balise;A;01015;;',
    `${long};Long;A;01015;;`,
    '\ufeffW011000005;Marque glissée;A;01015;2010-05-01;',
    'W011000006;<script>alert(1)</script>;D;01015;2001-01-01;1999-01-01',
  ].join('\n');

  it('rejects markup and overlong identifiers, strips an invisible mark glued to one', async () => {
    const { report, rows } = await runRna(textFile('rna.csv', `${text}\n`), ['01015']);
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([6, 4, 2]);
    expect(report.rejected.map((r) => [r.row, r.reasons.map((i) => [i.code, i.message_fr])])).toEqual([
      [
        4,
        [
          [
            'identifier-invalid',
            'identifiant « <b>W011000003</b> » (17 caractères) : W suivi de 9 chiffres attendu',
          ],
        ],
      ],
      [
        5,
        [
          [
            'identifier-invalid',
            `identifiant « ${long.slice(0, 40)}… » (10000 caractères) : W suivi de 9 chiffres attendu`,
          ],
        ],
      ],
    ]);
    expect(rows.map((r) => r.id)).toEqual(['W011000001', 'W011000002', 'W011000005', 'W011000006']);
    expect(report.summary.find((s) => s.code === 'invisible-character')?.example).toEqual({
      row: 6,
      message_fr:
        '1 caractère(s) invisible(s) retiré(s) (marque d’ordre d’octets, espace de largeur nulle, marque de direction) — colonne « id », d’abord ligne 6',
    });
  });

  it('drops a creation in the future and a dissolution on an active or before its creation, saying why', async () => {
    const { report, rows } = await runRna(textFile('rna.csv', `${text}\n`), ['01015']);
    expect(rows.map((r) => [r.id, r.date_creation, r.date_dissolution])).toEqual([
      ['W011000001', null, null],
      ['W011000002', '2001-01-01', null],
      ['W011000005', '2010-05-01', null],
      ['W011000006', '2001-01-01', null],
    ]);
    expect(
      report.warnings.filter((w) => w.code === 'date-implausible').map((w) => [w.row, w.message_fr]),
    ).toEqual([
      [2, 'date_creat 2099-01-01 : postérieure à la date du jour (2026-11-26) — date non reprise'],
      [3, 'date_disso 1900-01-01 : dissolution d’une association active (position A) — date non reprise'],
      [7, 'date_disso 1999-01-01 : antérieure à la création (2001-01-01) — date non reprise'],
    ]);
    // Names are data: markup in them stays text, never run.
    expect(rows[3]?.nom).toBe('<script>alert(1)</script>');
  });
});

describe('exchanges that cannot be right', () => {
  const header =
    'id_echange,date_debut,date_fin,fournisseur_rna,fournisseur_siret,beneficiaire_rna,beneficiaire_siret,fournisseur_commune,beneficiaire_commune,type_ressource,categorie_bien,modalite,libelle,quantite,unite,surface_m2,duree_heures,masse_kg,distance_km,mode_transport,heures_benevoles,etp_partages,beneficiaires,valeur_marche_eur,contrepartie_eur,aurait_achete,recurrent,statut_donnee,source,consentement_publication';
  const row = (id: string, date: string, from: string, to: string, quantite: string, beneficiaires: string) =>
    `${id},${date},,${from},,${to},,,,materiel,,pret,Prêt,${quantite},unite,,,,,,,,${beneficiaires},,,,non,declare,,oui`;
  const associations = ['W011000001', 'W011000002'].map((id) => ({
    id,
    siret: null,
    nom: id,
    commune_code: '01015',
  }));
  const file = () =>
    textFile(
      'echanges.csv',
      `${[
        header,
        row('E1', '2024-03-01', 'W011000001', 'W011000002', '10', '3000000000'),
        row('E2', '2024-03-02', 'W011000001', 'W011000002', `1${'0'.repeat(300)}`, ''),
        row('E3', '2024-03-03', 'W011000001', 'W011000001', '2', ''),
        row('E4', '1850-06-01', 'W011000001', 'W011000002', '2', ''),
        row('E5', '2024-03-05', 'W011000001', 'W011000002', '150000', ''),
        row('E6', '2024-03-06', 'W011000002', 'W011000001', '4', '12'),
      ].join('\n')}\n`,
    );

  it('rejects values beyond what the type or the world allows, an exchange with itself and a date of 1850', async () => {
    const { report, rows, dates } = await runExchanges(file(), associations);
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([6, 2, 4]);
    expect(
      report.rejected.map((r) => [r.row, r.reasons.map((i) => [i.field, i.code, i.message_fr])]),
    ).toEqual([
      [2, [['beneficiaires', 'constraint-error', 'valeur supérieure au maximum 100000000']]],
      [3, [['quantite', 'constraint-error', 'valeur supérieure au maximum 1000000000']]],
      [4, [['beneficiaire_rna', 'self-exchange', 'échange de l’association W011000001 avec elle-même']]],
      [
        5,
        [
          [
            'date_debut',
            'date-implausible',
            'date 1850-06-01 hors de 2000-01-01 – 2027-11-26 : erreur de saisie probable',
          ],
        ],
      ],
    ]);
    expect(rows.map((e) => [e.id_echange, e.quantite, e.beneficiaires])).toEqual([
      ['E5', 150000, null],
      ['E6', 4, 12],
    ]);
    // The period is not stretched to 1850 by a rejected row.
    expect(dates.ends()).toEqual({ first: '2024-03-05', last: '2024-03-06' });
  });

  it('keeps an unusual but possible value, with a warning to check it', async () => {
    const { report } = await runExchanges(file(), associations);
    expect(
      report.warnings.filter((w) => w.code === 'value-implausible').map((w) => [w.row, w.message_fr]),
    ).toEqual([
      [6, 'quantite = 150000 : au-delà de 100\u202f000, inhabituel pour un seul échange — gardé, à vérifier'],
    ]);
  });
});

describe('overseas and Alsace-Moselle', () => {
  const file = () =>
    textFile(
      'rna.csv',
      `${[
        'id;titre;position;adrs_codeinsee',
        'W974000001;Réunion;A;97411',
        'W976000002;Mayotte;A;97611',
        'W975000003;Saint-Pierre;A;97502',
        'W977000004;Code inconnu;A;97799',
        'W986000005;Wallis inconnu;A;98699',
        'W672000006;Strasbourg;A;67482',
      ].join('\n')}\n`,
    );

  it('keeps overseas départements, names an unknown code of an overseas collectivity, explains Alsace-Moselle', async () => {
    const { report, rows } = await runRna(file(), ['97411', '97611', '67482']);
    expect(rows.map((r) => [r.id, r.commune_code])).toEqual([
      ['W974000001', '97411'],
      ['W976000002', '97611'],
      ['W672000006', '67482'],
    ]);
    expect(report.rejected.map((r) => [r.row, r.reasons.map((i) => [i.code, i.message_fr])])).toEqual([
      [4, [['outside-territory', 'siège à Saint-Pierre (97502), hors des communes importées']]],
      [
        5,
        [
          [
            'overseas-collectivity',
            'code 97799 : Saint-Barthélemy est une collectivité d’outre-mer dont le COG (@etalab/decoupage-administratif 6.0.0) ne connaît pas ce code — vérifiez-le (ses communes : 977xx)',
          ],
        ],
      ],
      [
        6,
        [
          [
            'overseas-collectivity',
            'code 98699 : Wallis et Futuna est une collectivité d’outre-mer dont le COG (@etalab/decoupage-administratif 6.0.0) ne connaît pas ce code — vérifiez-le (ses communes : 986xx)',
          ],
        ],
      ],
    ]);
    expect(report.warnings.filter((w) => w.code === 'local-law-register').map((w) => w.message_fr)).toEqual([
      'Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle) — 1 siège(s) dans ce fichier : les associations de droit local y sont inscrites au registre des associations du tribunal judiciaire, pas au RNA ; ce fichier n’en contient donc qu’une partie (celles qui ont aussi un numéro RNA). Les chiffres par habitant y sont sous-estimés.',
    ]);
  });
});
