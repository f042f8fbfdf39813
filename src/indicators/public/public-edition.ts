import { z } from 'zod';

import type { IndicatorValue } from '../types.ts';
import { FAMILY_KEYS, type FamilyKey, type PublicPeriod, type PublicZone } from './granularities.ts';
import {
  PUBLIC_MEASURES,
  PUBLIC_TIERS,
  STATUS_COLUMNS,
  type PublicMeasure,
  type PublicMeasureId,
  type PublicTier,
} from './measures.ts';
import type { CellStatus } from './suppression.ts';

/*
 * What the page of a public build reads and shows (issue 14, phase 2): the public product's
 * `public.json` and the rows of `cellules.arrow`, checked, and the view a person picks in it —
 * one measure, one of the product's periods, one of its families. The page offers only these
 * granularities: it has no other data to cut. Pure: no DOM, no fetch.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const metadataSchema = z.object({
  jeu_de_donnees: z.string(),
  periode: z.object({ start: isoDate, end: isoDate }),
  methode: z.string(),
  periodes: z
    .array(
      z.object({
        key: z.string(),
        kind: z.enum(['trimestre', 'annee', 'ensemble']),
        parent: z.string().nullable(),
        start: isoDate,
        end: isoDate,
      }),
    )
    .min(1),
  zones: z
    .array(
      z.object({
        code: z.string(),
        nom: z.string(),
        niveau: z.enum(['commune', 'epci', 'territoire']),
        parent: z.string().nullable(),
      }),
    )
    .min(1),
  mesures: z.array(z.object({ id: z.string(), colonne: z.string() })),
  cellules: z.object({ total: z.number().int().nonnegative() }),
});

/** The product's description, as the page uses it. */
export interface PublicMetadata {
  readonly dataset: string;
  readonly period: { readonly start: string; readonly end: string };
  readonly method: string;
  readonly periods: readonly PublicPeriod[];
  readonly zones: readonly PublicZone[];
  /** The measures the product publishes, in the site's order. */
  readonly measures: readonly PublicMeasure[];
  /** How many rows `cellules.arrow` holds. */
  readonly cellCount: number;
}

/** A file of the product that cannot be used, and why. */
export class PublicProductError extends Error {
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`${file} : ${reason}`);
    this.name = 'PublicProductError';
    this.file = file;
  }
}

/** `public.json` checked: its shape, and measures the site knows. */
export function parsePublicMetadata(text: string, file = 'public.json'): PublicMetadata {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PublicProductError(file, `JSON illisible (${error instanceof Error ? error.message : ''}).`);
  }
  const parsed = metadataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PublicProductError(
      file,
      `champ « ${issue?.path.join('.') ?? '?'} » invalide (${issue?.message ?? 'forme inattendue'}).`,
    );
  }
  const ids = new Set(parsed.data.mesures.map((m) => m.id));
  const measures = PUBLIC_MEASURES.filter((m) => ids.has(m.id));
  if (measures.length === 0) throw new PublicProductError(file, 'aucune mesure connue de ce site.');
  return {
    dataset: parsed.data.jeu_de_donnees,
    period: parsed.data.periode,
    method: parsed.data.methode,
    periods: parsed.data.periodes,
    zones: parsed.data.zones,
    measures,
    cellCount: parsed.data.cellules.total,
  };
}

/** One cell as the page reads it: its key, its two statuses and its figures. */
export interface PublicCell {
  readonly zone: string;
  readonly periode: string;
  readonly famille: FamilyKey;
  /** Per tier of measures (measures.ts): published, secret or not known. */
  readonly statuses: Readonly<Record<PublicTier, CellStatus>>;
  /** Per measure id: central, low, high (null when masked or unknown). */
  readonly figures: Readonly<Partial<Record<PublicMeasureId, IndicatorValue>>>;
}

const STATUSES: ReadonlySet<string> = new Set<CellStatus>(['publie', 'secret', 'non-renseigne']);

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * The rows of `cellules.arrow` (plain objects) checked against the metadata: every key known, every
 * status one of three, a published figure finite. A row that does not fit stops the page: a public
 * figure is never shown from a file that does not say what it is.
 */
