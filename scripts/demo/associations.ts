import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

import type { AssociationRow } from '../../src/data/schema/index.ts';
import { spreadAroundPoint } from '../../src/data/spread-points.ts';
import { associationName, ofPlace } from './association-names.ts';
import { toDay, toIsoDate } from './calendar.ts';
import type { DemoSeats } from './seats.ts';
import { AssociationIndex, HUB_KINDS, type HubKind } from './association-index.ts';
import type { Random } from './random.ts';
import type { GeneratedTerritory } from './territory.ts';
import { SUBTHEMES, THEME_CODES, THEMES, type ThemeCode } from './themes.ts';

export interface AssociationOptions {
  readonly count: number;
  readonly periodEnd: string;
  readonly batchSize: number;
  /** Registered seats and RNA groupement (their own random stream, so the rest does not move). */
  readonly seats: DemoSeats;
}

const HUB_THEMES: Readonly<Record<HubKind, { theme: ThemeCode; waldec: string }>> = {
  maison_associations: { theme: '030000', waldec: '030000' },
  centre_social: { theme: '019000', waldec: '019000' },
  ressourcerie: { theme: '024000', waldec: '024000' },
  groupement_employeurs: { theme: '030000', waldec: '030015' },
  reseau_savoirs: { theme: '007000', waldec: '007075' },
};

function hubName(kind: HubKind, commune: string, territory: string): string {
  switch (kind) {
    case 'maison_associations':
      return `Maison des associations ${ofPlace(commune)}`;
    case 'centre_social':
      return `Centre social ${ofPlace(commune)}`;
    case 'ressourcerie':
      return `Ressourcerie ${ofPlace(territory).replace(/^de Pays/, 'du Pays')}`;
    case 'groupement_employeurs':
      return `Groupement d’employeurs associatif ${ofPlace(territory).replace(/^de Pays/, 'du Pays')}`;
    case 'reseau_savoirs':
      return `Réseau d’échanges de savoirs ${ofPlace(commune)}`;
  }
}

/**
 * A hub's public website, made from its name and no random draw (the rest of the territory does
 * not move): under `.example`, a domain reserved for examples that resolves nowhere (RFC 2606).
 */
export function demoWebsite(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `https://${slug}.example/`;
}

/** Hubs of each town (and social centres of the bourgs): where cooperation concentrates. */
function planHubs(territory: GeneratedTerritory): { communeIndex: number; kind: HubKind }[] {
  const hubs: { communeIndex: number; kind: HubKind }[] = [];
  territory.communes.forEach((commune, communeIndex) => {
    if (commune.role === 'ville') {
      for (const kind of [
        'maison_associations',
        'centre_social',
        'ressourcerie',
        'groupement_employeurs',
        'reseau_savoirs',
      ] as const) {
        hubs.push({ communeIndex, kind });
      }
    }
  });
  const bourgs = territory.communes.flatMap((c, i) => (c.role === 'bourg' ? [i] : []));
  bourgs
    .filter((_, k) => k % 3 === 0)
    .forEach((communeIndex) => hubs.push({ communeIndex, kind: 'centre_social' }));
  return hubs;
}

