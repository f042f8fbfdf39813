import KDBush from 'kdbush';

import type { ResourceType } from '../../src/data/schema/index.ts';
import { RESOURCE_TYPES } from '../../src/data/schema/index.ts';
import type { AssociationIndex, HubKind } from './association-index.ts';
import { cumulate, drawFromCumulative, type Random } from './random.ts';
import type { GeneratedTerritory } from './territory.ts';
import { THEMES, themeAffinity, type ThemeGroup } from './themes.ts';

/**
 * Lasting relationships in which one association (provider) repeatedly lends, gives or shares
 * something with another (receiver). Exchanges are drawn from partnerships, so that the same
 * pairs recur as they do in real cooperation. Stored column-wise: millions of them stay compact.
 */
export class PartnershipTable {
  size = 0;
  provider: Int32Array;
  receiver: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Index in RESOURCE_TYPES of the kind of resource the partnership is mostly about. */
  mainType: Uint8Array;
  /** Relative frequency of exchanges; recurrent partnerships (weekly use of a room…) are ×6. */
  rate: Float64Array;
  recurrent: Uint8Array;
  /** Both associations agreed to show their exchanges on the public map. */
  consent: Uint8Array;

  constructor(capacity: number) {
    this.provider = new Int32Array(capacity);
    this.receiver = new Int32Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.mainType = new Uint8Array(capacity);
    this.rate = new Float64Array(capacity);
    this.recurrent = new Uint8Array(capacity);
    this.consent = new Uint8Array(capacity);
  }

  add(p: {
    provider: number;
    receiver: number;
    start: number;
    end: number;
    mainType: ResourceType;
    rate: number;
    recurrent: boolean;
    consent: boolean;
  }): void {
    const i = this.size++;
    this.provider[i] = p.provider;
    this.receiver[i] = p.receiver;
    this.start[i] = p.start;
    this.end[i] = p.end;
    this.mainType[i] = RESOURCE_TYPES.indexOf(p.mainType);
    this.rate[i] = p.rate;
    this.recurrent[i] = p.recurrent ? 1 : 0;
    this.consent[i] = p.consent ? 1 : 0;
  }

  type(i: number): ResourceType {
    return RESOURCE_TYPES[this.mainType[i] ?? 0] ?? 'autre';
  }
}

// prettier-ignore
const TYPE_PROFILES: Readonly<Record<ThemeGroup | HubKind, Partial<Record<ResourceType, number>>>> = {
  sport: { materiel: 34, vehicule: 22, locaux: 14, competences: 14, projet_commun: 10, information_formation: 3, personnel: 1, autre: 2 },
  culture: { materiel: 36, locaux: 20, competences: 18, projet_commun: 16, information_formation: 4, vehicule: 4, personnel: 1, autre: 1 },
  loisirs: { materiel: 32, locaux: 22, projet_commun: 18, competences: 12, vehicule: 8, information_formation: 5, personnel: 1, autre: 2 },
  social: { locaux: 26, competences: 20, information_formation: 18, projet_commun: 16, materiel: 10, personnel: 6, vehicule: 3, autre: 1 },
  education: { competences: 26, information_formation: 22, locaux: 18, materiel: 16, projet_commun: 14, vehicule: 2, personnel: 1, autre: 1 },
  environnement: { materiel: 34, competences: 22, projet_commun: 20, information_formation: 12, locaux: 6, vehicule: 4, personnel: 1, autre: 1 },
  economie: { information_formation: 24, competences: 24, projet_commun: 20, locaux: 12, materiel: 12, personnel: 4, vehicule: 2, autre: 2 },
  civique: { locaux: 24, information_formation: 22, competences: 20, projet_commun: 18, materiel: 12, vehicule: 2, personnel: 1, autre: 1 },
  maison_associations: { locaux: 40, materiel: 25, information_formation: 20, competences: 10, vehicule: 5 },
  centre_social: { locaux: 35, competences: 20, projet_commun: 20, personnel: 10, information_formation: 10, vehicule: 5 },
  ressourcerie: { materiel: 85, competences: 10, vehicule: 5 },
  groupement_employeurs: { personnel: 90, competences: 10 },
  reseau_savoirs: { competences: 60, information_formation: 40 },
};

/** Draws the kind of resource association `i` provides, from its theme or hub role. */
export function drawResourceType(random: Random, associations: AssociationIndex, i: number): ResourceType {
  const profile = TYPE_PROFILES[associations.hub(i) ?? THEMES[associations.theme(i)].group];
  return random.weighted(profile as Record<ResourceType, number>);
}

