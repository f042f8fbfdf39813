import type { DataStatus, ExchangeRow, ResourceType } from '../../src/data/schema/index.ts';
import type { AssociationIndex } from './association-index.ts';
import { monthOf, toIsoDate, yearsBetween } from './calendar.ts';
import { exchangeDetails, staffWithin, transportMode, type ProviderProfile } from './exchange-details.ts';
import { drawResourceType, type PartnershipTable } from './partnerships.ts';
import { cumulate, drawFromCumulative, type Random } from './random.ts';
import { THEMES } from './themes.ts';

export interface ExchangeOptions {
  /** Expected number of exchanges (the drawn number varies around it). */
  readonly count: number;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly programmeStart: number;
  readonly programmeName: string;
  readonly batchSize: number;
}

const SURVEY_SOURCE = 'Enquête annuelle des associations';

/** Seasonality of exchanges by month [E]: events in spring and early summer, a lull in August. */
const SEASON = [0.8, 0.85, 0.95, 1, 1.1, 1.2, 1.05, 0.6, 1.1, 1.05, 0.95, 0.85] as const;

/** Relative intensity of exchanges per day: growth, season, and the programme's boost (×1.3) [E]. */
function intensity(options: ExchangeOptions): Float64Array {
  const days = options.periodEnd - options.periodStart + 1;
  const values = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    const day = options.periodStart + d;
    const growth = 1 + 0.08 * yearsBetween(options.periodStart, day);
    values[d] = growth * (SEASON[monthOf(day)] ?? 1) * (day >= options.programmeStart ? 1.3 : 1);
  }
  return cumulate(values);
}

/** Exchange days of every partnership, sorted by day (partnership order within a day). */
function schedule(
  random: Random,
  partnerships: PartnershipTable,
  options: ExchangeOptions,
): { partnership: Int32Array; day: Int32Array } {
  const cumulative = intensity(options);
  const first = options.periodStart;
  const exposure = new Float64Array(partnerships.size);
  let total = 0;
  for (let p = 0; p < partnerships.size; p++) {
    const start = partnerships.start[p] ?? first;
    const before = start > first ? (cumulative[start - first - 1] ?? 0) : 0;
    exposure[p] =
      ((cumulative[(partnerships.end[p] ?? first) - first] ?? 0) - before) * (partnerships.rate[p] ?? 0);
    total += exposure[p] ?? 0;
  }
  const lambda = total > 0 ? options.count / total : 0;
  let partnership: Int32Array = new Int32Array(Math.max(16, Math.round(options.count * 1.1)));
  let day: Int32Array = new Int32Array(partnership.length);
  let size = 0;
  for (let p = 0; p < partnerships.size; p++) {
    const k = random.poisson(lambda * (exposure[p] ?? 0));
    const [from, to] = [(partnerships.start[p] ?? first) - first, (partnerships.end[p] ?? first) - first];
    for (let j = 0; j < k; j++) {
      if (size === partnership.length) {
        partnership = grow(partnership);
        day = grow(day);
      }
      partnership[size] = p;
      day[size] = first + drawFromCumulative(cumulative, random.next(), from, to);
      size++;
    }
  }
  // Counting sort by day: linear, stable, and bounded by the number of days in the period.
  const days = options.periodEnd - first + 1;
  const starts = new Int32Array(days + 1);
  for (let i = 0; i < size; i++) {
    const slot = (day[i] ?? first) - first + 1;
    starts[slot] = (starts[slot] ?? 0) + 1;
  }
  for (let d = 0; d < days; d++) starts[d + 1] = (starts[d + 1] ?? 0) + (starts[d] ?? 0);
  const sortedPartnership = new Int32Array(size);
  const sortedDay = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const bucket = (day[i] ?? first) - first;
    const slot = starts[bucket] ?? 0;
    starts[bucket] = slot + 1;
    sortedPartnership[slot] = partnership[i] ?? 0;
    sortedDay[slot] = day[i] ?? first;
  }
  return { partnership: sortedPartnership, day: sortedDay };
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Round trip between two associations along roads (straight line × 1.3 detour × 2), in km. */
function roundTripKm(associations: AssociationIndex, from: number, to: number): number {
  const [lon1, lat1, lon2, lat2] = [
    associations.longitude[from] ?? 0,
    associations.latitude[from] ?? 0,
    associations.longitude[to] ?? 0,
    associations.latitude[to] ?? 0,
  ];
  const latitude = ((lat1 + lat2) / 2) * (Math.PI / 180);
  const dx = (lon2 - lon1) * 111.32 * Math.cos(latitude);
  const dy = (lat2 - lat1) * 110.574;
  return Math.round(Math.max(0.5, Math.hypot(dx, dy) * 1.3 * 2) * 10) / 10;
}

