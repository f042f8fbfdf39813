/*
 * Classes of damage to a CSV file's text, each written here as a small file, with the exact
 * outcome: every row read is kept or rejected with a reason, and every physical line counted.
 */
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { ImportError } from '../../../src/import/report.ts';
import { readTextFile } from '../../../src/import/text-file.ts';
import { textFile } from '../../support/import-fixtures.ts';
import { runExchanges, runGrants, runRna } from '../../support/import-runs.ts';

const HEADER = 'id;titre;position;adrs_codeinsee';
const rows = (count: number, from = 1) =>
  Array.from(
    { length: count },
    (_, i) => `W0110000${String(from + i).padStart(2, '0')};Club ${from + i};A;01015`,
  );

describe('line ends', () => {
  it('reads CR-only line ends (old Mac exports): 11 rows, not one', async () => {
    const { report, rows: kept } = await runRna(textFile('cr.csv', [HEADER, ...rows(11)].join('\r') + '\r'), [
      '01015',
    ]);
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([11, 11, 0]);
    expect(report.lines).toMatchObject({
      physical: 12,
      header: 1,
      records: 11,
      recordLines: 11,
      lineEnds: { LF: 0, CRLF: 0, CR: 12 },
    });
    expect(kept.map((r) => r.nom).slice(-1)).toEqual(['Club 11']);
  });

  it('ends a line at a lone CR in an LF file: 11 rows, none fused, the CR counted', async () => {
    const lines = [HEADER, ...rows(11)];
    const text = `${lines.slice(0, 4).join('\n')}\r${lines.slice(4).join('\n')}\n`;
    const { report, rows: kept } = await runRna(textFile('cr-isole.csv', text), ['01015']);
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([11, 11, 0]);
    expect(report.lines).toMatchObject({
      physical: 12,
      records: 11,
      recordLines: 11,
      lineEnds: { LF: 11, CRLF: 0, CR: 1 },
    });
    expect(kept.map((r) => r.nom).slice(2, 4)).toEqual(['Club 3', 'Club 4']);
  });

  it('reads a CRLF header over LF rows: 10 rows, each line end counted', async () => {
    const { report } = await runRna(textFile('mixte.csv', `${HEADER}\r\n${rows(10).join('\n')}\n`), [
      '01015',
    ]);
    expect([report.rowsRead, report.rowsKept]).toEqual([10, 10]);
    expect(report.lines?.lineEnds).toEqual({ LF: 10, CRLF: 1, CR: 0 });
  });
});

describe('quotes', () => {
  it('keeps the 10 rows after a missing closing quote, the quote read as a character', async () => {
    const lines = rows(11);
    lines[4] = 'W011000005;"Club 5;A;01015';
    const { report, rows: kept } = await runRna(
      textFile('guillemet.csv', `${[HEADER, ...lines].join('\n')}\n`),
      ['01015'],
    );
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([11, 11, 0]);
    expect(kept[4]?.nom).toBe('"Club 5');
    expect(
      report.warnings.filter((w) => w.code === 'unclosed-quote').map((w) => [w.row, w.message_fr]),
    ).toEqual([
      [
        6,
        'guillemet ouvert ligne 6 jamais refermé : il aurait avalé 6 ligne(s) de plus ; chaque ligne est relue seule, le guillemet lu comme un caractère',
      ],
    ]);
  });

  it('reads every row of an exchanges file with one unclosed quote in a label', async () => {
    const header =
      'id_echange,date_debut,date_fin,fournisseur_rna,fournisseur_siret,beneficiaire_rna,beneficiaire_siret,fournisseur_commune,beneficiaire_commune,type_ressource,categorie_bien,modalite,libelle,quantite,unite,surface_m2,duree_heures,masse_kg,distance_km,mode_transport,heures_benevoles,etp_partages,beneficiaires,valeur_marche_eur,contrepartie_eur,aurait_achete,recurrent,statut_donnee,source,consentement_publication';
    const row = (i: number, label: string) =>
      `E${i},2024-03-${String(i).padStart(2, '0')},,W011000001,,W011000002,,,,materiel,,pret,${label},1,unite,,,,,,,,,,,,non,declare,,oui`;
    const lines = Array.from({ length: 11 }, (_, i) =>
      row(i + 1, i === 2 ? '"Prêt de chaises' : `Prêt ${i + 1}`),
    );
    const associations = ['W011000001', 'W011000002'].map((id) => ({
      id,
      siret: null,
      nom: id,
      commune_code: '01015',
    }));
    const { report, rows: kept } = await runExchanges(
      textFile('echanges.csv', `${[header, ...lines].join('\n')}\n`),
      associations,
    );
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([11, 11, 0]);
    expect(kept[2]?.libelle).toBe('"Prêt de chaises');
    expect(report.summary.find((s) => s.code === 'unclosed-quote')?.example.row).toBe(4);
  });

  it('splits back records a spreadsheet wrapped in quotes, alone or several in one cell', async () => {
    const list = ['Année;Bénéficiaire;Montant'];
    for (let i = 1; i <= 10; i++) list.push(`2020;Club ${i};${i}00`);
    list.push('"2020;Club ""Les Amis"";1 100"');
    list.push('"2020;Club 12;1200', '2020;Club 13;1300', '2020;Club 14;1400"');
    for (let i = 15; i <= 20; i++) list.push(`2020;Club ${i};${i}00`);
    const { report, rows: grants } = await runGrants(textFile('liste.csv', `${list.join('\r\n')}\r\n`));
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([20, 20, 0]);
    expect(report.lines).toMatchObject({ physical: 21, header: 1, blank: 0, records: 20, recordLines: 20 });
    expect(grants.map((g) => g.nomBeneficiaire).slice(9, 14)).toEqual([
      'Club 10',
      'Club "Les Amis"',
      'Club 12',
      'Club 13',
      'Club 14',
    ]);
    expect(grants.map((g) => g.montant).slice(10, 14)).toEqual([1100, 1200, 1300, 1400]);
    expect(
      report.warnings.filter((w) => w.code === 'record-unwrapped').map((w) => [w.row, w.message_fr]),
    ).toEqual([
      [12, 'enregistrement entier entre guillemets (export de tableur) : recoupé en 3 champs'],
      [
        13,
        '3 enregistrements enfermés dans un seul champ entre guillemets (export de tableur) : séparés et recoupés en 3 champs',
      ],
      [
        14,
        '3 enregistrements enfermés dans un seul champ entre guillemets (export de tableur) : séparés et recoupés en 3 champs',
      ],
      [
        15,
        '3 enregistrements enfermés dans un seul champ entre guillemets (export de tableur) : séparés et recoupés en 3 champs',
      ],
    ]);
  });
});

