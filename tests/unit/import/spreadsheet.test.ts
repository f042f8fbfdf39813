import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

import * as XLSX from '@e965/xlsx';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it, onTestFinished, vi } from 'vitest';

import {
  isSpreadsheet,
  readSpreadsheet,
  SpreadsheetError,
  type SpreadsheetFormat,
  type SpreadsheetTable,
} from '../../../src/import/spreadsheet.ts';

type BookType = 'xlsx' | 'ods' | 'biff8' | 'xlsb';
type Cells = Readonly<Record<string, XLSX.CellObject>>;

/** The three formats the importer must read, with the SheetJS writer that produces each. */
const FORMATS: readonly (readonly [SpreadsheetFormat, BookType])[] = [
  ['XLSX', 'xlsx'],
  ['ODS', 'ods'],
  ['XLS', 'biff8'],
];

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A sheet from A1-addressed cells, its range spanning A1 to the last cell. */
function sheet(cells: Cells, merges: readonly string[] = []): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  const range = { s: { r: 0, c: 0 }, e: { r: 0, c: 0 } };
  for (const [address, cell] of Object.entries(cells)) {
    ws[address] = cell;
    const { r, c } = XLSX.utils.decode_cell(address);
    range.e = { r: Math.max(range.e.r, r), c: Math.max(range.e.c, c) };
  }
  ws['!ref'] = XLSX.utils.encode_range(range);
  if (merges.length > 0) ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  return ws;
}

/** Writes a workbook of the given sheets (in order) and returns its bytes; ZIP entries deflated on request. */
function write(
  bookType: BookType,
  sheets: Readonly<Record<string, XLSX.WorkSheet>>,
  date1904 = false,
  compression = false,
) {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  if (date1904) wb.Workbook = { WBProps: { date1904: true } };
  // The ODS writer logs (console.error) the format sections it drops; the reader is what is tested.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return new Uint8Array(XLSX.write(wb, { bookType, type: 'array', compression }) as ArrayBuffer);
  } finally {
    quiet.mockRestore();
  }
}

const read = (bookType: BookType, cells: Cells, merges: readonly string[] = []) =>
  readSpreadsheet(write(bookType, { Feuil1: sheet(cells, merges) }));

/** Cells of the row shown as `line`. */
const row = (table: SpreadsheetTable, line: number) => table.rows.find((r) => r.line === line)?.cells;

const crc32 = (data: Uint8Array) => {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
};

