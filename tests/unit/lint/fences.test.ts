/**
 * The ESLint fences of eslint.config.js hold: in every folder, each fence (HTML sinks, SQL text,
 * layer imports) fires on a sample that crosses it, with its exact rule and message, and a sample
 * that keeps to the folder's layer passes. `lintText` with a `filePath` applies the blocks that
 * match that path; the file need not exist. Flat config replaces (does not merge) a rule's options
 * from one block to the next, which is how a folder's SQL rule once switched its HTML fence off.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

const HTML = 'Data is never rendered as HTML.';
const SQL = 'SQL lives in src/indicators or src/data.';

interface Problem {
  readonly ruleId: string | null;
  readonly message: string;
}

async function problems(filePath: string, code: string): Promise<Problem[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const syntax = (message: string): Problem => ({ ruleId: 'no-restricted-syntax', message });

/** The rule's message for an import caught by a pattern with a custom message. */
const refused = (source: string, reason: string): Problem => ({
  ruleId: 'no-restricted-imports',
  message: `'${source}' import is restricted from being used by a pattern. Layer boundary: ${reason} (README « Layers »).`,
});

/** An import a fence refuses: `reason` is the end of the message after « Layer boundary: ». */
interface Crossing {
  readonly source: string;
  /** The import statement (`{source}` is put in its place) and a use of what it imports. */
  readonly code: string;
  readonly reason: string;
}

type Ext = 'ts' | 'tsx' | 'astro';

interface Folder {
  /** The path the samples are linted as (below the folder, as real files are); it need not exist. */
  readonly file: `${string}.${Ext}`;
  /** The fence's label: the folder, as the messages name it. */
  readonly label: string;
  /** Whether SQL text is refused there. */
  readonly sql: boolean;
  readonly crossings: readonly Crossing[];
  /** A sample that keeps to the layer: allowed imports, no sink, no SQL where SQL is refused. */
  readonly clean: string;
}

const value = (name: string): string =>
  `import { ${name} } from '{source}';\nexport const used = [${name}];\n`;
const typeOnly = (name: string): string =>
  `import type { ${name} } from '{source}';\nexport type Used = ${name};\n`;
const crossing = (source: string, reason: string, code = value('imported')): Crossing => ({
  source,
  code,
  reason,
});