/**
 * The exchanges of the period in date order, in batches of `batchSize` rows, so that even ten
 * million exchanges are written with bounded memory.
 */
export function* generateExchangeBatches(
  random: Random,
  associations: AssociationIndex,
  partnerships: PartnershipTable,
  options: ExchangeOptions,
): Generator<ExchangeRow[]> {
  const planned = schedule(random, partnerships, options);
  const rowOptions = { ...options, programmeSource: `Plateforme ${options.programmeName}` };
  let batch: ExchangeRow[] = [];
  for (let i = 0; i < planned.day.length; i++) {
    const p = planned.partnership[i] ?? 0;
    batch.push(exchangeRow(random, i, planned.day[i] ?? 0, partnerships, p, associations, rowOptions));
    if (batch.length === options.batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Share of exchanges the partner association confirmed, among those the coordinator did not verify [E]. */
const CONFIRMED_SHARE = 0.3;

/**
 * The quality tier of an exchange from one uniform draw `u` in [0, 1): verified by the coordinator
 * with probability `verified`, else confirmed by the partner (`CONFIRMED_SHARE`), else declared.
 * One draw, as `random.chance(verified)` was before the tier `confirme` existed, so that every
 * other value of the demo stays the same and the verified exchanges are the same ones.
 */
export function dataStatus(u: number, verified: number): DataStatus {
  if (u < verified) return 'verifie';
  return u < verified + CONFIRMED_SHARE ? 'confirme' : 'declare';
}

function exchangeRow(
  random: Random,
  sequence: number,
  day: number,
  partnerships: PartnershipTable,
  p: number,
  associations: AssociationIndex,
  options: ExchangeOptions & { readonly programmeSource: string },
): ExchangeRow {
  const provider = partnerships.provider[p] ?? 0;
  const receiver = partnerships.receiver[p] ?? 0;
  const profile: ProviderProfile = associations.hub(provider) ?? THEMES[associations.theme(provider)].group;
  const type: ResourceType = random.chance(0.75)
    ? partnerships.type(p)
    : drawResourceType(random, associations, provider);
  const details = exchangeDetails(random, type, profile);
  const programme = day >= options.programmeStart;
  const distance = details.online ? 0 : roundTripKm(associations, provider, receiver);
  const wouldHaveBought = random.weighted({ unknown: 25, oui: 30, partiel: 25, non: 20 });
  // An exchange runs until the end of the period at most; a staff loan cut there keeps its part inside.
  const end = Math.min(day + details.durationDays, options.periodEnd);
  const fields =
    type === 'personnel' && end < day + details.durationDays ? staffWithin(details, end - day + 1) : details;
  const providerId = associations.id(provider);
  const receiverId = associations.id(receiver);
  // One object per row, its fields named one by one: ten million rows leave little garbage.
  return {
    id_echange: `E${String(sequence + 1).padStart(8, '0')}`,
    date_debut: toIsoDate(day),
    date_fin: fields.modalite === 'don' ? null : toIsoDate(end),
    fournisseur_rna: providerId,
    fournisseur_siret: null,
    beneficiaire_rna: receiverId,
    beneficiaire_siret: null,
    fournisseur_commune: associations.communeCode(provider),
    beneficiaire_commune: associations.communeCode(receiver),
    type_ressource: type,
    categorie_bien: fields.categorie_bien,
    modalite: fields.modalite,
    libelle: fields.libelle,
    quantite: fields.quantite,
    unite: fields.unite,
    surface_m2: fields.surface_m2,
    duree_heures: fields.duree_heures,
    masse_kg: fields.masse_kg,
    heures_benevoles: fields.heures_benevoles,
    etp_partages: fields.etp_partages,
    beneficiaires: fields.beneficiaires,
    valeur_marche_eur: fields.valeur_marche_eur,
    contrepartie_eur: fields.contrepartie_eur,
    distance_km: distance,
    mode_transport: transportMode(random, distance, details),
    aurait_achete: wouldHaveBought === 'unknown' ? null : wouldHaveBought,
    recurrent: partnerships.recurrent[p] === 1,
    statut_donnee: dataStatus(random.next(), programme ? 0.35 : 0.15),
    source: programme ? options.programmeSource : SURVEY_SOURCE,
    consentement_publication: partnerships.consent[p] === 1,
    fournisseur_id: providerId,
    beneficiaire_id: receiverId,
  };
}
