/**
 * Column and table definitions: the vocabulary every dataset table is described with.
 *
 * One definition drives the Arrow schema written by the generator and importers, the DuckDB
 * checks run when a dataset loads, the published Table Schema (Frictionless) of the exchange
 * format, and the TypeScript row types (`RowOf`). Titles and descriptions are French: they are
 * shown to the people who produce and validate files.
 */

/** Logical column types, as in Table Schema (`date` is a calendar day, `YYYY-MM-DD`). */
export type ColumnType = 'string' | 'integer' | 'number' | 'date' | 'boolean';

/** One column of a dataset table. */
export interface ColumnDefinition {
  readonly name: string;
  readonly type: ColumnType;
  readonly required: boolean;
  /** Short French title (Table Schema `title`). */
  readonly title: string;
  /** French description written for humans: validators quote it in their messages. */
  readonly description: string;
  readonly enum?: readonly string[];
  readonly pattern?: string;
  readonly minimum?: number;
  /** Above it the value cannot be right (a typing error, a unit mistake): the row is rejected. */
  readonly maximum?: number;
  /** Above it the value is unlikely for one exchange between associations: the importer warns. */
  readonly plausibleMaximum?: number;
  readonly maxLength?: number;
  readonly unique?: boolean;
  /** Written form of booleans in CSV files (Table Schema `trueValues` / `falseValues`). */
  readonly trueValues?: readonly string[];
  readonly falseValues?: readonly string[];
  readonly example?: string;
  /** Personal or sensitive data: never shown on the public view (methodology §5). */
  readonly personal?: boolean;
  /**
   * Filled when the dataset is built (e.g. an exchange's resolved association ids), not part of
   * the published file format: left out of the Table Schema.
   */
  readonly derived?: boolean;
}

/**
 * A table-level check in the manner of Validata's custom checks (methodology §4.6): skipped when
 * its cells are empty.
 */
export type CustomCheck =
  | {
      readonly name: 'one-of-required';
      readonly params: { readonly column: string; readonly column2: string };
    }
  | { readonly name: 'siret'; readonly params: { readonly column: string } }
  | {
      readonly name: 'compare-columns-value';
      readonly params: {
        readonly column: string;
        readonly op: '>=' | '>' | '<=' | '<';
        readonly column2: string;
      };
    };

/** One table of a dataset: stored as `<file>` (Arrow IPC stream) and loaded as `<name>` in DuckDB. */
export interface TableDefinition {
  readonly name: string;
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly primaryKey: string;
  readonly columns: readonly ColumnDefinition[];
  readonly customChecks?: readonly CustomCheck[];
}

type ValueOf<C extends ColumnDefinition> = C extends { readonly enum: readonly (infer E)[] }
  ? E
  : C['type'] extends 'string' | 'date'
    ? string
    : C['type'] extends 'integer' | 'number'
      ? number
      : boolean;

/**
 * The row type of a table, derived from its definition: one property per column, named exactly
 * as the SQL column, `null` allowed unless the column is required. Dates are `YYYY-MM-DD` strings.
 */
export type RowOf<T extends TableDefinition> = {
  -readonly [C in T['columns'][number] as C['name']]: C['required'] extends true
    ? ValueOf<C>
    : ValueOf<C> | null;
};

/** Names of the columns of a table, as a union of string literals. */
export type ColumnName<T extends TableDefinition> = T['columns'][number]['name'];

/** Pattern of an INSEE commune code: 5 digits, or 2A/2B + 3 digits in Corsica (methodology §4.4). */
export const INSEE_CODE_PATTERN = '^(\\d{5}|2[AB]\\d{3})$';
/** Pattern of an RNA number in the WALDEC register: `W` + 9 characters, digits in practice. */
export const RNA_PATTERN = '^W\\d{9}$';
/** Pattern of a SIRET establishment number (14 digits). */
export const SIRET_PATTERN = '^\\d{14}$';
/** Pattern of a SIREN number, e.g. an intercommunalité (9 digits). */
export const SIREN_PATTERN = '^\\d{9}$';