/** Little-endian integers of a ZIP record, each given as [value, width in bytes]. */
const le = (...parts: readonly (readonly [number, 2 | 4])[]) => {
  const bytes = new Uint8Array(parts.reduce((sum, [, width]) => sum + width, 0));
  const view = new DataView(bytes.buffer);
  parts.reduce((at, [value, width]) => {
    if (width === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    return at + width;
  }, 0);
  return bytes;
};

const concat = (parts: readonly Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
};

/** A ZIP archive of the given entries, stored uncompressed, in that order (hand-written headers). */
function zip(entries: Readonly<Record<string, string>>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  for (const [path, text] of Object.entries(entries)) {
    const [name, data] = [utf8(path), utf8(text)];
    const offset = locals.reduce((sum, part) => sum + part.length, 0);
    // flags + method, time + date, CRC-32, compressed and real sizes, name and extra lengths
    const common = concat([
      le([0, 4], [0, 4], [crc32(data), 4]),
      le([data.length, 4], [data.length, 4]),
      le([name.length, 2], [0, 2]),
    ]);
    locals.push(le([0x04034b50, 4], [20, 2]), common, name, data);
    // comment length, disk, internal and external attributes, offset of the local header
    centrals.push(
      le([0x02014b50, 4], [20, 2], [20, 2]),
      common,
      le([0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]),
      name,
    );
  }
  const [body, directory] = [concat(locals), concat(centrals)];
  const count = Object.keys(entries).length;
  const end = le(
    [0x06054b50, 4],
    [0, 4],
    [count, 2],
    [count, 2],
    [directory.length, 4],
    [body.length, 4],
    [0, 2],
  );
  return concat([body, directory, end]);
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
<manifest:file-entry manifest:full-path="/" manifest:media-type="${ODS_MIME}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"/>`;

/** An ODS laid out as LibreOffice writes it: `mimetype` first, dates as `office:date-value`. */
function libreOfficeOds(tableRows: string): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3">
<office:body><office:spreadsheet><table:table table:name="Feuille1">${tableRows}</table:table>
</office:spreadsheet></office:body></office:document-content>`;
  return zip({
    mimetype: ODS_MIME,
    'META-INF/manifest.xml': MANIFEST,
    'styles.xml': STYLES,
    'content.xml': content,
  });
}

describe.each(FORMATS)('readSpreadsheet on %s', (format, bookType) => {
  it('numbers rows as the sheet shows them: title on row 1, header on row 2, blank rows kept', () => {
    const table = read(bookType, {
      A1: { t: 's', v: 'Année : 2017' },
      A2: { t: 's', v: 'Association' },
      B2: { t: 's', v: 'Montant' },
      A3: { t: 's', v: 'Les Amis du Vieux Lyon' },
      B3: { t: 'n', v: 1500 },
      A5: { t: 's', v: 'Club de foot\nde Saint-Brieuc' },
      B5: { t: 'n', v: 250 },
    });
    expect(table.format).toBe(format);
    expect(table.sheet).toBe('Feuil1');
    expect(table.sheets).toEqual(['Feuil1']);
    expect(table.rows).toEqual([
      { line: 1, cells: ['Année : 2017'] },
      { line: 2, cells: ['Association', 'Montant'] },
      { line: 3, cells: ['Les Amis du Vieux Lyon', '1500'] },
      { line: 4, cells: [] },
      { line: 5, cells: ['Club de foot\nde Saint-Brieuc', '250'] },
    ]);
    expect(table.merges).toEqual([]);
    expect(table.notes).toEqual({});
  });

  it('starts at row 1 and column A even when the used range starts at C3', () => {
    const ws: XLSX.WorkSheet = { C3: { t: 's', v: 'x' }, D3: { t: 's', v: 'y' }, '!ref': 'C3:D3' };
    const table = readSpreadsheet(write(bookType, { Feuil1: ws }));
    expect(table.rows).toEqual([
      { line: 1, cells: [] },
      { line: 2, cells: [] },
      { line: 3, cells: ['', '', 'x', 'y'] },
    ]);
  });

  it('writes date serials with a date format in ISO, midnight as a bare date, a bare time alone', () => {
    const table = read(bookType, {
      A1: { t: 'n', v: 43312, z: 'dd/mm/yyyy' },
      B1: { t: 'n', v: 43312 + 14.5 / 24, z: 'dd/mm/yyyy\\ hh:mm' },
      C1: { t: 'n', v: 0.5, z: 'hh:mm' },
      D1: { t: 'n', v: 43312 },
    });
    expect(row(table, 1)).toEqual(['2018-07-31', '2018-07-31T14:30:00', '12:00:00', '43312']);
    expect(table.notes).toEqual({ 'cellules date converties en AAAA-MM-JJ': 3 });
  });

  it('reads date serials in the 1904 date system when the workbook uses it', () => {
    // 41850 days after 1904-01-01 is 2018-07-31 (the same day is 43312 in the 1900 system).
    const ws = sheet({ A1: { t: 'n', v: 41850, z: 'dd/mm/yyyy' } });
    const table = readSpreadsheet(write(bookType, { Feuil1: ws }, true));
    expect(row(table, 1)).toEqual(['2018-07-31']);
  });

  it('keeps numbers written as text exactly as written, and counts them', () => {
    const table = read(bookType, {
      A1: { t: 's', v: '24000.0' },
      B1: { t: 's', v: ' 82 212 742 900 014' },
      C1: { t: 's', v: 'n° 12' },
    });
    expect(row(table, 1)).toEqual(['24000.0', ' 82 212 742 900 014', 'n° 12']);
    expect(table.notes).toEqual({ 'cellules nombre écrit en texte': 2 });
  });

  it('gives raw numbers whatever their display format, zero-padded codes as displayed', () => {
    const table = read(bookType, {
      A1: { t: 'n', v: 38159300000000, z: '0.00E+00' },
      B1: { t: 'n', v: 22530001100015 },
      C1: { t: 'n', v: 2290, z: '00000' },
      D1: { t: 'n', v: 1234.5, z: '#,##0.00\\ "€"' },
      E1: { t: 'n', v: -1234.56, z: '_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-' },
      F1: { t: 'n', v: 0.255, z: '0%' },
      A2: { t: 'n', v: 97.38000000000001 },
      B2: { t: 'n', v: 0.1 + 0.2, z: '0.00' },
      C2: { t: 'n', v: 1e-7 },
      D2: { t: 'n', v: 1.5e21 },
      E2: { t: 'n', v: -1 / 3000 },
      F2: { t: 'n', v: 97.38, z: '0' },
    });
    expect(row(table, 1)).toEqual([
      '38159300000000',
      '22530001100015',
      '02290',
      '1234.5',
      '-1234.56',
      '0.255',
    ]);
    expect(row(table, 2)).toEqual([
      '97.38',
      '0.3',
      '0.0000001',
      '1500000000000000000000',
      '-0.000333333333333333',
      '97.38',
    ]);
    expect(table.notes).toEqual({});
  });

  it('reports merged ranges 1-based and empties the cells they cover', () => {
    const table = read(
      bookType,
      {
        A2: { t: 's', v: 'Budget' },
        B2: { t: 's', v: 'caché' },
        C2: { t: 's', v: 'Effectifs' },
        D2: { t: 's', v: 'caché aussi' },
        A3: { t: 's', v: 'prévu' },
        B3: { t: 's', v: 'réalisé' },
        C3: { t: 's', v: 'salariés' },
        D3: { t: 's', v: 'bénévoles' },
      },
      ['A2:B2', 'C2:D2'],
    );
    expect(table.merges).toEqual([
      { line: 2, lastLine: 2, column: 1, lastColumn: 2 },
      { line: 2, lastLine: 2, column: 3, lastColumn: 4 },
    ]);
    expect(table.rows).toEqual([
      { line: 1, cells: [] },
      { line: 2, cells: ['Budget', '', 'Effectifs'] },
      { line: 3, cells: ['prévu', 'réalisé', 'salariés', 'bénévoles'] },
    ]);
    expect(table.notes).toEqual({ 'plages fusionnées': 2 });
  });

  it('writes booleans as oui/non', () => {
    const table = read(bookType, { A1: { t: 'b', v: true }, B1: { t: 'b', v: false } });
    expect(row(table, 1)).toEqual(['oui', 'non']);
  });

  it('reads the sheet named in the options, ignoring case, and the first one by default', () => {
    const bytes = write(bookType, {
      Vide: sheet({}),
      Communes: sheet({ A1: { t: 's', v: 'code' }, A2: { t: 's', v: '01001' } }),
    });
    const first = readSpreadsheet(bytes);
    expect(first).toMatchObject({ sheet: 'Vide', sheets: ['Vide', 'Communes'], rows: [] });
    expect(first.notes).toEqual({ feuilles: 2 });
    const named = readSpreadsheet(bytes, { sheet: 'communes' });
    expect(named.sheet).toBe('Communes');
    expect(named.rows).toEqual([
      { line: 1, cells: ['code'] },
      { line: 2, cells: ['01001'] },
    ]);
    expect(() => readSpreadsheet(bytes, { sheet: 'Subventions 2017' })).toThrow(
      new SpreadsheetError(
        'feuille « Subventions 2017 » absente du classeur ; feuilles disponibles : « Vide », « Communes »',
      ),
    );
  });
});

describe('readSpreadsheet: what only some formats keep', () => {
  // SheetJS's ODS writer drops error cells; LibreOffice's own layout is tested below instead.
  it.each([
    ['xlsx', '#N/A', 0x2a],
    ['biff8', '#REF!', 0x17],
  ] as const)('empties an error cell and counts it (%s, %s)', (bookType, _name, code) => {
    const table = read(bookType, { A1: { t: 'n', v: 1 }, B1: { t: 'e', v: code }, C1: { t: 'n', v: 2 } });
    expect(row(table, 1)).toEqual(['1', '', '2']);
    expect(table.notes).toEqual({ 'cellules en erreur (#N/A…) vidées': 1 });
  });

  // SheetJS's XLS and XLSB writers store the cached value only: formulas are lost on the way.
  it.each(['xlsx', 'ods'] as const)('gives the cached value of a formula and counts it (%s)', (bookType) => {
    const table = read(bookType, {
      A1: { t: 'n', v: 1 },
      B1: { t: 'n', v: 2 },
      C1: { t: 'n', v: 3, f: 'A1+B1' },
      D1: { t: 's', v: 'oui', f: 'IF(C1>2,"oui","non")' },
    });
    expect(row(table, 1)).toEqual(['1', '2', '3', 'oui']);
    expect(table.notes).toEqual({ 'cellules formule (valeur en cache reprise)': 2 });
  });

  it('keeps the cached value of a link to another workbook and says the link was not followed', () => {
    const table = read('xlsx', {
      A1: { t: 'n', v: 42, f: '[1]Feuil1!A1' },
      B1: { t: 'n', v: 7, f: "'C:\\Budget\\[prévisions 2017.xlsx]Année N'!B2" },
      C1: { t: 'n', v: 49, f: 'SUM(Tableau1[Montant])+Feuil2!A1' },
    });
    expect(row(table, 1)).toEqual(['42', '7', '49']);
    expect(table.notes).toEqual({
      'cellules formule (valeur en cache reprise)': 3,
      'liens vers d’autres classeurs ignorés': 2,
    });
  });

  it('reads an XLSB workbook and says so', () => {
    const table = readSpreadsheet(write('xlsb', { Feuil1: sheet({ A1: { t: 'n', v: 2290, z: '00000' } }) }));
    expect(table.format).toBe('XLSB');
    expect(row(table, 1)).toEqual(['02290']);
  });

  it('reads an ODS laid out by LibreOffice: date-value cells, error cells, covered cells', () => {
    const table = readSpreadsheet(
      libreOfficeOds(`<table:table-row>
<table:table-cell office:value-type="date" office:date-value="2018-07-31" calcext:value-type="date"><text:p>31/07/2018</text:p></table:table-cell>
<table:table-cell office:value-type="date" office:date-value="2018-07-31T14:30:00" calcext:value-type="date"><text:p>31/07/2018 14:30</text:p></table:table-cell>
<table:table-cell table:formula="of:=NA()" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>
<table:table-cell office:value-type="percentage" office:value="0.255" calcext:value-type="percentage"><text:p>25,50 %</text:p></table:table-cell>
</table:table-row><table:table-row>
<table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="1" office:value-type="string" calcext:value-type="string"><text:p>Budget</text:p></table:table-cell>
<table:covered-table-cell/><table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FAUX</text:p></table:table-cell>
</table:table-row>`),
    );
    expect(table.format).toBe('ODS');
    expect(table.sheet).toBe('Feuille1');
    expect(table.rows).toEqual([
      { line: 1, cells: ['2018-07-31', '2018-07-31T14:30:00', '', '0.255'] },
      { line: 2, cells: ['Budget', '', 'non'] },
    ]);
    expect(table.merges).toEqual([{ line: 2, lastLine: 2, column: 1, lastColumn: 2 }]);
    expect(table.notes).toEqual({
      'cellules date converties en AAAA-MM-JJ': 2,
      'cellules formule (valeur en cache reprise)': 1,
      'cellules en erreur (#N/A…) vidées': 1,
      'plages fusionnées': 1,
    });
  });
});

describe('readSpreadsheet: files it must refuse, in French', () => {
  const refusal = (bytes: Uint8Array) => {
    try {
      readSpreadsheet(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(SpreadsheetError);
      return (error as SpreadsheetError).message;
    }
    throw new Error('readSpreadsheet accepted the bytes');
  };

  it('refuses bytes that are no workbook at all', () => {
    expect(refusal(new Uint8Array([0x01, 0x02, 0x03, 0xfa, 0xfb, 0x00, 0x7f]))).toBe(
      'ce fichier n’est pas un classeur XLSX, ODS ou XLS (signature inconnue)',
    );
    expect(refusal(utf8('siren;nom\n123456789;Asso\n'))).toBe(
      'ce fichier n’est pas un classeur XLSX, ODS ou XLS (signature inconnue)',
    );
  });

  it('refuses a ZIP that holds no workbook', () => {
    expect(refusal(zip({ 'notes.txt': 'bonjour' }))).toBe(
      'ce fichier n’est pas un classeur XLSX, ODS ou XLS (Unsupported ZIP file)',
    );
  });

  it('refuses truncated and corrupt workbooks without letting a raw exception out', () => {
    const xlsx = write('xlsx', { Feuil1: sheet({ A1: { t: 's', v: 'a' } }) });
    const xls = write('biff8', { Feuil1: sheet({ A1: { t: 's', v: 'a' } }) });
    expect(refusal(xlsx.subarray(0, xlsx.length / 2))).toBe(
      'fichier tableur illisible ou tronqué (archive ZIP sans répertoire final)',
    );
    expect(refusal(xls.subarray(0, 300))).toBe(
      'fichier tableur illisible ou tronqué (CFB file size 300 < 512)',
    );
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x07, 0x08, 0x09]))).toBe(
      'fichier tableur illisible ou tronqué (archive ZIP sans répertoire final)',
    );
    const unknownMethod = xlsx.slice();
    unknownMethod[8] = 99; // compression method of the first entry
    expect(refusal(unknownMethod)).toBe(
      'fichier tableur illisible ou tronqué (Unsupported ZIP Compression method 99)',
    );
  });

  it('says an encrypted OOXML workbook is password-protected', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    const info = utf8(
      '<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">' +
        '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES"' +
        ' cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
    );
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...info]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(64));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
    expect(refusal(bytes)).toBe(
      'classeur protégé par un mot de passe : enregistrez-le sans mot de passe (File is password-protected)',
    );
  });

  it('says an encrypted ODS is password-protected', () => {
    const manifest = MANIFEST.replace(
      'media-type="text/xml"/>',
      'media-type="text/xml"><manifest:encryption-data manifest:checksum="x"/></manifest:file-entry>',
    );
    const bytes = zip({ mimetype: ODS_MIME, 'META-INF/manifest.xml': manifest, 'content.xml': 'x' });
    expect(refusal(bytes)).toBe(
      'classeur protégé par un mot de passe : enregistrez-le sans mot de passe (Unsupported ODS Encryption)',
    );
  });

  it('refuses a workbook over 200 MB before parsing it', () => {
    const bytes = new Uint8Array(200 * 1024 * 1024 + 1);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expect(refusal(bytes)).toBe('tableur de plus de 200 Mo : exportez-le en CSV');
  });
});

