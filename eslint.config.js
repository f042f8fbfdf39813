import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports a layer may not make (style brief §2): the dependency direction is a rule, not a habit. */
const forbid = (...groups) => ({
  patterns: groups.map((group) => ({ group: [group], message: 'Layer boundary: see README « Layers ».' })),
});
const UI = ['**/components/**', '**/hooks/**', 'react', 'react-dom', '@nanostores/react', 'recharts'];
const ENGINE = ['@duckdb/duckdb-wasm', '**/duckdb-browser*', '**/browser-session*'];

/** SQL text belongs to src/indicators (queries) and src/data (DDL), nowhere else. */
const noSql = {
  'no-restricted-syntax': [
    'error',
    {
      selector: 'Literal[value=/\\b(SELECT|FROM|WHERE)\\s/]',
      message: 'SQL lives in src/indicators or src/data.',
    },
    {
      selector: 'TemplateElement[value.raw=/\\b(SELECT|FROM|WHERE)\\s/]',
      message: 'SQL lives in src/indicators or src/data.',
    },
  ],
};

/** Data is never executed as HTML. */
const noHtmlSinks = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Data is never rendered as HTML.',
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Data is never rendered as HTML.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(setHTML|insertAdjacentHTML)$/]',
    message: 'Use setText / text nodes.',
  },
];

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'public/data/', 'reports/', 'tmp/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noHtmlSinks],
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
  {
    files: ['src/data/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        forbid('**/indicators/**', '**/map/**', '**/state/**', ...UI, 'maplibre-gl'),
      ],
    },
  },
  {
    files: ['src/indicators/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        forbid(
          '**/map/**',
          '**/state/**',
          ...UI,
          ...ENGINE,
          'maplibre-gl',
          '**/duckdb-node*',
          '**/load-dataset*',
        ),
      ],
    },
  },
  {
    files: ['src/map/**'],
    rules: {
      ...noSql,
      'no-restricted-imports': [
        'error',
        {
          ...forbid('**/state/**', ...UI, ...ENGINE, '**/duckdb-node*'),
          paths: [
            {
              name: 'maplibre-gl',
              allowTypeImports: true,
              message: 'src/map is map logic as data: types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**'],
    rules: {
      ...noSql,
      'no-restricted-imports': ['error', forbid('**/map/**', ...UI, ...ENGINE, 'maplibre-gl')],
    },
  },
  {
    // View models: pure functions of query results, shared by the map, the table and the exports.
    files: ['src/dashboard/**', 'src/export/**'],
    rules: {
      ...noSql,
      'no-restricted-imports': [
        'error',
        forbid('**/state/**', ...UI, ...ENGINE, 'maplibre-gl', '**/duckdb-node*'),
      ],
    },
  },
  {
    files: ['src/hooks/**'],
    rules: { ...noSql, 'no-restricted-imports': ['error', forbid('**/components/**', 'maplibre-gl')] },
  },
  {
    files: ['src/components/**'],
    ignores: ['src/components/map/**'],
    rules: {
      ...noSql,
      'no-restricted-imports': ['error', forbid(...ENGINE, '**/duckdb-node*', 'maplibre-gl')],
    },
  },
  {
    files: ['src/components/map/**'],
    rules: { ...noSql, 'no-restricted-imports': ['error', forbid(...ENGINE, '**/duckdb-node*')] },
  },
  {
    files: ['scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        forbid('**/components/**', '**/hooks/**', '**/state/**', '**/map/**', ...ENGINE),
      ],
    },
  },
);
