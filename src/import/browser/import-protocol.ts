import type { AssociationRow } from '../../data/schema/index.ts';
import type { ImportReport, InputKind } from '../report.ts';

/** A user's file, with what it was recognised as (or set to by the user). Never sent anywhere. */
export interface UserFile {
  readonly name: string;
  readonly file: Blob;
  readonly kind: InputKind;
}

/** What the page asks the import worker. */
export type ImportRequest =
  | { readonly mode: 'territoire'; readonly files: readonly UserFile[]; readonly cogUrl: string }
  | {
      readonly mode: 'ajout';
      readonly files: readonly UserFile[];
      readonly cogUrl: string;
      /** The loaded dataset's associations, for grants, exchanges and offers to point to. */
      readonly associations: readonly Pick<AssociationRow, 'id' | 'siret' | 'nom' | 'commune_code'>[];
    };

/** What the worker answers: progress, then the dataset's files (or rows to add) and the report. */
export type ImportResponse =
  | { readonly type: 'progress'; readonly step: string; readonly done: number; readonly total: number }
  | {
      readonly type: 'done';
      readonly mode: 'territoire' | 'ajout';
      readonly report: ImportReport;
      /** Files of a whole dataset folder (territoire), or Arrow tables to append, by table name (ajout). */
      readonly files: ReadonlyMap<string, Uint8Array>;
      /** Rejected rows to fix and re-import, as CSV text by file name (`rejets-<file>.csv`). */
      readonly rejected: ReadonlyMap<string, string>;
    }
  | { readonly type: 'error'; readonly message: string };