describe('isSpreadsheet', () => {
  const ws = () => sheet({ A1: { t: 's', v: 'a' } });

  it('recognises workbooks written by SheetJS from their first bytes', () => {
    expect(isSpreadsheet(write('xlsx', { S: ws() }).subarray(0, 512))).toBe('XLSX');
    expect(isSpreadsheet(write('xlsb', { S: ws() }).subarray(0, 512))).toBe('XLSB');
    expect(isSpreadsheet(write('biff8', { S: ws() }).subarray(0, 8))).toBe('XLS');
    // SheetJS puts `mimetype` third, after 1.1 kB of other entries: a 4 kB head still holds it.
    expect(isSpreadsheet(write('ods', { S: ws() }).subarray(0, 4096))).toBe('ODS');
  });

  it('recognises an ODS whose mimetype entry SheetJS deflated, from its other package entries', () => {
    const ods = write('ods', { S: ws() }, false, true);
    expect(isSpreadsheet(ods.subarray(0, 4096))).toBe('ODS');
    expect(isSpreadsheet(zip({ 'META-INF/manifest.xml': MANIFEST, 'content.xml': '<x/>' }))).toBe('ODS');
  });

  it('recognises an ODS laid out by LibreOffice from its first 100 bytes', () => {
    expect(isSpreadsheet(libreOfficeOds('').subarray(0, 100))).toBe('ODS');
  });

  it('says XLSX for an OOXML archive whose first entry is [Content_Types].xml', () => {
    expect(isSpreadsheet(zip({ '[Content_Types].xml': '<Types/>' }))).toBe('XLSX');
  });

  it('returns null for text, gzip and ZIP archives of other files', () => {
    expect(isSpreadsheet(utf8('siren;nom\n123456789;Asso\n'))).toBeNull();
    expect(isSpreadsheet(utf8('{"a":1}'))).toBeNull();
    expect(isSpreadsheet(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03]))).toBeNull();
    expect(isSpreadsheet(zip({ 'notes.txt': 'bonjour' }))).toBeNull();
    expect(isSpreadsheet(zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }))).toBeNull();
    expect(isSpreadsheet(zip({ mimetype: 'application/vnd.oasis.opendocument.text' }))).toBeNull();
    expect(
      isSpreadsheet(zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' })),
    ).toBeNull();
    expect(isSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
    expect(isSpreadsheet(new Uint8Array())).toBeNull();
  });
});

