/*
 * A public build of the built site for the browser tests (issue 14): the site (SYMBIOSE_DIST or
 * dist/) copied to a temporary folder, turned into a public build there by `publishBuild` (the
 * step `npm run build:public` runs), and served; the shipped product read back in Node with
 * apache-arrow, as the reference for what the page must show.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { tableFromIPC, type Table } from 'apache-arrow';

import { publishBuild } from '../../../scripts/lib/public-build.ts';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server.ts';

/** The built site the public build is made from. */
const DIST = resolve(process.env['SYMBIOSE_DIST'] ?? 'dist');

/** A cell's status, as shipped. */
export type ShippedStatus = 'publie' | 'secret' | 'non-renseigne';
const STATUSES: ReadonlySet<string> = new Set<ShippedStatus>(['publie', 'secret', 'non-renseigne']);

/** The part of `public.json` the tests read. */
export interface ShippedMetadata {
  readonly periodes: readonly {
    readonly key: string;
    readonly kind: 'trimestre' | 'annee' | 'ensemble';
    readonly parent: string | null;
  }[];
  readonly zones: readonly {
    readonly code: string;
    readonly nom: string;
    readonly niveau: 'commune' | 'epci' | 'territoire';
  }[];
  readonly mesures: readonly { readonly id: string; readonly colonne: string; readonly regles: string }[];
  readonly familles: Readonly<Record<string, readonly string[]>>;
}

/** A view of the public page: what its three selects hold. */
export interface PublicView {
  readonly measure: string;
  readonly periode: string;
  readonly famille: string;
}

/** A zone's figure in a view, as the shipped files give it. */
export interface ShippedFigure {
  readonly zone: string;
  readonly niveau: 'commune' | 'epci' | 'territoire';
  readonly status: ShippedStatus;
  readonly central: number | null;
  readonly bas: number | null;
  readonly haut: number | null;
}

type CellRow = Readonly<Record<string, unknown>>;

/**
 * Every row of an Arrow table as a plain object (bigints as numbers). Read here rather than with the
 * page's own `toRows`, so that the reference does not share the converter it checks.
 */
function rowsOf(table: Table): CellRow[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((_, i) => table.getChildAt(i));
  const rows: CellRow[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (const [i, name] of names.entries()) {
      const value: unknown = columns[i]?.get(r) ?? null;
      row[name] = typeof value === 'bigint' ? Number(value) : value;
    }
    rows.push(row);
  }
  return rows;
}

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** The shipped product of one dataset folder: `public.json` and the rows of `cellules.arrow`. */
export class ShippedProduct {
  readonly metadata: ShippedMetadata;
  /** The family keys: each family of `public.json`, and « toutes ». */
  readonly families: readonly string[];
  private readonly columns: ReadonlySet<string>;
  private readonly cells = new Map<string, CellRow>();

  constructor(metadataText: string, cellBytes: Uint8Array) {
    this.metadata = JSON.parse(metadataText) as ShippedMetadata;
    this.families = [...Object.keys(this.metadata.familles), 'toutes'];
    const table = tableFromIPC(cellBytes);
    this.columns = new Set(table.schema.fields.map((f) => f.name));
    for (const row of rowsOf(table))
      this.cells.set(ShippedProduct.key(row['zone'], row['periode'], row['famille']), row);
  }

  private static key(zone: unknown, periode: unknown, famille: unknown): string {
    return `${String(zone)}\u0000${String(periode)}\u0000${String(famille)}`;
  }

  /** A measure of `public.json` by id. */
  measure(id: string): ShippedMetadata['mesures'][number] {
    const measure = this.metadata.mesures.find((m) => m.id === id);
    if (!measure) throw new Error(`public.json publishes no measure ${id}`);
    return measure;
  }

  /**
   * The status column a measure follows: its own (`statut_echanges` for `echanges`) if the file
   * has one, else its tier's (`statut_personnes` for the people's rules), else `statut`.
   */
  statusColumn(id: string): string {
    const measure = this.measure(id);
    const candidates = [`statut_${measure.colonne}`, `statut_${measure.regles}`, 'statut'];
    const found = candidates.find((c) => this.columns.has(c));
    if (!found) throw new Error(`cellules.arrow has no status column for ${id}`);
    return found;
  }

  /** Every zone's figure in a view, in `public.json`'s zone order; a missing cell is not provided. */
  figures(view: PublicView): ShippedFigure[] {
    const measure = this.measure(view.measure);
    const statusColumn = this.statusColumn(view.measure);
    return this.metadata.zones.map((zone) => {
      const row = this.cells.get(ShippedProduct.key(zone.code, view.periode, view.famille));
      const status = row?.[statusColumn];
      if (row !== undefined && (typeof status !== 'string' || !STATUSES.has(status)))
        throw new Error(`cellules.arrow: ${statusColumn} « ${String(status)} » for ${zone.code}`);
      const shipped: ShippedStatus = row ? (status as ShippedStatus) : 'non-renseigne';
      const published = shipped === 'publie';
      return {
        zone: zone.code,
        niveau: zone.niveau,
        status: shipped,
        central: published ? numberOrNull(row?.[measure.colonne]) : null,
        bas: published ? numberOrNull(row?.[`${measure.colonne}_bas`]) : null,
        haut: published ? numberOrNull(row?.[`${measure.colonne}_haut`]) : null,
      };
    });
  }
}

/** A public build of the site, served, with its shipped product. */
export interface PublicSite {
  /** The temporary folder holding the public build. */
  readonly folder: string;
  /** The dataset folder of the public build (data/<name>/). */
  readonly dataset: string;
  /** The URL the site is served at (ends with `/`). */
  readonly url: string;
  readonly product: ShippedProduct;
  /** The shipped `cellules.arrow`, byte for byte (to put it back after a test breaks it). */
  readonly cellBytes: Uint8Array;
  close(): Promise<void>;
}

/**
 * Copies the built site to a temporary folder, makes it a public build (`publishBuild`), serves
 * it and reads its product. Takes about a minute: every cell is computed with DuckDB and the
 * secrecy is solved by a linear program.
 *
 * The product's files have no precompressed copy (`publishBuild` writes none: build-public.ts
 * does, after it), and every response says `Cache-Control: no-store`: the static server lists
 * the files (sizes, ETags) once at start, so a file a test overwrites with bytes of the same
 * length is sent as it now is, and never answered by a stale 304 from the browser's cache.
 */
export async function startPublicSite(): Promise<PublicSite> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error(`${DIST} is empty: run \`npm run build\` first (npm test does).`);
  const folder = await mkdtemp(join(tmpdir(), 'symbiose-public-'));
  try {
    await cp(DIST, folder, { recursive: true });
    const reports = await publishBuild(folder);
    const first = reports[0];
    if (reports.length !== 1 || !first)
      throw new Error(`expected one dataset folder in ${DIST}/data, found ${reports.length}`);
    const dataset = first.folder;
    for (const name of await readdir(dataset))
      if (/\.(br|gz)$/.test(name)) await rm(join(dataset, name), { force: true });
    const cellBytes = new Uint8Array(readFileSync(join(dataset, 'cellules.arrow')));
    const product = new ShippedProduct(readFileSync(join(dataset, 'public.json'), 'utf8'), cellBytes);
    const server: StaticServer = await startStaticServer(
      folder,
      0,
      '127.0.0.1',
      {},
      {
        'Cache-Control': 'no-store',
      },
    );
    return {
      folder,
      dataset,
      url: server.url,
      product,
      cellBytes,
      async close() {
        await server.close();
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