describe('separators at the end of lines', () => {
  it('reads rows ending with a separator the header lacks, and a header ending with one the rows lack', async () => {
    const trailing = await runRna(textFile('fin.csv', `${HEADER}\n${rows(10).join(';\n')};\n`), ['01015']);
    expect([
      trailing.report.rowsKept,
      trailing.report.notes['cellules vides en fin de ligne ignorées'],
    ]).toEqual([10, 10]);
    const header = await runRna(textFile('entete.csv', `${HEADER};\n${rows(10).join('\n')}\n`), ['01015']);
    expect([
      header.report.rowsKept,
      header.report.notes['colonnes sans titre en fin d’en-tête ignorées'],
    ]).toEqual([10, 1]);
  });

  it('keeps a row whose cells past the header hold text as it is: rejected for its width', async () => {
    const lines = rows(10);
    lines[2] = `${lines[2]};;note`;
    const { report } = await runRna(textFile('note.csv', `${HEADER}\n${lines.join('\n')}\n`), ['01015']);
    expect([report.rowsKept, report.rowsRejected]).toEqual([9, 1]);
    expect(report.rejected.map((r) => [r.row, r.reasons[0]?.code])).toEqual([[4, 'extra-cell-error']]);
  });
});

describe('a title row above the header with an unclosed quote', () => {
  it('finds the header on line 2, the title on line 1, and reads every row after it', async () => {
    const lines = rows(10);
    lines[4] = 'W011000005;"Club ""Cinq""";A;01015';
    const text = `"Registre des associations de l'Ain\n${HEADER}\n${lines.join('\n')}\n`;
    const { report, rows: kept } = await runRna(textFile('titre.csv', text), ['01015']);
    expect([report.rowsRead, report.rowsKept, report.rowsRejected]).toEqual([10, 10, 0]);
    expect(report.lines).toMatchObject({
      physical: 12,
      title: 1,
      header: 1,
      blank: 0,
      records: 10,
      recordLines: 10,
    });
    expect(kept[4]?.nom).toBe('Club "Cinq"');
    expect(report.warnings.filter((w) => w.code === 'title-row').map((w) => [w.row, w.message_fr])).toEqual([
      [1, 'ligne de titre au-dessus de l’en-tête : « "Registre des associations de l\'Ain »'],
    ]);
  });
});