/** The data of a ZIP entry, found through the local headers (SheetJS writes the sizes there), as a view to damage in place. */
function entryData(zip: Uint8Array, name: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
    const nameEnd = at + 30 + view.getUint16(at + 26, true);
    const start = nameEnd + view.getUint16(at + 28, true);
    const end = start + view.getUint32(at + 18, true);
    if (new TextDecoder().decode(zip.subarray(at + 30, nameEnd)) === name) return zip.subarray(start, end);
    at = end;
  }
  throw new Error(`no entry ${name}`);
}

/**
 * A deflate block whose literal/length code gives a symbol to the bit 0 only: a fresh SheetJS (as
 * in a worker) reads a 1 there as a zero-bit code and writes zeros forever without moving on, a
 * class of hang found by fuzzing; fflate says « invalid length/literal ».
 */
function endlessDeflate(): Uint8Array {
  const bits: number[] = [];
  const int = (value: number, width: number) => {
    for (let i = 0; i < width; i++) bits.push((value >> i) & 1); // integers: low bit first
  };
  const code = (...codeBits: number[]) => bits.push(...codeBits); // Huffman codes: first bit first
  int(1, 1); // last block
  int(2, 2); // dynamic Huffman codes
  int(0, 5); // 257 literal/length codes
  int(0, 5); // 1 distance code
  int(14, 4); // 18 code-length codes, in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1
  for (const length of [0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]) int(length, 3);
  // Code-length codes: « zeros 11-138 times » = 0, « 0 » = 10, « 1 » = 11.
  code(0);
  int(65 - 11, 7); // 65 literals unused
  code(1, 1); // « A » (65) coded on one bit: 0
  code(0);
  int(138 - 11, 7); // the other 191 literal/length codes and the distance code unused: 138…
  code(0);
  int(54 - 11, 7); // … + 54
  for (let i = 0; i < 16; i++) code(1); // no symbol has the code 1
  const bytes = new Uint8Array(Math.ceil(bits.length / 8));
  bits.forEach((bit, i) => (bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (bit << (i & 7))));
  return bytes;
}