const FOLDERS: readonly Folder[] = [
  {
    file: 'src/data/sample.ts',
    label: 'src/data',
    sql: false,
    crossings: [
      crossing('../indicators/registry.ts', 'src/data does not import src/indicators'),
      crossing('../state/view.ts', 'src/data does not import the view state'),
      crossing('react', 'src/data does not import React or UI libraries'),
      crossing('maplibre-gl', 'src/data does not import MapLibre'),
    ],
    clean: [
      "import * as duckdb from '@duckdb/duckdb-wasm';",
      "import { readFile } from 'node:fs/promises';",
      "import { ASSOCIATIONS_TABLE } from './schema/index.ts';",
      "export const ddl = 'SELECT count(*) FROM associations';",
      'export const used = [duckdb, readFile, ASSOCIATIONS_TABLE];',
    ].join('\n'),
  },
  {
    file: 'src/indicators/sample.ts',
    label: 'src/indicators',
    sql: false,
    crossings: [
      crossing('../data/duckdb-browser.ts', 'src/indicators does not import the DuckDB-WASM engine'),
      crossing('@duckdb/duckdb-wasm', 'src/indicators does not import the DuckDB-WASM engine'),
      crossing('../data/load-dataset.ts', 'src/indicators does not import dataset loading'),
      crossing('../data/duckdb-node.ts', 'src/indicators does not import Node-only code'),
      crossing('node:fs', 'src/indicators does not import Node-only code'),
      crossing('maplibre-gl', 'src/indicators does not import MapLibre'),
      crossing('../i18n/fr.ts', 'src/indicators does not import src/i18n'),
      crossing('../hooks/use-format.ts', 'src/indicators does not import hooks'),
    ],
    clean: [
      "import type { QueryRunner } from '../data/query-runner.ts';",
      "import { ASSOCIATIONS_TABLE } from '../data/schema/index.ts';",
      "export const buildCountQuery = (): string => 'SELECT count(*) FROM ' + ASSOCIATIONS_TABLE.name;",
      'export type Runner = QueryRunner;',
    ].join('\n'),
  },
  {
    file: 'src/kit/sample.ts',
    label: 'src/kit',
    sql: true,
    crossings: [
      crossing('../import/report.ts', 'src/kit does not import src/import'),
      crossing('../state/view.ts', 'src/kit does not import the view state'),
      // A refused layer is refused for types too, unlike a types-only one.
      crossing('../state/view-state.ts', 'src/kit does not import the view state', typeOnly('ViewState')),
      crossing('react', 'src/kit does not import React or UI libraries'),
      crossing('../data/duckdb-browser.ts', 'src/kit does not import the DuckDB-WASM engine'),
    ],
    clean: [
      "import ExcelJS from 'exceljs';",
      "import { EXCHANGES_TABLE } from '../data/schema/index.ts';",
      'export const used = [ExcelJS, EXCHANGES_TABLE];',
    ].join('\n'),
  },
  {
    file: 'src/import/sample.ts',
    label: 'src/import',
    sql: true,
    crossings: [
      crossing(
        'maplibre-gl',
        'src/import does not import MapLibre',
        "import maplibregl from '{source}';\nexport const used = [maplibregl];\n",
      ),
      crossing('@duckdb/duckdb-wasm', 'src/import does not import the DuckDB-WASM engine'),
      crossing('../state/view.ts', 'src/import does not import the view state'),
      crossing('nanostores', 'src/import does not import the view state'),
      crossing('../hooks/use-messages.ts', 'src/import does not import hooks'),
      crossing('../components/import/ImportDialog.tsx', 'src/import does not import components'),
      crossing('../i18n/fr.ts', 'src/import does not import src/i18n'),
      crossing('node:fs', 'src/import does not import Node-only code'),
    ],
    clean: [
      "import * as XLSX from '@e965/xlsx';",
      "import { EXCHANGES_TABLE } from '../data/schema/index.ts';",
      "import { isActiveOn } from '../indicators/rules.ts';",
      "import { SHEETS } from '../kit/template-layout.ts';",
      "import { readLines } from './lines.ts';",
      'export const used = [XLSX, EXCHANGES_TABLE, isActiveOn, SHEETS, readLines];',
    ].join('\n'),
  },
  {
    file: 'src/i18n/sample.ts',
    label: 'src/i18n',
    sql: true,
    crossings: [
      crossing('../indicators/registry.ts', 'src/i18n imports only types from src/indicators'),
      crossing('../import/report.ts', 'src/i18n imports only types from src/import'),
      crossing('../map/classify.ts', 'src/i18n does not import src/map'),
      crossing('../state/view.ts', 'src/i18n does not import the view state'),
      crossing('../dashboard/rank.ts', 'src/i18n does not import src/dashboard'),
      crossing('react', 'src/i18n does not import React or UI libraries'),
    ],
    clean: [
      "import type { IndicatorDefinition } from '../indicators/registry.ts';",
      "import { type LineAccounting } from '../import/report.ts';",
      "import { THEME_FAMILY_LABELS } from '../data/waldec.ts';",
      'export type Used = IndicatorDefinition | LineAccounting;',
      'export const labels = THEME_FAMILY_LABELS;',
    ].join('\n'),
  },
  {
    file: 'src/declare/sample.ts',
    label: 'src/declare',
    sql: true,
    crossings: [
      crossing('../state/view.ts', 'src/declare does not import the view state'),
      crossing('react', 'src/declare does not import React or UI libraries'),
      crossing('../map/classify.ts', 'src/declare does not import src/map'),
      crossing('../export/csv.ts', 'src/declare does not import src/export'),
      crossing('../data/browser-session.ts', 'src/declare does not import the DuckDB-WASM engine'),
    ],
    clean: [
      "import Papa from 'papaparse';",
      "import { buildSearchIndex } from '../dashboard/search-index.ts';",
      "import { declareTexts } from '../i18n/sections/declare.ts';",
      "import { sourceFromBytes } from '../import/source.ts';",
      "import type { SearchEntry } from '../indicators/map-layers-data.ts';",
      'export const used = [Papa, buildSearchIndex, declareTexts, sourceFromBytes];',
      'export type Used = SearchEntry;',
    ].join('\n'),
  },
  {
    file: 'src/dashboard/sample.ts',
    label: 'src/dashboard',
    sql: true,
    crossings: [
      crossing('../state/view.ts', 'src/dashboard does not import the view state'),
      crossing('../hooks/use-format.ts', 'src/dashboard does not import hooks'),
      crossing('maplibre-gl', 'src/dashboard does not import MapLibre'),
      crossing('../export/csv.ts', 'src/dashboard does not import src/export'),
      crossing('../data/duckdb-browser.ts', 'src/dashboard does not import the DuckDB-WASM engine'),
    ],
    clean: [
      "import MiniSearch from 'minisearch';",
      "import { mapIndicator } from '../indicators/registry.ts';",
      "import { classify } from '../map/classify.ts';",
      'export const used = [MiniSearch, mapIndicator, classify];',
    ].join('\n'),
  },
  {
    file: 'src/export/sample.ts',
    label: 'src/export',
    sql: true,
    crossings: [
      crossing('../state/view.ts', 'src/export does not import the view state'),
      crossing('../data/browser-session.ts', 'src/export does not import the DuckDB-WASM engine'),
      crossing('react', 'src/export does not import React or UI libraries'),
      crossing('../hooks/use-view-exports.ts', 'src/export does not import hooks'),
    ],
    clean: [
      "import Papa from 'papaparse';",
      "import { communeTableRows } from '../dashboard/commune-table.ts';",
      "import { INDICATORS } from '../indicators/registry.ts';",
      'export const used = [Papa, communeTableRows, INDICATORS];',
    ].join('\n'),
  },
  {
    file: 'src/map/sample.ts',
    label: 'src/map',
    sql: true,
    crossings: [
      crossing(
        'maplibre-gl',
        'src/map imports only types from MapLibre',
        "import maplibregl from '{source}';\nexport const used = [maplibregl];\n",
      ),
      crossing('../dashboard/rank.ts', 'src/map does not import src/dashboard'),
      crossing('../state/view.ts', 'src/map does not import the view state'),
      crossing('../components/map/MapView.tsx', 'src/map does not import components'),
      crossing('../data/duckdb-node.ts', 'src/map does not import Node-only code'),
    ],
    clean: [
      "import type { ExpressionSpecification } from 'maplibre-gl';",
      "import { schemeBlues } from 'd3-scale-chromatic';",
      "import { INDICATORS } from '../indicators/registry.ts';",
      "import { spreadAroundPoint } from '../data/spread-points.ts';",
      'export type Paint = ExpressionSpecification;',
      'export const used = [schemeBlues, INDICATORS, spreadAroundPoint];',
    ].join('\n'),
  },
  {
    file: 'src/state/sample.ts',
    label: 'src/state',
    sql: true,
    crossings: [
      crossing('../map/classify.ts', 'src/state does not import src/map'),
      crossing('react', 'src/state does not import React or UI libraries'),
      crossing('../import/report.ts', 'src/state imports only types from src/import'),
      crossing('../data/duckdb-browser.ts', 'src/state does not import the DuckDB-WASM engine'),
      crossing('../dashboard/rank.ts', 'src/state does not import src/dashboard'),
    ],
    clean: [
      "import { atom } from 'nanostores';",
      "import type { ImportReport } from '../import/report.ts';",
      "import { SIDES } from '../indicators/filters.ts';",
      "import { RESOURCE_TYPES } from '../data/schema/index.ts';",
      'export const $report = atom<ImportReport | null>(null);',
      'export const used = [SIDES, RESOURCE_TYPES];',
    ].join('\n'),
  },
  {
    file: 'src/hooks/sample.ts',
    label: 'src/hooks',
    sql: true,
    crossings: [
      crossing('../components/panels/Legend.tsx', 'src/hooks does not import components'),
      crossing('maplibre-gl', 'src/hooks does not import MapLibre'),
      crossing('../data/duckdb-node.ts', 'src/hooks does not import Node-only code'),
      crossing('../pages/index.astro', 'src/hooks does not import pages or layouts'),
    ],
    clean: [
      "import { useStore } from '@nanostores/react';",
      "import { useMemo } from 'react';",
      "import { openBrowserSession } from '../data/browser-session.ts';",
      "import { classify } from '../map/classify.ts';",
      "import { $view } from '../state/view.ts';",
      "import { toCsv } from '../export/csv.ts';",
      'export const used = [useStore, useMemo, openBrowserSession, classify, $view, toCsv];',
    ].join('\n'),
  },
  {
    file: 'src/components/panels/sample.tsx',
    label: 'src/components',
    sql: true,
    crossings: [
      crossing('maplibre-gl', 'src/components does not import MapLibre'),
      crossing(
        '../../data/browser-session.ts',
        'src/components imports only types from the DuckDB-WASM engine',
      ),
      crossing('@duckdb/duckdb-wasm', 'src/components imports only types from the DuckDB-WASM engine'),
      crossing('../../data/duckdb-node.ts', 'src/components does not import Node-only code'),
      crossing('../../data/load-dataset.ts', 'src/components does not import dataset loading'),
      crossing('../../layouts/BaseLayout.astro', 'src/components does not import pages or layouts'),
    ],
    clean: [
      "import { useStore } from '@nanostores/react';",
      "import type { BrowserSession } from '../../data/browser-session.ts';",
      "import { useMessages } from '../../hooks/use-messages.ts';",
      "import { $view } from '../../state/view.ts';",
      "import { KeyFigure } from './KeyFigure.tsx';",
      'export function Sample({ session }: { session: BrowserSession }) {',
      '  const view = useStore($view);',
      '  const t = useMessages();',
      '  return <KeyFigure label={t.title} value={session.generation + view.indicator.length} />;',
      '}',
    ].join('\n'),
  },
  {
    file: 'src/components/map/sample.tsx',
    label: 'src/components/map',
    sql: true,
    crossings: [
      crossing(
        '../../data/duckdb-browser.ts',
        'src/components/map imports only types from the DuckDB-WASM engine',
      ),
      crossing('../../data/duckdb-node.ts', 'src/components/map does not import Node-only code'),
      crossing('../../pages/index.astro', 'src/components/map does not import pages or layouts'),
    ],
    clean: [
      "import maplibregl from 'maplibre-gl';",
      "import { useEffect } from 'react';",
      "import { useMapFeatures } from '../../hooks/use-map-features.ts';",
      "import { classify } from '../../map/classify.ts';",
      'export const used = [maplibregl, useEffect, useMapFeatures, classify];',
    ].join('\n'),
  },
  {
    file: 'src/pages/sample.astro',
    label: 'src/pages',
    sql: true,
    crossings: [
      crossing('../hooks/use-format.ts', 'src/pages does not import hooks'),
      crossing('../state/view.ts', 'src/pages does not import the view state'),
      crossing('maplibre-gl', 'src/pages does not import MapLibre'),
      crossing('../data/browser-session.ts', 'src/pages does not import the DuckDB-WASM engine'),
    ],
    clean: [
      '---',
      "import { Observatory } from '../components/Observatory.tsx';",
      "import { fr } from '../i18n/fr.ts';",
      "import BaseLayout from '../layouts/BaseLayout.astro';",
      '---',
      '<BaseLayout title={fr.title}><Observatory client:load /></BaseLayout>',
    ].join('\n'),
  },
  {
    file: 'src/layouts/sample.astro',
    label: 'src/layouts',
    sql: true,
    crossings: [
      crossing('../pages/index.astro', 'src/layouts does not import pages or layouts'),
      crossing('../hooks/use-format.ts', 'src/layouts does not import hooks'),
      crossing('../state/view.ts', 'src/layouts does not import the view state'),
    ],
    clean: [
      '---',
      "import '@fontsource-variable/inter';",
      "import '../styles/global.css';",
      "import { fr } from '../i18n/fr.ts';",
      '---',
      '<html lang="fr"><head><title>{fr.title}</title></head><body><slot /></body></html>',
    ].join('\n'),
  },
  {
    file: 'src/config.ts',
    label: 'src/config.ts',
    sql: true,
    crossings: [
      crossing('./state/view.ts', 'src/config.ts does not import the view state'),
      crossing('./indicators/registry.ts', 'src/config.ts does not import src/indicators'),
      crossing('react', 'src/config.ts does not import React or UI libraries'),
    ],
    clean: 'export const DATASET_URL = `${import.meta.env.BASE_URL}data/demo/`;',
  },
  {
    file: 'src/security/sample.ts',
    label: 'src/security',
    sql: true,
    crossings: [
      crossing('../state/view.ts', 'src/security does not import the view state'),
      crossing('react', 'src/security does not import React or UI libraries'),
      crossing('../data/duckdb-node.ts', 'src/security does not import Node-only code'),
    ],
    clean:
      "import { config } from 'zod';\n\nconfig({ jitless: true });\nexport const policy = \"default-src 'self'\";",
  },
  {
    file: 'scripts/lib/sample.ts',
    label: 'scripts',
    sql: false,
    crossings: [
      crossing('../../src/components/Observatory.tsx', 'scripts does not import components'),
      crossing('../../src/data/browser-session.ts', 'scripts does not import the DuckDB-WASM engine'),
      crossing('../../src/state/view.ts', 'scripts does not import the view state'),
      crossing('react', 'scripts does not import React or UI libraries'),
    ],
    clean: [
      "import { readFile } from 'node:fs/promises';",
      "import { createNodeRunner } from '../../src/data/duckdb-node.ts';",
      "import { INDICATORS } from '../../src/indicators/registry.ts';",
      "export const probe = 'SELECT count(*) FROM communes';",
      'export const used = [readFile, createNodeRunner, INDICATORS];',
    ].join('\n'),
  },
  {
    file: 'tests/unit/sample/sample.ts',
    label: 'tests',
    sql: false,
    crossings: [
      crossing('playwright-core', 'tests does not import the browser driver'),
      crossing('../../../src/data/duckdb-browser.ts', 'tests does not import the DuckDB-WASM engine'),
    ],
    clean: [
      "import { expect, it } from 'vitest';",
      "import { createNodeRunner } from '../../../src/data/duckdb-node.ts';",
      "it('counts', () => expect(['SELECT count(*) FROM communes', createNodeRunner]).toHaveLength(2));",
    ].join('\n'),
  },
  {
    file: 'tests/e2e/sample.ts',
    label: 'tests/e2e',
    sql: false,
    crossings: [
      crossing('../../src/components/Observatory.tsx', 'tests/e2e does not import components'),
      crossing('react', 'tests/e2e does not import React or UI libraries'),
      crossing('../../src/data/browser-session.ts', 'tests/e2e does not import the DuckDB-WASM engine'),
    ],
    clean: [
      "import type { Page } from 'playwright-core';",
      "import { expect, it } from 'vitest';",
      "import { fr } from '../../src/i18n/fr.ts';",
      'export const title = async (page: Page): Promise<string> => page.title();',
      "it('names the page', () => expect(fr.title).not.toBe(''));",
    ].join('\n'),
  },
];

