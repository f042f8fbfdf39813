import { toArrowStreamBytes } from '../../data/arrow-tables.ts';
import type { DatasetManifest } from '../../data/manifest.ts';
import type { QueryRunner } from '../../data/query-runner.ts';
import type { ColumnDefinition, TableDefinition } from '../../data/schema/index.ts';
import { COEFFICIENTS } from '../../data/method/coefficients.ts';
import { nullableStringOf, numberOf, stringOf } from '../read-rows.ts';
import { isActiveAt } from '../rules.ts';
import { loadForcedZeros } from './forced-zeros.ts';
import { PUBLIC_FILES } from './public-files.ts';
import { ALL_FAMILIES, FAMILIES, type CellIndex, type FamilyKey } from './granularities.ts';
import { PUBLIC_MEASURES, PUBLIC_TIERS, STATUS_COLUMNS, type PublicTier } from './measures.ts';
import { computeRawCells, scenarioIndex, type RawCell } from './public-cells.ts';

const SCENARIOS = ['central', 'bas', 'haut'] as const;
import {
  DOMINANCE_SHARE,
  FREQUENCY_THRESHOLD,
  maskTable,
  PEOPLE_THRESHOLD,
  PLACE_THRESHOLD,
  statusOf,
  type Mask,
  type MaskReason,
  type TierRules,
  type ZeroOracle,
} from './suppression.ts';

/*
 * The public data product: what a public build ships instead of the dataset. Three files:
 * `cellules.arrow` (every zone × period × family cell, its status and, when published, its
 * figures), `echanges_publics.arrow` (exchanges both associations consented to show),
 * `lieux_publics.arrow` (seats shared by three active associations or more), and
 * `public.json` (what they are, the rules, the method version). Nothing else of the dataset.
 */

export { PUBLIC_FILES };

/** The rules of each tier: the count, the magnitudes, the figures that count people (threshold of 11). */
function tierRules(tier: PublicTier, consented: readonly number[] = []): TierRules {
  const measures = PUBLIC_MEASURES.flatMap((m, i) => (m.tier === tier ? [i] : []));
  const scenarios = (keep: (m: number) => boolean) =>
    measures.filter(keep).flatMap((m) => SCENARIOS.map((s) => scenarioIndex(m, s)));
  return {
    threshold: tier === 'personnes' ? PEOPLE_THRESHOLD : FREQUENCY_THRESHOLD,
    measures,
    // Every published scenario of a figure that cannot be negative: its low figure may be zero
    // where its central one is not.
    nonNegative: scenarios((m) => PUBLIC_MEASURES[m]?.nonNegative === true),
    wholeInEachPeriod: scenarios((m) => PUBLIC_MEASURES[m]?.wholeInEachPeriod === true),
    costMeasure: PUBLIC_MEASURES.findIndex((m) => m.id === 'echanges'),
    // The exchanges listed one by one give each cell's count a floor anyone can add up.
    lowerBounds: new Map(
      scenarios((m) => PUBLIC_MEASURES[m]?.id === 'echanges').map((i) => [i, consented] as const),
    ),
  };
}

/**
 * The exchanges of the public list in each cell, counted as the method counts them (in the
 * receiver's commune, else the provider's, its intercommunalité and the territory; in every
 * period it overlaps; in its family and in all): what anyone can add up from the list, a floor
 * of each cell's count of exchanges.
 */
export function consentedCounts(index: CellIndex, exchanges: readonly PublicCellRow[]): number[] {
  const zones = new Map(index.zones.map((z) => [z.code, z]));
  const counts = index.keys.map(() => 0);
  for (const e of exchanges) {
    const commune = (key: string) => {
      const code = e[key];
      return typeof code === 'string' ? zones.get(code) : undefined;
    };
    const start = String(e['date_debut']);
    const end = typeof e['date_fin'] === 'string' ? e['date_fin'] : start;
    const family = String(e['famille']) as FamilyKey;
    for (let zone = commune('beneficiaire_commune') ?? commune('fournisseur_commune'); zone;) {
      for (const p of index.periods) {
        if (start > p.end || end < p.start) continue;
        for (const f of [family, ALL_FAMILIES] as const) {
          const cell = index.of(zone.code, p.key, f);
          counts[cell] = (counts[cell] ?? 0) + 1;
        }
      }
      zone = zone.parent === null ? undefined : zones.get(zone.parent);
    }
  }
  return counts;
}