/** Offset of the data of the first record of `type` in an XLSB part (record type and length are 7-bit varints). */
function xlsbRecord(part: Uint8Array, type: number): number {
  for (let at = 0; at < part.length;) {
    let record = part[at++] ?? 0;
    if (record & 0x80) record = (record & 0x7f) | (((part[at++] ?? 0) & 0x7f) << 7);
    let length = 0;
    for (let shift = 0, byte = 0x80; byte & 0x80 && shift < 28; shift += 7) {
      byte = part[at++] ?? 0;
      length |= (byte & 0x7f) << shift;
    }
    if (record === type) return at;
    at += length;
  }
  throw new Error(`no record ${type}`);
}

/** An XLS whose first BIFF record of type `from` gets the type `to`, rewritten through SheetJS's compound-file library. */
function retypeRecord(xls: Uint8Array, from: number, to: number): Uint8Array {
  const cfb: unknown = XLSX.CFB.read(xls, { type: 'array' });
  const stream = Uint8Array.from((XLSX.CFB.find(cfb, '/Workbook') as { content: ArrayLike<number> }).content);
  const view = new DataView(stream.buffer);
  for (let at = 0; at + 4 <= stream.length; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== from) continue;
    view.setUint16(at, to, true);
    XLSX.CFB.utils.cfb_add(cfb, '/Workbook', stream);
    return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
  }
  throw new Error(`no record ${from}`);
}

