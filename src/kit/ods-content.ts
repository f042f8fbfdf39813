/*
 * content.xml of the ODS template: the validations, then one <table:table> per sheet, rows and
 * cells written by hand (OpenDocument 1.2 part 1 / 1.3 part 3, §9.1 « Basic table model »).
 *
 * Validations are <table:content-validation> elements (§9.4) named by the cells they apply to
 * (`table:content-validation-name`); their `table:condition` (§19.596 in 1.2) uses the grammar
 * LibreOffice writes and reads: `of:cell-content-is-in-list([$Listes.$A$2:.$A$9])`,
 * `of:cell-content-is-decimal-number() and cell-content-is-between(0,100)`,
 * `of:cell-content-is-date() and cell-content()>=36526`, `of:cell-content-text-length()<=256`.
 * Identical neighbouring cells and rows are written once with `number-columns-repeated` /
 * `number-rows-repeated`, so 500 empty rows to fill cost one row.
 */
import { automaticStyles, STYLE } from './ods-styles.ts';
import {
  columnLetter,
  type CellRange,
  type CellValue,
  type RowModel,
  type SheetModel,
  type Validation,
  type WorkbookModel,
} from './sheet-model.ts';

/** Text escaped for XML content and attribute values. */
export function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A sheet name in a cell address: quoted unless plain ASCII letters, digits and underscores. */
export function odfSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `[$Listes.$A$2:.$A$9]`: an OpenFormula reference to a column range. */
function rangeReference(range: CellRange): string {
  const column = columnLetter(range.column);
  return `[$${odfSheet(range.sheet)}.$${column}$${range.firstRow}:.$${column}$${range.lastRow}]`;
}

/** Days from LibreOffice's default null date (1899-12-30) to an ISO date. */
function serial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The `table:condition` of a validation. */
export function condition(validation: Validation): string {
  const rule = validation.rule;
  switch (rule.kind) {
    case 'list':
      return `of:cell-content-is-in-list(${rangeReference(rule.source)})`;
    case 'number':
      return `of:cell-content-is-${rule.integer ? 'whole' : 'decimal'}-number() and cell-content-is-between(${rule.minimum},${rule.maximum})`;
    case 'date':
      return `of:cell-content-is-date() and cell-content()>=${serial(rule.minimum)}`;
    case 'text-length':
      return `of:cell-content-text-length()<=${rule.maximum}`;
  }
}

/** A validation's element; `base` is the first cell it applies to. */
function validationElement(name: string, validation: Validation, base: string): string {
  const list = validation.rule.kind === 'list' ? ' table:display-list="unsorted"' : '';
  return (
    `<table:content-validation table:name="${name}" table:condition="${xml(condition(validation))}"` +
    ` table:allow-empty-cell="true"${list} table:base-cell-address="${xml(base)}">` +
    `<table:error-message table:title="${xml(validation.title)}" table:display="true" table:message-type="${validation.severity}">` +
    `<text:p>${xml(validation.message)}</text:p></table:error-message></table:content-validation>`
  );
}

/** Name of the validation of column `column` of sheet `sheet` (indexes). */
const validationName = (sheet: number, column: number) => `val-${sheet + 1}-${column + 1}`;

function validations(model: WorkbookModel): string {
  const elements = model.sheets.flatMap((sheet, s) =>
    sheet.columns.flatMap((column, c) =>
      column.validation && sheet.input
        ? [
            validationElement(
              validationName(s, c),
              column.validation,
              `$${odfSheet(sheet.name)}.$${columnLetter(c)}$${sheet.input.first}`,
            ),
          ]
        : [],
    ),
  );
  return elements.length > 0
    ? `<table:content-validations>${elements.join('')}</table:content-validations>`
    : '';
}

function valueCell(value: CellValue, attributes: string): string {
  if (value === null) return `<table:table-cell${attributes}/>`;
  const text = `<text:p>${xml(String(value))}</text:p>`;
  return typeof value === 'number'
    ? `<table:table-cell${attributes} office:value-type="float" office:value="${value}">${text}</table:table-cell>`
    : `<table:table-cell${attributes} office:value-type="string">${text}</table:table-cell>`;
}

/** Writes runs of identical neighbouring elements once, with a repeat count. */
function repeated(elements: readonly string[], attribute: string): string {
  let out = '';
  for (let i = 0; i < elements.length;) {
    const element = elements[i] as string;
    let count = 1;
    while (elements[i + count] === element) count++;
    out += count === 1 ? element : element.replace(/^<([\w:-]+)/, `<$1 ${attribute}="${count}"`);
    i += count;
  }
  return out;
}

/** One row: content cells in their role's style; cells to fill take the column's style and validation. */
function tableRow(sheet: SheetModel, s: number, model: RowModel | undefined, line: number): string {
  const input = sheet.input !== null && line >= sheet.input.first && line <= sheet.input.last;
  const cells: string[] = [];
  for (let c = 0; c < sheet.columns.length; c++) {
    const column = sheet.columns[c];
    if (model?.span && c > 0) {
      cells.push('<table:covered-table-cell/>');
      continue;
    }
    let attributes = '';
    if (model && !input) {
      const role = model.role === 'header' && column?.required ? 'required-header' : model.role;
      attributes += ` table:style-name="${STYLE.role(role)}"`;
    }
    if (model?.span && sheet.columns.length > 1)
      attributes += ` table:number-columns-spanned="${sheet.columns.length}" table:number-rows-spanned="1"`;
    if (input && column?.validation) attributes += ` table:content-validation-name="${validationName(s, c)}"`;
    cells.push(valueCell(model?.cells[c] ?? null, attributes));
  }
  const style = model?.height != null ? ` table:style-name="${STYLE.row(model.height)}"` : '';
  return `<table:table-row${style}>${repeated(cells, 'table:number-columns-repeated')}</table:table-row>`;
}

function table(sheet: SheetModel, s: number): string {
  const columns = sheet.columns
    .map(
      (column) =>
        `<table:table-column table:style-name="${STYLE.column(column.width)}" table:default-cell-style-name="${STYLE.kind(column.kind)}"/>`,
    )
    .join('');
  const last = Math.max(sheet.rows.length, sheet.input?.last ?? 0);
  const rows: string[] = [];
  for (let line = 1; line <= last; line++) rows.push(tableRow(sheet, s, sheet.rows[line - 1], line));
  return (
    `<table:table table:name="${xml(sheet.name)}" table:style-name="${STYLE.table(sheet.hidden)}">` +
    `${columns}${repeated(rows, 'table:number-rows-repeated')}</table:table>`
  );
}

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
].join(' ');

/** The content.xml of the workbook. */
export function contentXml(model: WorkbookModel): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<office:document-content ${NAMESPACES} office:version="1.3">` +
    `<office:automatic-styles>${automaticStyles(model)}</office:automatic-styles>` +
    `<office:body><office:spreadsheet>${validations(model)}${model.sheets.map(table).join('')}` +
    '</office:spreadsheet></office:body></office:document-content>'
  );
}