describe('encodings and containers', () => {
  it('reads a UTF-8 line with one cut sequence as UTF-8, the bad byte as « � », and warns', async () => {
    const lines = rows(10).map((r) => Buffer.from(`${r}\n`));
    // « COMITÉ DES FÊTES DE L'É… » cut after the first byte of its last « É ».
    lines[1] = Buffer.concat([
      Buffer.from('W011000002;COMITÉ DES FÊTES DE L'),
      Buffer.from([0xc3]),
      Buffer.from(';A;01015\n'),
    ]);
    const bytes = new Uint8Array(Buffer.concat([Buffer.from(`${HEADER}\n`), ...lines]));
    const { report, rows: kept } = await runRna(textFile('octet.csv', bytes), ['01015']);
    expect([report.encoding, report.rowsKept, kept[1]?.nom]).toEqual([
      'utf-8',
      10,
      'COMITÉ DES FÊTES DE L\ufffd',
    ]);
    expect(
      report.warnings.filter((w) => w.code === 'encoding-warn').map((w) => [w.row, w.message_fr]),
    ).toEqual([[3, '1 ligne(s) UTF-8 avec octet(s) invalide(s), remplacé(s) par « � », ex. ligne(s) 3']]);
  });

  it('names a damaged or truncated gzip file, also when the damage shows only while the rows stream', async () => {
    // Varied rows, so that what decompresses before the cut is far more than the first 64 KB.
    const body = Array.from(
      { length: 20_000 },
      (_, i) => `W${String(i * 7919).padStart(9, '0')};Club ${i * 104729};A;01015`,
    );
    const gz = new Uint8Array(gzipSync(`${[HEADER, ...body].join('\n')}\n`));
    const truncated = gz.subarray(0, gz.length >> 1);
    await expect(runRna(textFile('rna.csv.gz', truncated, 1 << 16), ['01015'])).rejects.toThrow(
      'rna.csv.gz : fichier gzip endommagé ou tronqué (Z_BUF_ERROR)',
    );
    const damaged = gz.slice();
    damaged.fill(0x41, 20, 120);
    await expect(runRna(textFile('rna.csv.gz', damaged), ['01015'])).rejects.toThrow(
      'rna.csv.gz : fichier gzip endommagé ou tronqué (Z_DATA_ERROR)',
    );
    await expect(readTextFile(textFile('communes.geojson.gz', truncated))).rejects.toThrow(
      'communes.geojson.gz : fichier gzip endommagé ou tronqué (Z_BUF_ERROR)',
    );
  });

  it('reads UTF-16 text (« Texte Unicode » exports) with tabs', async () => {
    const text = `${HEADER.replace(/;/g, '\t')}\r\n${rows(3)
      .map((r) => r.replace(/;/g, '\t'))
      .join('\r\n')}\r\n`;
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const { report } = await runRna(textFile('unicode.txt', bytes), ['01015']);
    expect([report.format, report.encoding, report.rowsKept]).toEqual([
      'RNA rna_waldec, CSV « tabulation »',
      'utf-16le avec BOM',
      3,
    ]);
  });

  it('reads a gzip-compressed CSV and says so', async () => {
    const gz = new Uint8Array(gzipSync(`${[HEADER, ...rows(4)].join('\n')}\n`));
    const { report } = await runRna(textFile('rna.csv.gz', gz), ['01015']);
    expect([report.format, report.rowsKept, report.lines?.physical]).toEqual([
      'RNA rna_waldec, CSV « ; », compressé gzip',
      4,
      5,
    ]);
  });

  it('names a ZIP archive, a PDF and a binary file given as CSV for what they are', async () => {
    // A ZIP local file header: version 20, name length 7 at offset 26, then the name.
    const zipHeader = new Uint8Array([
      0x50,
      0x4b,
      0x03,
      0x04,
      20,
      ...Array<number>(21).fill(0),
      7,
      0,
      0,
      0,
      ...Buffer.from('rna.csv'),
    ]);
    await expect(runRna(textFile('rna.csv', zipHeader), ['01015'])).rejects.toThrow(
      'rna.csv : archive ZIP (contient rna.csv) : décompressez-la et donnez les fichiers qu’elle contient — un fichier CSV ou un tableur (XLSX, ODS, XLS) est attendu',
    );
    await expect(runRna(textFile('rna.csv', '%PDF-1.7\n...'), ['01015'])).rejects.toThrow(
      'rna.csv : document PDF : exportez le tableau en CSV ou en tableur',
    );
    await expect(
      runRna(textFile('rna.csv', new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00])), ['01015']),
    ).rejects.toThrow(ImportError);
  });

  it('stops on an empty file and on a file with a header and no row, naming it', async () => {
    await expect(runRna(textFile('vide.csv', ''), ['01015'])).rejects.toThrow(
      'vide.csv : fichier vide (0 octet)',
    );
    await expect(runRna(textFile('entete.csv', `${HEADER}\n`), ['01015'])).rejects.toThrow(
      'entete.csv : aucune ligne de données après l’en-tête',
    );
  });
});