/** The masks of a table, one per tier; the people's contains the magnitudes'. */
export type TierMasks = Readonly<Record<PublicTier, Mask>>;

/**
 * Every tier's mask of a table (`zeros`: the zeros non-negativity proves, see forced-zeros.ts;
 * `consented`: each cell's count of listed exchanges, see consentedCounts).
 */
export function maskTiers(
  cells: readonly RawCell[],
  index: CellIndex,
  zeros?: ZeroOracle,
  consented: readonly number[] = [],
): TierMasks {
  const equations = index.equations();
  const echanges = maskTable(cells, equations, tierRules('echanges', consented), new Map(), zeros);
  const general = maskTable(cells, equations, tierRules('general'), new Map(), zeros);
  const forced = new Map<number, MaskReason>();
  for (const [i, reason] of general.entries()) if (reason !== null) forced.set(i, reason);
  const personnes = maskTable(cells, equations, tierRules('personnes'), forced, zeros);
  return { echanges, general, personnes };
}

const column = (
  name: string,
  type: ColumnDefinition['type'],
  required: boolean,
  title: string,
  description: string,
): ColumnDefinition => ({ name, type, required, title, description });

/** The cells file's columns: keys, the two statuses, then each measure's central, low, high. */
export const PUBLIC_CELLS_TABLE: TableDefinition = {
  name: 'cellules',
  file: PUBLIC_FILES.cells,
  title: 'Cellules publiques',
  description:
    'Chiffres agrégés par zone × période × famille de ressources, masqués par le secret statistique.',
  primaryKey: 'zone,periode,famille',
  columns: [
    column(
      'zone',
      'string',
      true,
      'Zone',
      'Code INSEE de la commune, code de l’intercommunalité ou « territoire ».',
    ),
    column(
      'zone_nom',
      'string',
      true,
      'Nom de la zone',
      'Nom de la commune, de l’intercommunalité ou « Territoire ».',
    ),
    column('niveau', 'string', true, 'Niveau', 'commune, epci ou territoire.'),
    column(
      'parent',
      'string',
      false,
      'Zone parente',
      'La zone dont la zone est une partie (vide pour le territoire).',
    ),
    column('periode', 'string', true, 'Période', 'AAAA-Tn (trimestre), AAAA (année) ou « ensemble ».'),
    column('debut', 'date', true, 'Début', 'Premier jour de la période.'),
    column('fin', 'date', true, 'Fin', 'Dernier jour de la période.'),
    column(
      'famille',
      'string',
      true,
      'Famille',
      `Famille de ressources (${Object.keys(FAMILIES).join(', ')}) ou « toutes ».`,
    ),
    column(
      'statut_echanges',
      'string',
      true,
      'Statut (échanges)',
      'publie, secret (secret statistique) ou non-renseigne (chiffres manquants) : nombre d’échanges.',
    ),
    column(
      'statut',
      'string',
      true,
      'Statut',
      'Statut des coûts évités, de l’emploi, du CO₂e et de la matière (un même masque).',
    ),
    column(
      'statut_personnes',
      'string',
      true,
      'Statut (personnes)',
      'Statut des heures bénévoles, de leur valeur et des bénéficiaires (seuil de 11).',
    ),
    ...PUBLIC_MEASURES.flatMap((m) =>
      ['', '_bas', '_haut'].map((suffix) =>
        column(
          `${m.column}${suffix}`,
          'number',
          false,
          `${m.indicator.label.fr}${suffix ? ` (${suffix.slice(1)})` : ''}`,
          `${m.indicator.unit.fr} ; vide si la cellule est masquée ou non renseignée.`,
        ),
      ),
    ),
  ],
};

/** One row of the cells file. */
export type PublicCellRow = Record<string, string | number | null>;

/** The rows of the cells file: masked cells keep their keys and status, and no figure. */
export function cellRows(index: CellIndex, cells: readonly RawCell[], masks: TierMasks): PublicCellRow[] {
  const zones = new Map(index.zones.map((z) => [z.code, z]));
  const periods = new Map(index.periods.map((p) => [p.key, p]));
  return index.keys.map((key, i) => {
    const zone = zones.get(key.zone);
    const period = periods.get(key.periode);
    if (!zone || !period) throw new Error(`Unknown key ${key.zone} × ${key.periode}`);
    const row: PublicCellRow = {
      zone: zone.code,
      zone_nom: zone.nom,
      niveau: zone.niveau,
      parent: zone.parent,
      periode: period.key,
      debut: period.start,
      fin: period.end,
      famille: key.famille,
    };
    for (const tier of PUBLIC_TIERS) row[STATUS_COLUMNS[tier]] = statusOf(masks[tier][i] ?? null);
    for (const [m, measure] of PUBLIC_MEASURES.entries()) {
      const hidden = (masks[measure.tier][i] ?? null) !== null;
      const figure = cells[i]?.figures[m];
      row[measure.column] = hidden ? null : (figure?.central ?? null);
      row[`${measure.column}_bas`] = hidden ? null : (figure?.bas ?? null);
      row[`${measure.column}_haut`] = hidden ? null : (figure?.haut ?? null);
    }
    return row;
  });
}

