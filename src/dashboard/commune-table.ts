import type {
  CommuneLabel,
  IndicatorDefinition,
  IndicatorValue,
  ZoneIndicators,
} from '../indicators/registry.ts';
import { indicatorById, type ZoneParts } from '../indicators/registry.ts';
import { lazyRecord } from '../indicators/lazy-record.ts';
import { shownValue, type ValueOptions } from './shown-value.ts';

/** Indicators of the table besides the one on the map: a few per family that speak to each audience. */
export const KEY_INDICATORS = [
  'taux-cooperation',
  'partenariats',
  'echanges',
  'liens-intercommunaux',
  // Method v2: the value of cooperation on its own bases, never one sum.
  'cout-evite-net',
  'valeur-benevolat',
  'valeur-personnel',
  'bilan-co2',
  'matiere-evitee',
  'distance-moyenne',
] as const;

/**
 * Indicators of the table where no exchange is declared: what the public files say, the signals,
 * then the coverage and cooperation rate (« non renseigné », saying what is missing).
 */
export const OPEN_DATA_INDICATORS = [
  'associations-actives',
  'associations-pour-1000-hab',
  'creations-par-an',
  'age-moyen',
  'part-siret',
  'subventions-montant',
  'part-financees',
  'sieges-partages',
  'associations-siege-partage',
  'structures-faitieres',
  'couverture',
  'taux-cooperation',
] as const;

/**
 * The table's indicator columns: the map's indicator first, then the key ones — those of the
 * public files when the dataset has no declared exchange (`declared` false).
 */
export function tableIndicators(mapIndicator: IndicatorDefinition, declared = true): IndicatorDefinition[] {
  const ids: readonly string[] = declared ? KEY_INDICATORS : OPEN_DATA_INDICATORS;
  const rest = ids.filter((id) => id !== mapIndicator.id).flatMap((id) => indicatorById(id) ?? []);
  return [mapIndicator, ...rest];
}

/**
 * Surveyed active associations of a zone without any declared partner in the period: surveyed
 * less cooperating. Null (« non renseigné ») where no association is surveyed.
 */
export function isolatedCount(parts: ZoneParts): number | null {
  const surveyed = parts.associations_couvertes.central;
  const cooperating = parts.associations_cooperantes.central;
  return !surveyed || cooperating === null ? null : surveyed - cooperating;
}

/** One commune of the table (and of the map: both read these rows). */
export interface CommuneTableRow {
  readonly code: string;
  readonly nom: string;
  readonly epci_code: string | null;
  readonly epci_nom: string | null;
  readonly population: number | null;
  /** Active associations, and the surveyed ones without any declared partner; null when masked or unknown. */
  readonly active: number | null;
  readonly isolated: number | null;
  /** Under statistical secrecy in the public view: every indicator is masked. */
  readonly masked: boolean;
  /** Shown value of each indicator by id; null when masked. */
  readonly values: Readonly<Record<string, IndicatorValue | null>>;
}

/** Rows of every commune, in code order, with the values the view shows. */
export function communeTableRows(
  communes: readonly ZoneIndicators[],
  labels: readonly CommuneLabel[],
  indicators: readonly IndicatorDefinition[],
  options: ValueOptions & { readonly masked: ReadonlySet<string> },
): CommuneTableRow[] {
  const labelOf = new Map(labels.map((l) => [l.code_insee, l]));
  return communes.map((zone) => {
    const label = labelOf.get(zone.zone);
    const masked = options.masked.has(zone.zone);
    return {
      code: zone.zone,
      nom: zone.zone_nom,
      epci_code: label?.epci_code ?? null,
      epci_nom: label?.epci_nom ?? null,
      population: zone.parts.population.central,
      active: masked ? null : zone.parts.associations_actives.central,
      isolated: masked ? null : isolatedCount(zone.parts),
      masked,
      // Derived when read: the map reads one indicator, a sorted column another.
      values: lazyRecord(indicators, (indicator) => shownValue(indicator, zone, { ...options, masked })),
    };
  });
}

/** Columns the table can be sorted by: its text columns or an indicator id. */
export type SortKey = 'nom' | 'epci' | 'population' | string;
export interface Sort {
  readonly key: SortKey;
  readonly direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Rows sorted by a column; masked and unknown values always last, then by name. */
export function sortRows(rows: readonly CommuneTableRow[], sort: Sort): CommuneTableRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const numberOf = (row: CommuneTableRow): number | null =>
    sort.key === 'population' ? row.population : (row.values[sort.key]?.central ?? null);
  return [...rows].sort((a, b) => {
    if (sort.key === 'nom' || sort.key === 'epci') {
      const [x, y] = sort.key === 'nom' ? [a.nom, b.nom] : [a.epci_nom ?? '', b.epci_nom ?? ''];
      return sign * collator.compare(x, y) || collator.compare(a.nom, b.nom);
    }
    const [x, y] = [numberOf(a), numberOf(b)];
    if (x === null || y === null)
      return (x === null ? 1 : 0) - (y === null ? 1 : 0) || collator.compare(a.nom, b.nom);
    return sign * (x - y) || collator.compare(a.nom, b.nom);
  });
}