/** A violating line in the folder's file kind, to go after the sample's imports. */
function htmlSink(ext: Ext): string {
  if (ext === 'tsx')
    return 'export const Sink = ({ text }: { text: string }) => <p dangerouslySetInnerHTML={{ __html: text }} />;';
  if (ext === 'astro') return "---\nconst text = 'x';\n---\n<p set:html={text} />";
  return 'export function sink(element: HTMLElement, text: string): void {\n  element.innerHTML = text;\n}';
}

function sqlText(ext: Ext, quote: "'" | '`'): string {
  const literal = `${quote}SELECT code_insee FROM communes WHERE population > 0${quote}`;
  return ext === 'astro'
    ? `---\nconst query = ${literal};\n---\n<p>{query}</p>`
    : `export const query = ${literal};`;
}

const extOf = (file: Folder['file']): Ext =>
  file.endsWith('.astro') ? 'astro' : file.endsWith('.tsx') ? 'tsx' : 'ts';

function importSample(ext: Ext, { source, code }: Crossing): string {
  const line = code.replaceAll('{source}', source);
  return ext === 'astro'
    ? `---\n${line.replace('export const used', 'const used')}---\n<p>{String(used)}</p>`
    : line;
}

describe.each(FOLDERS)('fences of $label ($file)', (folder) => {
  const { file: filePath } = folder;
  const ext = extOf(filePath);

  it('refuses an HTML sink', async () => {
    expect(await problems(filePath, htmlSink(ext))).toEqual([syntax(HTML)]);
  });

  it(folder.sql ? 'refuses SQL text, quoted or templated' : 'accepts SQL text', async () => {
    const expected = folder.sql ? [syntax(SQL)] : [];
    expect(await problems(filePath, sqlText(ext, "'"))).toEqual(expected);
    expect(await problems(filePath, sqlText(ext, '`'))).toEqual(expected);
  });

  it.each(folder.crossings)('refuses $source', async (crossing) => {
    expect(await problems(filePath, importSample(ext, crossing))).toEqual([
      refused(crossing.source, crossing.reason),
    ]);
  });

  it('accepts a sample that keeps to the layer', async () => {
    expect(await problems(filePath, folder.clean)).toEqual([]);
  });
});

