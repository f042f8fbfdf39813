/*
 * The automatic styles of the ODS template's content.xml (OpenDocument 1.2 part 1 / 1.3 part 3,
 * §16 « Styles », data styles included): one cell style per row role, one per kind of cell to fill
 * (text, number, integer, date AAAA-MM-JJ), column widths, row heights, visible / hidden tables.
 */
import type { ColumnKind, RowModel, SheetModel, WorkbookModel } from './sheet-model.ts';
import { ROLE_STYLE, type RoleStyle } from './styles.ts';

/** Style names the tables refer to. */
export const STYLE = {
  role: (role: keyof typeof ROLE_STYLE) => `ce-${role}`,
  kind: (kind: ColumnKind) => `ce-input-${kind}`,
  column: (width: number) => `co-${width}`,
  row: (height: number) => `ro-${Math.round(height * 10)}`,
  table: (hidden: boolean) => (hidden ? 'ta-hidden' : 'ta-shown'),
} as const;

/** A width in characters of the default font as a length (about 0.19 cm a character). */
const widthLength = (characters: number) => `${(characters * 0.19).toFixed(2)}cm`;

const DATA_STYLES = [
  '<number:text-style style:name="N-TEXT"><number:text-content/></number:text-style>',
  '<number:number-style style:name="N-INTEGER"><number:number number:decimal-places="0" number:min-integer-digits="1"/></number:number-style>',
  '<number:date-style style:name="N-DATE"><number:year number:style="long"/><number:text>-</number:text>' +
    '<number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>',
];

const DATA_STYLE_OF: Readonly<Record<ColumnKind, string | null>> = {
  text: 'N-TEXT',
  number: null,
  integer: 'N-INTEGER',
  date: 'N-DATE',
};

function cellStyle(name: string, style: RoleStyle, dataStyle: string | null = null): string {
  const data = dataStyle ? ` style:data-style-name="${dataStyle}"` : '';
  const fill = style.fill ? ` fo:background-color="${style.fill}"` : '';
  const wrap = style.wrap ? ' fo:wrap-option="wrap"' : '';
  return (
    `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${data}>` +
    `<style:table-cell-properties style:vertical-align="top"${fill}${wrap}/>` +
    `<style:text-properties fo:font-size="${style.size}pt" fo:font-weight="${style.bold ? 'bold' : 'normal'}"` +
    ` fo:font-style="${style.italic ? 'italic' : 'normal'}" fo:color="${style.color}"/></style:style>`
  );
}

/** Every automatic style the workbook's tables use. */
export function automaticStyles(model: WorkbookModel): string {
  const sheets: readonly SheetModel[] = model.sheets;
  const widths = new Set(sheets.flatMap((s) => s.columns.map((c) => c.width)));
  const rows: RowModel[] = sheets.flatMap((s) => [...s.rows]);
  const heights = new Set(rows.map((r) => r.height).filter((h): h is number => h !== null));
  return [
    ...DATA_STYLES,
    ...Object.entries(ROLE_STYLE).map(([role, style]) =>
      cellStyle(STYLE.role(role as keyof typeof ROLE_STYLE), style),
    ),
    ...(Object.keys(DATA_STYLE_OF) as ColumnKind[]).map((kind) =>
      cellStyle(STYLE.kind(kind), ROLE_STYLE.values, DATA_STYLE_OF[kind]),
    ),
    ...[...widths].map(
      (w) =>
        `<style:style style:name="${STYLE.column(w)}" style:family="table-column"><style:table-column-properties style:column-width="${widthLength(w)}"/></style:style>`,
    ),
    ...[...heights].map(
      (h) =>
        `<style:style style:name="${STYLE.row(h)}" style:family="table-row"><style:table-row-properties style:row-height="${h}pt" style:use-optimal-row-height="false"/></style:style>`,
    ),
    ...[false, true].map(
      (hidden) =>
        `<style:style style:name="${STYLE.table(hidden)}" style:family="table"><style:table-properties table:display="${!hidden}"/></style:style>`,
    ),
  ].join('');
}
