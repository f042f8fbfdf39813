import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Fences (README « Layers »). Flat config does not merge rule options: a later block's
 * 'no-restricted-syntax' or 'no-restricted-imports' replaces an earlier one. So every folder gets
 * ONE block whose lists are built here from named parts, and the folders' `files` never overlap.
 * tests/unit/lint/fences.test.ts proves that each fence fires and that every file has one.
 */

/** Syntax part: data is never executed as HTML (every file). */
const HTML_SINKS = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Data is never rendered as HTML.',
  },
  {
    selector: "JSXAttribute[name.namespace.name='set'][name.name.name='html']",
    message: 'Data is never rendered as HTML.',
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Data is never rendered as HTML.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'Data is never rendered as HTML.',
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(setHTML|insertAdjacentHTML|createContextualFragment)$/]',
    message: 'Use setText / text nodes.',
  },
];

/** Syntax part: SQL text belongs to src/indicators (queries) and src/data (DDL, checks). */
const SQL_TEXT = [
  {
    selector: 'Literal[value=/\\b(SELECT|FROM|WHERE)\\s/]',
    message: 'SQL lives in src/indicators or src/data.',
  },
  {
    selector: 'TemplateElement[value.raw=/\\b(SELECT|FROM|WHERE)\\s/]',
    message: 'SQL lives in src/indicators or src/data.',
  },
];

/**
 * Import parts: what a fence can keep out, named for the messages. The rest of `src/data` (schema,
 * manifest, the QueryRunner interface…) is open to every layer.
 */
const PARTS = {
  indicators: { what: 'src/indicators', group: ['**/indicators/**'] },
  import: { what: 'src/import', group: ['**/import/**'] },
  kit: { what: 'src/kit', group: ['**/kit/**'] },
  declare: { what: 'src/declare', group: ['**/declare/**'] },
  i18n: { what: 'src/i18n', group: ['**/i18n/**'] },
  map: { what: 'src/map', group: ['**/map/**'] },
  dashboard: { what: 'src/dashboard', group: ['**/dashboard/**'] },
  export: { what: 'src/export', group: ['**/export/**'] },
  state: { what: 'the view state', group: ['**/state/**', 'nanostores', 'nanostores/**'] },
  hooks: { what: 'hooks', group: ['**/hooks/**'] },
  components: { what: 'components', group: ['**/components/**'] },
  pages: { what: 'pages or layouts', group: ['**/pages/**', '**/layouts/**'] },
  ui: {
    what: 'React or UI libraries',
    group: [
      ...['react', 'react-dom', '@nanostores/react', 'recharts', 'downshift', 'html-to-image'].flatMap(
        (name) => [name, `${name}/**`],
      ),
      '@radix-ui/**',
    ],
  },
  maplibre: { what: 'MapLibre', group: ['maplibre-gl', 'maplibre-gl/**'] },
  engine: {
    what: 'the DuckDB-WASM engine',
    group: ['@duckdb/duckdb-wasm', '@duckdb/duckdb-wasm/**', '**/duckdb-browser*', '**/browser-session*'],
  },
  loading: { what: 'dataset loading', group: ['**/load-dataset*', '**/dataset-reader*'] },
  nodeOnly: { what: 'Node-only code', group: ['**/duckdb-node*', '**/node-dataset-reader*', 'node:*'] },
  playwright: { what: 'the browser driver', group: ['playwright-core', 'playwright-core/**'] },
};

/** Layers and libraries a browser layer of src/ may not reach unless its fence allows them. */
const SRC_PARTS = Object.keys(PARTS).filter((part) => part !== 'playwright');

/**
 * One fence: a block for `files` whose rules are the HTML sinks, SQL_TEXT when `sql`, and an import
 * ban on every part of `forbid` (and on all but the types of `typesOnly`).
 */
const fence = ({ label, files, ignores = [], sql, forbid, typesOnly = [] }) => ({
  name: `fence ${label}`,
  files,
  ignores,
  rules: {
    'no-restricted-syntax': ['error', ...HTML_SINKS, ...(sql ? SQL_TEXT : [])],
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbid.map((part) => ({
            group: PARTS[part].group,
            message: `Layer boundary: ${label} does not import ${PARTS[part].what} (README « Layers »).`,
          })),
          ...typesOnly.map((part) => ({
            group: PARTS[part].group,
            allowTypeImports: true,
            message: `Layer boundary: ${label} imports only types from ${PARTS[part].what} (README « Layers »).`,
          })),
        ],
      },
    ],
  },
});