describe('every file is fenced', () => {
  const fenced = ['src', 'scripts', 'tests'];
  const linted = /\.(ts|tsx|astro|js|mjs|cjs)$/;

  function filesUnder(dir: string): string[] {
    return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => linted.test(name))
      .map((name) =>
        relative(root, join(root, dir, name))
          .split('\\')
          .join('/'),
      );
  }

  /** The fence a file must get: the longest label of FOLDERS that is the file or holds it. */
  function expectedLabel(file: string): string | undefined {
    return FOLDERS.map((folder) => folder.label)
      .filter((label) => file === label || file.startsWith(`${label}/`))
      .sort((a, b) => b.length - a.length)[0];
  }

  it('gives each linted file of src, scripts and tests its own folder fence with the HTML sinks', async () => {
    const unfenced: string[] = [];
    const checked: string[] = [];
    for (const file of fenced.flatMap(filesUnder)) {
      if (await eslint.isPathIgnored(file)) continue;
      checked.push(file);
      const config: unknown = await eslint.calculateConfigForFile(file);
      const rules = (config as { rules?: Record<string, unknown> }).rules ?? {};
      const imports = JSON.stringify(rules['no-restricted-imports'] ?? null);
      const syntaxRule = JSON.stringify(rules['no-restricted-syntax'] ?? null);
      const label = expectedLabel(file);
      const ok =
        label !== undefined &&
        imports.includes(`Layer boundary: ${label} `) &&
        syntaxRule.includes('dangerouslySetInnerHTML') &&
        syntaxRule.includes('innerHTML|outerHTML');
      if (!ok) unfenced.push(file);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'src/config.ts',
        'src/components/map/MapView.tsx',
        'src/pages/index.astro',
        'scripts/demo.ts',
        'tests/e2e/map-loads.test.ts',
        'tests/unit/lint/fences.test.ts',
      ]),
    );
    expect(unfenced).toEqual([]);
  });
});