/** Associations per commune: proportional to population^0.92 (villages have more per head). */
function allocate(random: Random, territory: GeneratedTerritory, count: number): number[] {
  const weights = territory.communes.map((c) => Math.pow(c.row.population ?? 0, 0.92));
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * count);
  const counts = exact.map(Math.floor);
  let missing = count - counts.reduce((a, b) => a + b, 0);
  // Largest remainders first, ties broken at random.
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) + random.next() * 1e-9 }))
    .sort((a, b) => b.rest - a.rest);
  for (const { i } of order) {
    if (missing-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

function creationDay(random: Random, periodEnd: number): number {
  const age = Math.min(120, random.logNormal(14, 0.9));
  return Math.round(periodEnd - age * 365.25 - random.uniform(0, 365));
}

const THEME_WEIGHTS = Object.fromEntries(THEME_CODES.map((code) => [code, THEMES[code].share])) as Record<
  ThemeCode,
  number
>;

function drawTheme(random: Random): ThemeCode {
  return random.weighted(THEME_WEIGHTS);
}

const MEDIAN_MEMBERS: Partial<Record<ThemeCode, number>> = {
  '011000': 90,
  '006000': 40,
  '019000': 60,
  '007000': 45,
};

/** Membership, volunteers, staff and budget, known for about 60 % of associations. */
function activityFigures(random: Random, theme: ThemeCode, hub: HubKind | null) {
  if (!hub && !random.chance(0.6))
    return { adherents: null, benevoles: null, salaries: null, budget_annuel_eur: null };
  const adherents = Math.max(
    3,
    Math.round(random.logNormal(MEDIAN_MEMBERS[theme] ?? 30, 0.85) * (hub ? 4 : 1)),
  );
  const benevoles = Math.max(1, Math.round(adherents * random.uniform(0.06, 0.3)));
  const salaries =
    hub === 'centre_social'
      ? random.int(8, 25)
      : hub === 'groupement_employeurs'
        ? random.int(6, 18)
        : hub
          ? random.int(1, 6)
          : random.chance(0.12)
            ? Math.max(1, Math.round(random.logNormal(2, 1)))
            : 0;
  const budget = Math.round((1_500 + salaries * 36_000 + adherents * random.uniform(20, 140)) / 100) * 100;
  return { adherents, benevoles, salaries, budget_annuel_eur: budget };
}

/** Plans the associations: how many in each commune, and which hubs. Sizes the index. */
export function planAssociations(random: Random, territory: GeneratedTerritory, count: number) {
  const hubs = new Map<number, HubKind[]>();
  for (const hub of planHubs(territory))
    hubs.set(hub.communeIndex, [...(hubs.get(hub.communeIndex) ?? []), hub.kind]);
  const hubCount = [...hubs.values()].reduce((sum, kinds) => sum + kinds.length, 0);
  const allocated = allocate(random, territory, Math.max(count, hubCount));
  const perCommune = allocated.map((n, i) => Math.max(n, hubs.get(i)?.length ?? 0));
  const total = perCommune.reduce((a, b) => a + b, 0);
  const index = new AssociationIndex(
    total,
    territory.communes.map((c) => c.row.code_insee),
  );
  return { hubs, perCommune, index };
}

/**
 * Every association of the territory, in commune order, with its RNA-like record: yields rows in
 * batches (to be written) while it fills `plan.index` with what the exchanges need.
 */
export function* generateAssociations(
  random: Random,
  territory: GeneratedTerritory,
  plan: ReturnType<typeof planAssociations>,
  options: AssociationOptions,
): Generator<AssociationRow[]> {
  const periodEnd = toDay(options.periodEnd);
  const { hubs, perCommune, index } = plan;
  const names = new Set<string>();
  let batch: AssociationRow[] = [];
  let i = 0;
  for (const [communeIndex, commune] of territory.communes.entries()) {
    const communeHubs = hubs.get(communeIndex) ?? [];
    const outline: Feature<Polygon | MultiPolygon> = {
      type: 'Feature',
      geometry: commune.geometry,
      properties: {},
    };
    const venues = new Set(communeHubs);
    let spreadRank = 0;
    for (let k = 0; k < (perCommune[communeIndex] ?? 0); k++, i++) {
      const hub = communeHubs[k] ?? null;
      const theme = hub ? HUB_THEMES[hub].theme : drawTheme(random);
      const waldec = hub ? HUB_THEMES[hub].waldec : theme;
      const name = hub
        ? hubName(hub, commune.row.nom, territory.name)
        : associationName(random, theme, commune.row.nom, names);
      const created = hub ? periodEnd - random.int(15, 40) * 365 : creationDay(random, periodEnd);
      const status = hub ? 'active' : random.weighted({ active: 82, dissoute: 16, supprimee: 2 });
      const dissolved = status === 'active' ? null : dissolutionDay(random, created, periodEnd);
      const dormant = !hub && status === 'active' && random.chance(0.15);
      const lastDeclaration = declarationDay(random, created, dissolved ?? periodEnd, dormant);
      const exact = hub !== null || random.chance(0.3);
      const [longitude, latitude] = exact
        ? exactPosition(random, commune, outline)
        : spreadAroundPoint(commune.row.longitude, commune.row.latitude, ++spreadRank);
      const figures = activityFigures(random, theme, hub);
      const hasSiret = (figures.salaries ?? 0) > 0 || random.chance(0.15);
      index.communeIndex[i] = communeIndex;
      index.themeIndex[i] = THEME_CODES.indexOf(theme);
      index.hubIndex[i] = hub ? HUB_KINDS.indexOf(hub) : -1;
      index.activeFrom[i] = created;
      index.activeTo[i] = dissolved ?? periodEnd;
      index.dormant[i] = dormant ? 1 : 0;
      index.hasSiret[i] = hasSiret ? 1 : 0;
      index.longitude[i] = longitude;
      index.latitude[i] = latitude;
      index.setName(i, name);
      batch.push({
        id: index.id(i),
        nom: name,
        siret: index.siret(i),
        waldec_code: waldec,
        waldec_libelle:
          waldec in SUBTHEMES ? SUBTHEMES[waldec as keyof typeof SUBTHEMES].label : THEMES[theme].label,
        theme_code: theme,
        theme_libelle: THEMES[theme].label,
        commune_code: commune.row.code_insee,
        longitude,
        latitude,
        precision_geo: exact ? 'exacte' : 'commune',
        date_creation: toIsoDate(created),
        date_derniere_declaration: toIsoDate(lastDeclaration),
        date_dissolution: dissolved === null ? null : toIsoDate(dissolved),
        statut: status,
        groupement: options.seats.groupement(hub),
        siege_cle: options.seats.seatOf(commune, hub, venues),
        site_web: hub ? demoWebsite(name) : null,
        ...figures,
      });
      if (batch.length === options.batchSize) {
        yield batch;
        batch = [];
      }
    }
    // Names need only be unique within a commune; forgetting them keeps memory flat.
    names.clear();
  }
  if (batch.length > 0) yield batch;
}

const TEN_YEARS = 3_652;

/** Last declaration in the prefecture: within ten years unless the association is dormant. */
function declarationDay(random: Random, created: number, lastDay: number, dormant: boolean): number {
  const from = dormant ? created : Math.max(created, lastDay - TEN_YEARS);
  const to = dormant ? Math.max(created, lastDay - TEN_YEARS - 1) : lastDay;
  return Math.round(random.uniform(from, Math.max(from, to)));
}

function dissolutionDay(random: Random, created: number, periodEnd: number): number {
  // A third of the dissolutions fall within the last four years, so some dissolved associations
  // still have exchanges in the period before they closed.
  const recent = random.chance(0.35);
  const from = recent ? Math.max(created + 30, periodEnd - 4 * 365) : created + 30;
  const to = recent ? periodEnd - 30 : Math.max(from + 1, periodEnd - 4 * 365);
  return Math.round(random.uniform(from, Math.max(from + 1, to)));
}

/** A point inside the commune, near its centre (public venues cluster in the bourg). */
function exactPosition(
  random: Random,
  commune: GeneratedTerritory['communes'][number],
  outline: Feature<Polygon | MultiPolygon>,
): [number, number] {
  const spread = Math.sqrt(commune.row.superficie_km2 ?? 10) / 6;
  for (let attempt = 0; attempt < 12; attempt++) {
    const lon =
      commune.row.longitude +
      random.normal(0, spread) / (111.32 * Math.cos((commune.row.latitude * Math.PI) / 180));
    const lat = commune.row.latitude + random.normal(0, spread) / 110.574;
    const candidate: [number, number] = [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
    if (booleanPointInPolygon(point(candidate), outline)) {
      return candidate;
    }
  }
  return [commune.row.longitude, commune.row.latitude];
}