/** Exchanges shown one by one: both associations consented (`consentement_publication` = oui). */
export const PUBLIC_EXCHANGES_TABLE = {
  name: 'echanges_publics',
  file: PUBLIC_FILES.exchanges,
  title: 'Échanges publiés',
  description:
    'Échanges dont les deux associations ont accepté la publication : qui, où, quand, quoi ; aucune quantité.',
  primaryKey: 'fournisseur_id,beneficiaire_id,date_debut,type_ressource',
  columns: [
    column('date_debut', 'date', true, 'Date de début', 'Premier jour de l’échange.'),
    column('date_fin', 'date', false, 'Date de fin', 'Dernier jour de l’échange.'),
    column('type_ressource', 'string', true, 'Type de ressource', 'Type de ressource de l’échange.'),
    column('famille', 'string', true, 'Famille', 'Famille de ressources.'),
    column('fournisseur_id', 'string', true, 'Fournisseur', 'Identifiant RNA de l’association qui fournit.'),
    column('fournisseur_nom', 'string', true, 'Nom du fournisseur', 'Titre de l’association (RNA).'),
    column('fournisseur_commune', 'string', false, 'Commune du fournisseur', 'Code INSEE.'),
    column('beneficiaire_id', 'string', true, 'Bénéficiaire', 'Identifiant RNA de l’association qui reçoit.'),
    column('beneficiaire_nom', 'string', true, 'Nom du bénéficiaire', 'Titre de l’association (RNA).'),
    column('beneficiaire_commune', 'string', false, 'Commune du bénéficiaire', 'Code INSEE.'),
  ],
} as const satisfies TableDefinition;

const FAMILY_OF_TYPE_SQL = `CASE ${Object.entries(FAMILIES)
  .map(
    ([family, types]) =>
      `WHEN e.type_ressource IN (${types.map((t) => `'${t}'`).join(', ')}) THEN '${family}'`,
  )
  .join(' ')} END`;

/**
 * Exchanges both associations agreed to publish, each with the two associations' public register
 * identity and commune: no free text (label, source), no quantity, hours or value.
 */
export async function publicExchanges(runner: QueryRunner): Promise<PublicCellRow[]> {
  const rows = await runner.query({
    sql: `SELECT CAST(e.date_debut AS VARCHAR) AS date_debut, CAST(e.date_fin AS VARCHAR) AS date_fin,
  e.type_ressource, ${FAMILY_OF_TYPE_SQL} AS famille,
  f.id AS fournisseur_id, f.nom AS fournisseur_nom, f.commune_code AS fournisseur_commune,
  b.id AS beneficiaire_id, b.nom AS beneficiaire_nom, b.commune_code AS beneficiaire_commune
FROM echanges e
JOIN associations f ON f.id = e.fournisseur_id
JOIN associations b ON b.id = e.beneficiaire_id
WHERE e.consentement_publication IS TRUE
ORDER BY e.date_debut, f.id, b.id, e.type_ressource`,
    params: [],
  });
  return rows.map((row) => ({
    date_debut: stringOf(row, 'date_debut'),
    date_fin: nullableStringOf(row, 'date_fin'),
    type_ressource: stringOf(row, 'type_ressource'),
    famille: stringOf(row, 'famille'),
    fournisseur_id: stringOf(row, 'fournisseur_id'),
    fournisseur_nom: stringOf(row, 'fournisseur_nom'),
    fournisseur_commune: nullableStringOf(row, 'fournisseur_commune'),
    beneficiaire_id: stringOf(row, 'beneficiaire_id'),
    beneficiaire_nom: stringOf(row, 'beneficiaire_nom'),
    beneficiaire_commune: nullableStringOf(row, 'beneficiaire_commune'),
  }));
}