/** A src/ fence written as what the folder MAY use; every other part of SRC_PARTS is refused. */
const srcFence = ({ folder, files = [`${folder}/**`], ignores, sql = true, allow = [], typesOnly = [] }) =>
  fence({
    label: folder,
    files,
    ignores,
    sql,
    forbid: SRC_PARTS.filter(
      (part) => part !== folder.split('/').pop() && !allow.includes(part) && !typesOnly.includes(part),
    ),
    typesOnly,
  });

/** The layers below the UI, all open to hooks and components. */
const LAYERS = ['indicators', 'import', 'kit', 'declare', 'i18n', 'map', 'dashboard', 'export', 'state'];
const UI_ALLOW = [...LAYERS, 'hooks', 'components', 'ui'];

/** The fences, one per folder (README « Layers » has the same table in words). */
const FENCES = [
  // The base: schema, manifest, engines, loading. It imports no other layer.
  srcFence({ folder: 'src/data', sql: false, allow: ['engine', 'loading', 'nodeOnly'] }),
  // Pure SQL builders run through the QueryRunner interface (a type from src/data).
  srcFence({ folder: 'src/indicators', sql: false }),
  // Pure and browser-safe (the importer also runs in a Web Worker): no UI, state, engine, MapLibre or node:*.
  srcFence({ folder: 'src/kit' }),
  srcFence({ folder: 'src/import', allow: ['indicators', 'kit'] }),
  srcFence({ folder: 'src/i18n', typesOnly: ['indicators', 'import'] }),
  srcFence({ folder: 'src/declare', allow: ['indicators', 'import', 'kit', 'i18n', 'dashboard'] }),
  srcFence({ folder: 'src/dashboard', allow: ['indicators', 'i18n', 'map'] }),
  srcFence({ folder: 'src/export', allow: ['indicators', 'i18n', 'map', 'dashboard'] }),
  srcFence({ folder: 'src/map', allow: ['indicators', 'i18n'], typesOnly: ['maplibre'] }),
  srcFence({ folder: 'src/state', allow: ['indicators'], typesOnly: ['import'] }),
  srcFence({ folder: 'src/hooks', allow: [...LAYERS, 'hooks', 'ui', 'engine', 'loading'] }),
  srcFence({
    folder: 'src/components',
    ignores: ['src/components/map/**'],
    allow: UI_ALLOW,
    typesOnly: ['engine'],
  }),
  srcFence({
    folder: 'src/components/map',
    allow: [...UI_ALLOW, 'maplibre'],
    typesOnly: ['engine'],
  }),
  srcFence({ folder: 'src/pages', allow: ['indicators', 'i18n', 'kit', 'components', 'pages'] }),
  srcFence({ folder: 'src/layouts', allow: ['i18n', 'components'] }),
  srcFence({ folder: 'src/config.ts', files: ['src/config.ts'] }),
  // The site's security policy: pure, read alike by the layout, the page and the Node server.
  srcFence({ folder: 'src/security' }),
  // Node-side: the dataset generator, importer command, benchmarks. No UI, no view state, no browser engine.
  fence({
    label: 'scripts',
    files: ['scripts/**'],
    sql: false,
    forbid: ['components', 'hooks', 'state', 'map', 'pages', 'ui', 'maplibre', 'engine'],
  }),
  // Vitest runs in Node: the browser engine is tested through the built site, and only e2e drives a browser.
  fence({
    label: 'tests',
    files: ['tests/**'],
    ignores: ['tests/e2e/**'],
    sql: false,
    forbid: ['engine', 'playwright'],
  }),
  // Browser tests check what a person sees on the built site, not components.
  fence({
    label: 'tests/e2e',
    files: ['tests/e2e/**'],
    sql: false,
    forbid: ['engine', 'components', 'ui'],
  }),
];

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', '.astro/', 'node_modules/', 'public/data/', 'reports/', 'tmp/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...HTML_SINKS],
      eqeqeq: ['error', 'smart'],
      'prefer-const': 'error',
      'no-shadow': 'off',
    },
  },
  {
    files: ['**/*.tsx', 'src/hooks/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...FENCES,
);