/** How strongly each hub attracts partners, relative to an ordinary cooperating association. */
const HUB_PROVIDER_WEIGHT: Readonly<Record<HubKind, number>> = {
  maison_associations: 70,
  centre_social: 30,
  ressourcerie: 30,
  groupement_employeurs: 14,
  reseau_savoirs: 16,
};

/** Share of associations that cooperate with nobody over the whole period [E]. */
const ISOLATED_SHARE = 0.38;
/** Distance decay of partner choice (km): most partners are close. Hubs reach further. */
const DECAY_KM = 6;
const HUB_DECAY_KM = 22;
/** Extra weight of partners in the association's own commune: village life is local [E]. */
const SAME_COMMUNE_BONUS = 5;
/** Share of partnerships already running when the period starts [E]. */
const EXISTING_SHARE = 0.2;
/** Median life of a partnership (days) [E]; some last years, many a season. */
const MEDIAN_DURATION_DAYS = 1_000;
/** Yearly growth of the rate at which partnerships form, before any programme [E]. */
const FORMATION_GROWTH = 0.25;

export interface PartnershipOptions {
  readonly count: number;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly programmeStart: number;
}

interface CommuneCandidates {
  readonly communes: Int32Array;
  readonly cumulative: Float64Array;
}

/** Builds the partnership network: who cooperates with whom, from when, for what. */
export function generatePartnerships(
  random: Random,
  territory: GeneratedTerritory,
  associations: AssociationIndex,
  options: PartnershipOptions,
): PartnershipTable {
  const n = associations.size;
  const providerWeight = new Float64Array(n);
  const receiverWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const eligible =
      !associations.dormant[i] &&
      (associations.activeTo[i] ?? 0) >= options.periodStart &&
      (associations.activeFrom[i] ?? 0) <= options.periodEnd;
    if (!eligible) continue;
    const hub = associations.hub(i);
    if (hub) {
      providerWeight[i] = HUB_PROVIDER_WEIGHT[hub];
      receiverWeight[i] = 4;
    } else if (!random.chance(ISOLATED_SHARE)) {
      providerWeight[i] = random.logNormal(1, 0.9);
      receiverWeight[i] = random.logNormal(1, 0.9);
    }
  }
  const byCommune = groupByCommune(territory, associations, receiverWeight);
  // Each commune's neighbourhood, at the ordinary and at the hubs' reach, built when first needed.
  const neighbourhoods = [DECAY_KM, HUB_DECAY_KM].map(() => new Array<CommuneCandidates | undefined>());
  const candidatesFor = (commune: number, isHub: boolean): CommuneCandidates => {
    const cache = neighbourhoods[isHub ? 1 : 0] ?? [];
    let found = cache[commune];
    if (!found) {
      found = communeCandidates(territory, byCommune.mass, commune, isHub ? HUB_DECAY_KM : DECAY_KM);
      cache[commune] = found;
    }
    return found;
  };

  const providers = cumulate(providerWeight);
  const seen = new Set<number>();
  const partnerships = new PartnershipTable(options.count);
  const formation = formationCurve(options);
  for (let attempts = 0; partnerships.size < options.count && attempts < options.count * 20; attempts++) {
    const provider = drawFromCumulative(providers, random.next());
    if (provider < 0) break;
    const isHub = associations.hubIndex[provider] !== -1;
    const area = candidatesFor(associations.communeIndex[provider] ?? 0, isHub);
    const commune = area.communes[drawFromCumulative(area.cumulative, random.next())] ?? -1;
    const receiver = pickReceiver(random, associations, byCommune, commune, provider);
    if (receiver < 0 || seen.has(provider * n + receiver)) continue;
    const opens = Math.max(
      options.periodStart,
      associations.activeFrom[provider] ?? 0,
      associations.activeFrom[receiver] ?? 0,
    );
    const closes = Math.min(
      options.periodEnd,
      associations.activeTo[provider] ?? 0,
      associations.activeTo[receiver] ?? 0,
    );
    if (closes - opens < 30) continue;
    seen.add(provider * n + receiver);
    const start = random.chance(EXISTING_SHARE) ? opens : drawDay(random, formation, isHub, opens, closes);
    const end = Math.min(closes, Math.round(start + 30 + random.logNormal(MEDIAN_DURATION_DAYS, 0.7)));
    const recurrent = random.chance(0.12);
    partnerships.add({
      provider,
      receiver,
      start,
      end,
      mainType: drawResourceType(random, associations, provider),
      rate: random.logNormal(1, 0.7) * (recurrent ? 6 : 1),
      recurrent,
      consent: random.chance(0.88),
    });
  }
  return partnerships;
}