/** Places shown: seats shared by at least three associations active at the period's end. */
export const PUBLIC_PLACES_TABLE = {
  name: 'lieux_publics',
  file: PUBLIC_FILES.places,
  title: 'Lieux partagés publiés',
  description: 'Sièges partagés par au moins trois associations actives.',
  primaryKey: 'cle',
  columns: [
    column('cle', 'string', true, 'Clé', 'Empreinte de l’adresse normalisée.'),
    column('commune_code', 'string', true, 'Commune', 'Code INSEE de la commune du lieu.'),
    column('libelle', 'string', true, 'Adresse', 'Adresse normalisée du lieu.'),
    column('associations', 'integer', true, 'Associations', 'Associations actives qui y ont leur siège.'),
  ],
} as const satisfies TableDefinition;

/** Seats of the places table that three or more associations active at `end` share. */
export async function publicPlaces(runner: QueryRunner, end: string): Promise<PublicCellRow[]> {
  const rows = await runner.query({
    sql: `SELECT l.cle, l.commune_code, l.libelle, count(*) AS associations
FROM lieux l
JOIN associations a ON a.siege_cle = l.cle AND ${isActiveAt('a', '$1')}
GROUP BY l.cle, l.commune_code, l.libelle
HAVING count(*) >= ${PLACE_THRESHOLD}
ORDER BY l.cle`,
    params: [end],
  });
  return rows.map((row) => ({
    cle: stringOf(row, 'cle'),
    commune_code: stringOf(row, 'commune_code'),
    libelle: stringOf(row, 'libelle'),
    associations: numberOf(row, 'associations'),
  }));
}

/** The product, as rows (for tests) and as the bytes of its files. */
export interface PublicProduct {
  readonly cells: PublicCellRow[];
  readonly exchanges: PublicCellRow[];
  readonly places: PublicCellRow[];
  readonly metadata: Record<string, unknown>;
  readonly files: Readonly<Record<string, Uint8Array>>;
}

const bytesOf = (table: TableDefinition, rows: readonly PublicCellRow[]) =>
  toArrowStreamBytes(table, rows as Parameters<typeof toArrowStreamBytes>[1]);

/** Builds the public product of the loaded dataset. */
export async function buildPublicProduct(
  runner: QueryRunner,
  manifest: Pick<DatasetManifest, 'name' | 'period'>,
): Promise<PublicProduct> {
  const { index, cells: raw } = await computeRawCells(runner, manifest.period);
  const exchanges = await publicExchanges(runner);
  const masks = maskTiers(raw, index, await loadForcedZeros(), consentedCounts(index, exchanges));
  const cells = cellRows(index, raw, masks);
  const places = await publicPlaces(runner, manifest.period.end);
  const count = (status: string, tier: PublicTier) =>
    cells.filter((c) => c[STATUS_COLUMNS[tier]] === status).length;
  const metadata = {
    jeu_de_donnees: manifest.name,
    periode: manifest.period,
    methode: COEFFICIENTS.version,
    fichiers: PUBLIC_FILES,
    familles: FAMILIES satisfies Record<Exclude<FamilyKey, 'toutes'>, readonly string[]>,
    periodes: index.periods.map(({ key, kind, parent, start, end }) => ({ key, kind, parent, start, end })),
    zones: index.zones,
    mesures: PUBLIC_MEASURES.map((m) => ({
      id: m.id,
      colonne: m.column,
      libelle: m.indicator.label,
      unite: m.indicator.unit,
      regles: m.tier,
    })),
    secret: {
      frequence: FREQUENCY_THRESHOLD,
      dominance: DOMINANCE_SHARE,
      seuil_personnes: PEOPLE_THRESHOLD,
      lieux: PLACE_THRESHOLD,
      cote: 'beneficiaire',
    },
    cellules: {
      total: cells.length,
      ...Object.fromEntries(
        PUBLIC_TIERS.map((tier) => [
          tier,
          { secret: count('secret', tier), non_renseigne: count('non-renseigne', tier) },
        ]),
      ),
    },
  };
  return {
    cells,
    exchanges,
    places,
    metadata,
    files: {
      [PUBLIC_FILES.cells]: bytesOf(PUBLIC_CELLS_TABLE, cells),
      [PUBLIC_FILES.exchanges]: bytesOf(PUBLIC_EXCHANGES_TABLE, exchanges),
      [PUBLIC_FILES.places]: bytesOf(PUBLIC_PLACES_TABLE, places),
      [PUBLIC_FILES.metadata]: new TextEncoder().encode(`${JSON.stringify(metadata, null, 2)}\n`),
    },
  };
}
