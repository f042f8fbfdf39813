/*
 * Writes a workbook model as an OpenDocument spreadsheet (ODS). No maintained JavaScript library
 * writes ODS with validations, so the package is assembled here with fflate, as OpenDocument 1.2
 * part 3 / 1.3 part 2 (« Packages ») asks:
 * - `mimetype` first, stored uncompressed, without extra field (§3.3 « MIME Type Stream »);
 * - `META-INF/manifest.xml` listing every part with its media type (§3.2 « Manifest »);
 * - `content.xml` (ods-content.ts), `styles.xml` (the common « Default » cell style), `meta.xml`;
 * - `settings.xml`: view settings, whose config items the application names (part 1,
 *   <office:settings>): LibreOffice's, to freeze the header rows and open on the first sheet.
 * Pure functions of the model: runs in Node and in the browser.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

import { contentXml, xml } from './ods-content.ts';
import type { SheetModel, WorkbookModel } from './sheet-model.ts';

const MIME_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const OFFICE = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"';
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';
/** A fixed date for every entry: the same model gives the same bytes. */
const ENTRY_TIME = new Date(Date.UTC(2025, 0, 1));

function manifestXml(parts: readonly string[]): string {
  const entries = parts
    .map((part) => `<manifest:file-entry manifest:full-path="${part}" manifest:media-type="text/xml"/>`)
    .join('');
  return (
    `${PROLOG}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
    `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${MIME_TYPE}"/>` +
    `${entries}</manifest:manifest>`
  );
}

function stylesXml(): string {
  return (
    `${PROLOG}<office:document-styles ${OFFICE} xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"` +
    ' xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"><office:styles>' +
    '<style:default-style style:family="table-cell"><style:text-properties fo:font-size="10pt"/></style:default-style>' +
    '<style:style style:name="Default" style:family="table-cell"/></office:styles></office:document-styles>'
  );
}

function metaXml(title: string): string {
  return (
    `${PROLOG}<office:document-meta ${OFFICE} xmlns:dc="http://purl.org/dc/elements/1.1/"` +
    ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"><office:meta>' +
    `<meta:generator>Symbiose</meta:generator><dc:title>${xml(title)}</dc:title></office:meta></office:document-meta>`
  );
}

const item = (name: string, type: 'int' | 'short' | 'string', value: string | number) =>
  `<config:config-item config:name="${name}" config:type="${type}">${xml(String(value))}</config:config-item>`;

/** A sheet's view: rows frozen above `frozenRows + 1` (split mode 2 = frozen, as LibreOffice writes it). */
function tableView(sheet: SheetModel): string {
  const rows = sheet.frozenRows;
  return (
    `<config:config-item-map-entry config:name="${xml(sheet.name)}">` +
    item('HorizontalSplitMode', 'short', 0) +
    item('VerticalSplitMode', 'short', rows > 0 ? 2 : 0) +
    item('HorizontalSplitPosition', 'int', 0) +
    item('VerticalSplitPosition', 'int', rows) +
    item('ActiveSplitRange', 'short', rows > 0 ? 2 : 0) +
    item('CursorPositionX', 'int', 0) +
    item('CursorPositionY', 'int', rows) +
    item('PositionLeft', 'int', 0) +
    item('PositionRight', 'int', 0) +
    item('PositionTop', 'int', 0) +
    item('PositionBottom', 'int', rows) +
    '</config:config-item-map-entry>'
  );
}

function settingsXml(model: WorkbookModel): string {
  return (
    `${PROLOG}<office:document-settings ${OFFICE} xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.3">` +
    '<office:settings><config:config-item-set config:name="ooo:view-settings">' +
    '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>' +
    item('ViewId', 'string', 'view1') +
    `<config:config-item-map-named config:name="Tables">${model.sheets.map(tableView).join('')}</config:config-item-map-named>` +
    item('ActiveTable', 'string', model.sheets[0]?.name ?? '') +
    '</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>'
  );
}

/** The workbook as ODS bytes. */
export function writeOds(model: WorkbookModel): Uint8Array {
  const parts: Record<string, string> = {
    'content.xml': contentXml(model),
    'styles.xml': stylesXml(),
    'meta.xml': metaXml(model.title),
    'settings.xml': settingsXml(model),
  };
  const files: Zippable = {
    // First and stored: readers recognise the package from these bytes at offset 38.
    mimetype: [strToU8(MIME_TYPE), { level: 0 }],
    'META-INF/manifest.xml': strToU8(manifestXml(Object.keys(parts))),
  };
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  return zipSync(files, { level: 6, mtime: ENTRY_TIME });
}