export function readPublicCells(
  rows: readonly Record<string, unknown>[],
  metadata: PublicMetadata,
  file = 'cellules.arrow',
): PublicCell[] {
  const zones = new Set(metadata.zones.map((z) => z.code));
  const periods = new Set(metadata.periods.map((p) => p.key));
  const families: ReadonlySet<string> = new Set(FAMILY_KEYS);
  // A file that reads as fewer rows (an empty or zeroed file reads as none) is not the product.
  if (rows.length !== metadata.cellCount)
    throw new PublicProductError(
      file,
      `${rows.length} lignes lues au lieu des ${metadata.cellCount} annoncées par public.json.`,
    );
  return rows.map((row, i) => {
    const where = `ligne ${i + 1}`;
    const { zone, periode, famille } = row;
    if (typeof zone !== 'string' || !zones.has(zone))
      throw new PublicProductError(file, `${where} : zone « ${String(zone)} » absente de public.json.`);
    if (typeof periode !== 'string' || !periods.has(periode))
      throw new PublicProductError(file, `${where} : période « ${String(periode)} » absente de public.json.`);
    if (typeof famille !== 'string' || !families.has(famille))
      throw new PublicProductError(file, `${where} : famille « ${String(famille)} » inconnue.`);
    const statuses = {} as Record<PublicTier, CellStatus>;
    for (const tier of PUBLIC_TIERS) {
      const value = row[STATUS_COLUMNS[tier]];
      if (typeof value !== 'string' || !STATUSES.has(value))
        throw new PublicProductError(
          file,
          `${where} : ${STATUS_COLUMNS[tier]} « ${String(value)} » inconnu.`,
        );
      statuses[tier] = value as CellStatus;
    }
    const figures: Partial<Record<PublicMeasureId, IndicatorValue>> = {};
    for (const measure of metadata.measures) {
      const status = statuses[measure.tier];
      const central = numberOrNull(row[measure.column]);
      if (status === 'publie' && central === null)
        throw new PublicProductError(file, `${where} : ${measure.column} publié sans valeur.`);
      if (status !== 'publie') continue;
      figures[measure.id] = {
        central,
        bas: numberOrNull(row[`${measure.column}_bas`]),
        haut: numberOrNull(row[`${measure.column}_haut`]),
      };
    }
    return {
      zone,
      periode,
      famille: famille as FamilyKey,
      statuses,
      figures,
    };
  });
}

/** What a person picks: a measure, a period of the product, a family (or all). */
export interface PublicChoice {
  readonly measure: PublicMeasureId;
  readonly periode: string;
  readonly famille: FamilyKey;
}

/** The default view: exchanges (or the first measure), the whole period, every family. */
export function defaultChoice(metadata: PublicMetadata): PublicChoice {
  const whole = metadata.periods.find((p) => p.kind === 'ensemble') ?? metadata.periods.at(-1);
  return {
    measure: (metadata.measures.find((m) => m.id === 'echanges') ?? metadata.measures[0])?.id ?? 'echanges',
    periode: whole?.key ?? 'ensemble',
    famille: 'toutes',
  };
}

/** URL parameters of the public page. */
export const PUBLIC_PARAMS = { measure: 'indicateur', periode: 'periode', famille: 'famille' } as const;

/** The choice a query string names, each part checked against the product (else its default). */
export function choiceFromQuery(query: string, metadata: PublicMetadata): PublicChoice {
  const params = new URLSearchParams(query);
  const fallback = defaultChoice(metadata);
  const measure = params.get(PUBLIC_PARAMS.measure);
  const periode = params.get(PUBLIC_PARAMS.periode);
  const famille = params.get(PUBLIC_PARAMS.famille);
  return {
    measure: metadata.measures.find((m) => m.id === measure)?.id ?? fallback.measure,
    periode: metadata.periods.find((p) => p.key === periode)?.key ?? fallback.periode,
    famille: FAMILY_KEYS.find((f) => f === famille) ?? fallback.famille,
  };
}

/** The query string of a choice: only what differs from the default, in a fixed order. */
export function queryOfChoice(choice: PublicChoice, metadata: PublicMetadata): string {
  const fallback = defaultChoice(metadata);
  const params = new URLSearchParams();
  if (choice.measure !== fallback.measure) params.set(PUBLIC_PARAMS.measure, choice.measure);
  if (choice.periode !== fallback.periode) params.set(PUBLIC_PARAMS.periode, choice.periode);
  if (choice.famille !== fallback.famille) params.set(PUBLIC_PARAMS.famille, choice.famille);
  return params.toString();
}

/** A zone's figure for the chosen view: published (with its value), secret, or not known. */
export interface ZoneFigure {
  readonly zone: PublicZone;
  readonly status: CellStatus;
  /** The figure when published, else null. */
  readonly value: IndicatorValue | null;
}

/** The cells of a product by zone, period and family. */
export class PublicCells {
  private readonly byKey = new Map<string, PublicCell>();
  readonly metadata: PublicMetadata;

  constructor(metadata: PublicMetadata, cells: readonly PublicCell[]) {
    this.metadata = metadata;
    for (const cell of cells) this.byKey.set(PublicCells.id(cell.zone, cell.periode, cell.famille), cell);
  }

  private static id(zone: string, periode: string, famille: string): string {
    return `${zone}\u0000${periode}\u0000${famille}`;
  }

  /** The measure definition of an id the product publishes. */
  measure(id: PublicMeasureId): PublicMeasure {
    const measure = this.metadata.measures.find((m) => m.id === id);
    if (!measure) throw new Error(`No public measure ${id}`);
    return measure;
  }

  /**
   * Every zone's figure for the choice, in the product's zone order. A cell missing from the file
   * reads « non renseigné », never zero.
   */
  figures(choice: PublicChoice): ZoneFigure[] {
    const measure = this.measure(choice.measure);
    return this.metadata.zones.map((zone) => {
      const cell = this.byKey.get(PublicCells.id(zone.code, choice.periode, choice.famille));
      if (!cell) return { zone, status: 'non-renseigne', value: null };
      const status = cell.statuses[measure.tier];
      return { zone, status, value: status === 'publie' ? (cell.figures[measure.id] ?? null) : null };
    });
  }
}
