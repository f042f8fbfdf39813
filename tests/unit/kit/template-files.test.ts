/*
 * The two files as written: the validations are really in the XLSX sheet XML (<dataValidation>)
 * and in the ODS content.xml (<table:content-validation>), applied to the rows to fill; header rows
 * are frozen; the ODS package starts with its stored mimetype. Read with fflate, independently of
 * the writers.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';

import { buildExchangeTemplate } from '../../../src/kit/build-template.ts';

const ASSOCIATIONS = [
  { id: 'W901000001', name: 'Club de randonnée', communeCode: '90010', communeName: 'Belfort' },
  { id: 'W901000002', name: 'Comité des fêtes', communeCode: '90001', communeName: 'Andelnans' },
  { id: 'W901000003', name: 'Ressourcerie', communeCode: '90010', communeName: 'Belfort' },
];
const input = { territory: 'Territoire test', associations: ASSOCIATIONS };

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) => text.replace(/&(\w+);/g, (all, name: string) => ENTITIES[name] ?? all);

/** Attributes of every element `tag` in `xml` (entities decoded), with its inner XML as `text`. */
function elements(xml: string, tag: string): Record<string, string>[] {
  const pattern = new RegExp(`<${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  return [...xml.matchAll(pattern)].map((m) => ({
    ...Object.fromEntries(
      [...(m[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], decode(a[2] ?? '')]),
    ),
    text: m[2] ?? '',
  }));
}

/** Column number of a cell range's first column: « AA3:AA502 » → 27. */
const columnOf = (range = '') =>
  [...(/^[A-Z]+/.exec(range)?.[0] ?? '')].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/**
 * Expected list validations of the exchanges sheet (500 rows to fill: rows 3–502). Lists sheet
 * columns: A type_ressource (8 values, rows 2–9), B categorie_bien (11: 2–12), C modalite (4: 2–5),
 * D unite (8: 2–9), E mode_transport (7: 2–8), F aurait_achete (3: 2–4), G oui/non (2: 2–3),
 * H statut_donnee (3: 2–4). Partners: the 3 associations, rows 2–4 of the associations sheet.
 */
const LISTS: readonly [column: string, source: string, severity: string][] = [
  ['D', 'Associations!$A$2:$A$4', 'warning'],
  ['F', 'Associations!$A$2:$A$4', 'warning'],
  ['J', 'Listes!$A$2:$A$9', 'stop'],
  ['K', 'Listes!$B$2:$B$12', 'warning'],
  ['L', 'Listes!$C$2:$C$5', 'stop'],
  ['O', 'Listes!$D$2:$D$9', 'stop'],
  ['T', 'Listes!$E$2:$E$8', 'stop'],
  ['Z', 'Listes!$F$2:$F$4', 'stop'],
  ['AA', 'Listes!$G$2:$G$3', 'stop'],
  ['AB', 'Listes!$H$2:$H$4', 'stop'],
  ['AD', 'Listes!$G$2:$G$3', 'stop'],
];

describe('the XLSX template', () => {
  let parts: Record<string, string>;
  beforeAll(async () => {
    const files = unzipSync(await buildExchangeTemplate(input, 'xlsx'));
    parts = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
  });
  /** The sheet XML of the workbook's n-th sheet (exceljs names them in order). */
  const sheetXml = (n: number) => parts[`xl/worksheets/sheet${n}.xml`] ?? '';

  it('has the four sheets in order, the lists hidden', () => {
    expect(
      elements(parts['xl/workbook.xml'] ?? '', 'sheet').map((s) => [s['name'], s['state'] ?? 'visible']),
    ).toEqual([
      ['Mode d’emploi', 'visible'],
      ['Échanges', 'visible'],
      ['Associations', 'visible'],
      ['Listes', 'hidden'],
    ]);
  });

  it('puts a drop-down on every vocabulary, yes/no and partner column of the rows to fill', () => {
    // exceljs writes validations sorted by address text (AA before B): sort them by column.
    const lists = elements(sheetXml(2), 'dataValidation')
      .filter((v) => v['type'] === 'list')
      .sort((a, b) => columnOf(a['sqref']) - columnOf(b['sqref']))
      .map((v) => [v['sqref'], elements(v['text'] ?? '', 'formula1')[0]?.['text'], v['errorStyle']]);
    expect(lists).toEqual(
      LISTS.map(([column, source, severity]) => [`${column}3:${column}502`, source, severity]),
    );
  });

  it('bounds numbers and dates as the schema does, and the label’s length', () => {
    const others = elements(sheetXml(2), 'dataValidation')
      .filter((v) => v['type'] !== 'list')
      .sort((a, b) => columnOf(a['sqref']) - columnOf(b['sqref']))
      .map((v) => [
        v['sqref']?.split(':')[0],
        v['type'],
        v['operator'],
        ...elements(v['text'] ?? '', 'formula\\d').map((f) => f['text']),
      ]);
    // 2000-01-01 is day 36,526 of Excel's calendar (10,957 days after 1970-01-01, + 25,569).
    expect(others).toEqual([
      ['B3', 'date', 'greaterThanOrEqual', '36526'],
      ['C3', 'date', 'greaterThanOrEqual', '36526'],
      ['M3', 'textLength', 'lessThanOrEqual', '256'],
      ['N3', 'decimal', undefined, '0', '1000000000'],
      ['P3', 'decimal', undefined, '0', '1000000'],
      ['Q3', 'decimal', undefined, '0', '100000'],
      ['R3', 'decimal', undefined, '0', '10000000'],
      ['S3', 'decimal', undefined, '0', '40075'],
      ['U3', 'decimal', undefined, '0', '10000000'],
      ['V3', 'decimal', undefined, '0', '10000'],
      ['W3', 'whole', undefined, '0', '100000000'],
      ['X3', 'decimal', undefined, '0', '1000000000'],
      ['Y3', 'decimal', undefined, '0', '1000000000'],
    ]);
  });

  it('freezes the header and hint rows of the exchanges sheet, the header of the associations', () => {
    expect(elements(sheetXml(2), 'pane')[0]).toMatchObject({
      ySplit: '2',
      topLeftCell: 'A3',
      state: 'frozen',
    });
    expect(elements(sheetXml(3), 'pane')[0]).toMatchObject({ ySplit: '1', state: 'frozen' });
    const associations = elements(sheetXml(3), 'dataValidation').map((v) => [v['sqref'], v['type']]);
    expect(associations).toEqual([
      ['E2:E4', 'list'],
      ['F2:F4', 'date'],
    ]);
  });
});

describe('the ODS template', () => {
  let bytes: Uint8Array;
  let content: string;
  beforeAll(async () => {
    bytes = await buildExchangeTemplate(input, 'ods');
    content = strFromU8(unzipSync(bytes)['content.xml'] as Uint8Array);
  });

  it('starts with the mimetype entry, stored (OpenDocument packages, « MIME type stream »)', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // local file header
    expect(view.getUint16(8, true)).toBe(0); // compression method: stored
    expect(view.getUint16(28, true)).toBe(0); // no extra field
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype');
    expect(strFromU8(bytes.subarray(38, 38 + 46))).toBe('application/vnd.oasis.opendocument.spreadsheet');
    const manifest = strFromU8(unzipSync(bytes)['META-INF/manifest.xml'] as Uint8Array);
    expect(elements(manifest, 'manifest:file-entry').map((e) => e['manifest:full-path'])).toEqual([
      '/',
      'content.xml',
      'styles.xml',
      'meta.xml',
      'settings.xml',
    ]);
  });

  it('holds the same list validations, cell-content-is-in-list on the same ranges', () => {
    const lists = elements(content, 'table:content-validation')
      .filter(
        (v) =>
          v['table:condition']?.includes('in-list') && v['table:base-cell-address']?.includes('Échanges'),
      )
      .map((v) => [
        v['table:base-cell-address'],
        v['table:condition'],
        elements(v['text'] ?? '', 'table:error-message')[0]?.['table:message-type'],
      ]);
    const odf = (source: string) => source.replace(/^(\w+)!(\$\w+\$\d+):(\$\w+\$\d+)$/, '[$$$1.$2:.$3]');
    expect(lists).toEqual(
      LISTS.map(([column, source, severity]) => [
        `$'Échanges'.$${column}$3`,
        `of:cell-content-is-in-list(${odf(source)})`,
        severity,
      ]),
    );
  });

  it('bounds numbers and dates with the OpenDocument conditions', () => {
    const conditions = elements(content, 'table:content-validation').map((v) => v['table:condition']);
    expect(conditions).toContain('of:cell-content-is-date() and cell-content()>=36526');
    expect(conditions).toContain('of:cell-content-is-decimal-number() and cell-content-is-between(0,40075)');
    expect(conditions).toContain(
      'of:cell-content-is-whole-number() and cell-content-is-between(0,100000000)',
    );
    expect(conditions).toContain('of:cell-content-text-length()<=256');
  });

  it('applies them to the 500 rows to fill, written once with a repeat count', () => {
    const tables = content.split('<table:table ').slice(1);
    const exchanges = tables.find((t) => t.startsWith('table:name="Échanges"')) ?? '';
    const rows = elements(exchanges, 'table:table-row');
    expect(rows).toHaveLength(3); // header, hints, then the rows to fill
    expect(rows[2]?.['table:number-rows-repeated']).toBe('500');
    expect(rows[2]?.['text']).toContain('table:content-validation-name="val-2-10"'); // type_ressource, column J
  });

  it('freezes the header rows in the view settings, and opens on the guide', () => {
    const settings = strFromU8(unzipSync(bytes)['settings.xml'] as Uint8Array);
    const exchanges =
      /config:name="Échanges">([\s\S]*?)<\/config:config-item-map-entry>/.exec(settings)?.[1] ?? '';
    expect(exchanges).toContain(
      '<config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item>',
    );
    expect(exchanges).toContain(
      '<config:config-item config:name="VerticalSplitPosition" config:type="int">2</config:config-item>',
    );
    expect(settings).toContain(
      '<config:config-item config:name="ActiveTable" config:type="string">Mode d’emploi</config:config-item>',
    );
  });
});