function groupByCommune(
  territory: GeneratedTerritory,
  associations: AssociationIndex,
  receiverWeight: Float64Array,
): { members: number[][]; cumulative: Float64Array[]; mass: Float64Array } {
  const members = territory.communes.map((): number[] => []);
  for (let i = 0; i < associations.size; i++) {
    if ((receiverWeight[i] ?? 0) > 0) members[associations.communeIndex[i] ?? 0]?.push(i);
  }
  const cumulative = members.map((list) => cumulate(list.map((i) => receiverWeight[i] ?? 0)));
  const mass = Float64Array.from(cumulative, (c) => (c.length > 0 ? (c[c.length - 1] ?? 0) : 0));
  return { members, cumulative, mass };
}

/** Communes within reach of `commune`, weighted by their cooperating mass × exp(−d / decay). */
function communeCandidates(
  territory: GeneratedTerritory,
  mass: Float64Array,
  commune: number,
  decayKm: number,
): CommuneCandidates {
  const index = spatialIndex(territory);
  const [x, y] = territory.communes[commune]?.xy ?? [0, 0];
  const near = index.within(x, y, decayKm * 4);
  const weights = near.map((j) => {
    const [cx, cy] = territory.communes[j]?.xy ?? [0, 0];
    // Within one commune, partners are about 1.5 km apart rather than 0.
    const distance = Math.max(1.5, Math.hypot(cx - x, cy - y));
    return (mass[j] ?? 0) * Math.exp(-distance / decayKm) * (j === commune ? SAME_COMMUNE_BONUS : 1);
  });
  return { communes: Int32Array.from(near), cumulative: cumulate(weights) };
}

const indexes = new WeakMap<GeneratedTerritory, KDBush>();
function spatialIndex(territory: GeneratedTerritory): KDBush {
  let index = indexes.get(territory);
  if (!index) {
    index = new KDBush(territory.communes.length);
    for (const commune of territory.communes) index.add(commune.xy[0], commune.xy[1]);
    index.finish();
    indexes.set(territory, index);
  }
  return index;
}

/** Receivers drawn in a commune before theme affinity chooses among them. */
const RECEIVER_DRAWS = 4;
/** Scratch space of `pickReceiver`, which runs millions of times. */
const candidates = new Int32Array(RECEIVER_DRAWS);
const affinities = new Float64Array(RECEIVER_DRAWS);

/** A receiver in `commune`: a few candidates drawn by weight, the best theme affinity wins. */
function pickReceiver(
  random: Random,
  associations: AssociationIndex,
  byCommune: { members: number[][]; cumulative: Float64Array[] },
  commune: number,
  provider: number,
): number {
  const members = byCommune.members[commune];
  const cumulative = byCommune.cumulative[commune];
  if (!members || !cumulative || members.length === 0) return -1;
  const fromTheme = associations.theme(provider);
  let count = 0;
  let sum = 0;
  for (let k = 0; k < RECEIVER_DRAWS; k++) {
    const candidate = members[drawFromCumulative(cumulative, random.next())] ?? -1;
    if (candidate < 0 || candidate === provider) continue;
    candidates[count] = candidate;
    // Running sums, as `cumulate` makes them.
    sum += themeAffinity(fromTheme, associations.theme(candidate));
    affinities[count] = sum;
    count++;
  }
  const chosen = drawFromCumulative(affinities, random.next(), 0, count - 1);
  return chosen < 0 ? -1 : (candidates[chosen] ?? -1);
}

/**
 * Relative rate at which new partnerships form, per day: slow growth, then a jump when the
 * cooperation programme starts (×2.2, ×4 for hubs, which run it) [E].
 */
function formationCurve(options: PartnershipOptions): {
  base: Float64Array;
  hub: Float64Array;
  first: number;
} {
  const days = options.periodEnd - options.periodStart + 1;
  const base = new Float64Array(days);
  const hub = new Float64Array(days);
  let sumBase = 0;
  let sumHub = 0;
  for (let d = 0; d < days; d++) {
    const day = options.periodStart + d;
    const growth = 1 + (FORMATION_GROWTH * d) / 365;
    const programme = day >= options.programmeStart;
    sumBase += growth * (programme ? 2.2 : 1);
    sumHub += growth * (programme ? 4 : 1);
    base[d] = sumBase;
    hub[d] = sumHub;
  }
  return { base, hub, first: options.periodStart };
}

function drawDay(
  random: Random,
  curve: { base: Float64Array; hub: Float64Array; first: number },
  isHub: boolean,
  from: number,
  to: number,
): number {
  const index = drawFromCumulative(
    isHub ? curve.hub : curve.base,
    random.next(),
    from - curve.first,
    to - curve.first,
  );
  return curve.first + Math.max(0, index);
}