const SPREADSHEET_MODULE = new URL('../../../src/import/spreadsheet.ts', import.meta.url).href;
/** Worker body: reads the bytes and posts the message of the `SpreadsheetError` thrown, if any. */
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then(({ readSpreadsheet, SpreadsheetError }) => {
  try {
    readSpreadsheet(workerData.bytes);
    parentPort.postMessage('accepted');
  } catch (error) {
    parentPort.postMessage(error instanceof SpreadsheetError ? error.message : 'raw ' + String(error));
  }
});`;

/**
 * What `readSpreadsheet` says of the bytes, asked in a worker thread: should it hang again, the
 * test fails by its own timeout instead of blocking the run.
 */
async function refusalInWorker(bytes: Uint8Array): Promise<string> {
  const worker = new Worker(READER, { eval: true, workerData: { module: SPREADSHEET_MODULE, bytes } });
  onTestFinished(async () => {
    await worker.terminate();
  });
  const [message] = (await once(worker, 'message')) as [string];
  return message;
}

describe('readSpreadsheet: damaged workbooks that used to hang', () => {
  const ws = () => sheet({ A1: { t: 's', v: 'code' }, A2: { t: 's', v: '01001' } });
  const damaged = (detail: string) =>
    `tableur endommagé : ${detail} — ouvrez-le dans un tableur et enregistrez-le de nouveau`;

  it.each([
    ['xlsx', 'xl/worksheets/sheet1.xml'],
    ['ods', 'content.xml'],
    ['xlsb', 'xl/worksheets/sheet1.bin'],
  ] as const)('refuses a %s whose deflate stream SheetJS would inflate forever', async (bookType, entry) => {
    const bytes = write(bookType, { Feuil1: ws() }, false, true);
    entryData(bytes, entry).set(endlessDeflate());
    expect(await refusalInWorker(bytes)).toBe(
      damaged(`l’archive ZIP est corrompue (${entry} : invalid length/literal)`),
    );
  });

  it('refuses an entry that inflates to another size than announced, rather than reading garbage', () => {
    const bytes = write('xlsx', { Feuil1: ws() }, false, true);
    // A last stored block of 4 bytes: the stream ends long before the size in the headers.
    entryData(bytes, 'xl/worksheets/sheet1.xml').set([0x01, 4, 0, 0xfb, 0xff, ...utf8('<a/>')]);
    expect(() => readSpreadsheet(bytes)).toThrow(SpreadsheetError);
    expect(() => readSpreadsheet(bytes)).toThrow(
      /^tableur endommagé : l’archive ZIP est corrompue \(xl\/worksheets\/sheet1\.xml : 4 octets une fois décompressé au lieu de \d+\)/,
    );
  });

  it('refuses an XLSB record whose count runs past the end of its part', async () => {
    const bytes = write('xlsb', { Feuil1: ws() }); // entries stored: parts patched in place
    const metadata = entryData(bytes, 'xl/metadata.bin');
    // BrtMdb (type 51) starts with the number of 8-byte items that follow: SheetJS looped 2³¹ times.
    new DataView(metadata.buffer, metadata.byteOffset).setUint32(xlsbRecord(metadata, 51), 0x7fffffff, true);
    expect(await refusalInWorker(bytes)).toBe(
      damaged('xl/metadata.bin : un enregistrement annonce plus de données que la partie n’en contient'),
    );
  });

  it('refuses an XLS record shorter than the formula it announces', async () => {
    const xls = write('biff8', { Feuil1: sheet({ A1: { t: 'n', v: 1500 } }) });
    // A NUMBER record (0x0203, 14 bytes) retyped FORMULA (BIFF3 number 0x0206, at least 22 bytes):
    // SheetJS read the formula length past the end, got NaN and looped forever.
    expect(await refusalInWorker(retypeRecord(xls, 0x0203, 0x0206))).toBe(
      damaged('un enregistrement XLS FORMULA est plus court que les données qu’il annonce'),
    );
  });

  it('refuses an ODS cell repeated more times than a sheet has columns', async () => {
    const bytes = libreOfficeOds(`<table:table-row>
<table:table-cell table:number-columns-repeated="2000000000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>
</table:table-row>`);
    // SheetJS copied the cell two billion times.
    expect(await refusalInWorker(bytes)).toBe(
      damaged('une cellule répétée 2000000000 fois, au-delà des 16\u202f384 colonnes d’une feuille'),
    );
  });

  it('refuses a cell or a merge beyond the largest possible sheet', async () => {
    const parts = unzipSync(write('xlsx', { Feuil1: ws() }));
    const xml = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
    parts['xl/worksheets/sheet1.xml'] = utf8(xml.replaceAll('"A2"', '"A2000000000"'));
    expect(await refusalInWorker(zipSync(parts))).toBe(
      damaged('la feuille « Feuil1 » a une cellule ou une fusion au-delà de la ligne 1\u202f048\u202f576'),
    );
    // The readers of the rows loop over the columns a merge covers.
    const merged = write('xlsx', { Feuil1: sheet({ A1: { t: 's', v: 'Budget' } }, ['A1:XFE1']) });
    expect(await refusalInWorker(merged)).toBe(
      damaged('la feuille « Feuil1 » a une cellule ou une fusion au-delà de la colonne 16\u202f384'),
    );
  });
});
