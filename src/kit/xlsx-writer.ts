/*
 * Writes a workbook model as XLSX with exceljs (SheetJS's community edition cannot write data
 * validations): styles by row role, column formats, list / number / date / length validations
 * on the rows to fill, frozen header rows, hidden sheets. Runs in Node and in the browser (the
 * package maps to its browser bundle there); import this module lazily in the page: exceljs is large.
 */
import ExcelJS from 'exceljs';

import {
  columnLetter,
  type CellRange,
  type ColumnKind,
  type RowModel,
  type SheetModel,
  type Validation,
  type WorkbookModel,
} from './sheet-model.ts';
import { ROLE_STYLE, type RoleStyle } from './styles.ts';

/** The part of exceljs's worksheet it has but does not type: validations by range (4.x). */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** Number formats of the cells to fill, by column kind. */
const NUMBER_FORMATS: Readonly<Record<ColumnKind, string>> = {
  text: '@',
  number: 'General',
  integer: '0',
  date: 'yyyy-mm-dd',
};

/** A sheet name as a formula writes it: quoted unless letters, digits and underscores. */
export function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Listes!$A$2:$A$9`. */
function rangeFormula(range: CellRange): string {
  const column = columnLetter(range.column);
  return `${sheetReference(range.sheet)}!$${column}$${range.firstRow}:$${column}$${range.lastRow}`;
}

function toExcel(validation: Validation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: validation.severity,
    errorTitle: validation.title,
    error: validation.message,
  };
  const rule = validation.rule;
  switch (rule.kind) {
    case 'list':
      return { ...common, type: 'list', formulae: [rangeFormula(rule.source)] };
    case 'number':
      return {
        ...common,
        type: rule.integer ? 'whole' : 'decimal',
        operator: 'between',
        formulae: [rule.minimum, rule.maximum],
      };
    case 'date':
      return { ...common, type: 'date', operator: 'greaterThanOrEqual', formulae: [rule.minimum] };
    case 'text-length':
      return { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [rule.maximum] };
  }
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

function styleCell(cell: ExcelJS.Cell, style: RoleStyle): void {
  cell.font = {
    name: 'Calibri',
    size: style.size,
    bold: style.bold,
    italic: style.italic,
    color: { argb: argb(style.color) },
  };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  cell.alignment = { wrapText: style.wrap, vertical: 'top' };
}

function writeRow(ws: ExcelJS.Worksheet, sheet: SheetModel, model: RowModel, number: number): void {
  const excelRow = ws.getRow(number);
  model.cells.forEach((value, i) => {
    if (value === null) return;
    const cell = excelRow.getCell(i + 1);
    cell.value = value;
    const required = model.role === 'header' && sheet.columns[i]?.required === true;
    styleCell(cell, ROLE_STYLE[required ? 'required-header' : model.role]);
  });
  if (model.role === 'header' || model.role === 'hint')
    for (let i = model.cells.length; i < sheet.columns.length; i++)
      styleCell(excelRow.getCell(i + 1), ROLE_STYLE[model.role]);
  if (model.span && sheet.columns.length > 1) ws.mergeCells(number, 1, number, sheet.columns.length);
  if (model.height !== null) excelRow.height = model.height;
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetModel): void {
  const ws = workbook.addWorksheet(sheet.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    views:
      sheet.frozenRows > 0
        ? [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows, topLeftCell: `A${sheet.frozenRows + 1}` }]
        : [],
  });
  sheet.columns.forEach((column, i) => {
    const excelColumn = ws.getColumn(i + 1);
    excelColumn.width = column.width;
    if (sheet.input) excelColumn.numFmt = NUMBER_FORMATS[column.kind];
  });
  sheet.rows.forEach((model, i) => writeRow(ws, sheet, model, i + 1));
  const validations = (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
  const input = sheet.input;
  if (input)
    sheet.columns.forEach((column, i) => {
      if (!column.validation) return;
      const letter = columnLetter(i);
      validations.add(`${letter}${input.first}:${letter}${input.last}`, toExcel(column.validation));
    });
}

/** The workbook as XLSX bytes. */
export async function writeXlsx(model: WorkbookModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Symbiose';
  workbook.title = model.title;
  for (const sheet of model.sheets) writeSheet(workbook, sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
