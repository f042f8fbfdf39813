/**
 * The fixture's parts worked out by hand (tests/support/fixture.ts), period 2024, receiver side,
 * under the rules of method v2.0.0 (src/indicators/method/counterfactuals.ts, sql-values.ts):
 *
 * - one counterfactual per resource type and modality, the same for € and CO₂e: a gift is the
 *   remaining share of life (`part_vie_restante_don`) of the good's new price, manufacturing and
 *   matter; a loan of equipment is days × rent capped at the new price, and days ÷ lifetime of its
 *   manufacturing and matter; a loan of a vehicle is days × rent + km × price per km; premises are
 *   hours × hourly rate, and s × (the other room's operation + its energy during the use) in
 *   kgCO₂e; time is volunteer hours; staff is its cost (the compensation when one is paid);
 * - every value × s (« aurait acheté »: oui, partiel, non, inconnu when unanswered) where it is an
 *   avoided value, × the data factor f of the exchange's tier (`facteur_donnee.<statut>`) and × w,
 *   the share of the exchange's days inside the period;
 * - transport (round trip × cost per km, 0 on foot, by bike or without travel) and the energy of
 *   a lent room during the use (m² × hours × kWh per m²·h × price, or × kgCO₂e per kWh) are
 *   subtracted for every exchange.
 *
 * Coefficient VALUES are read by id from src/data/method/coefficients.json (`k`), never copied
 * here: the arithmetic is by hand, only the numbers are looked up. Each exchange's values are
 * written out once (`X01`…`X27`), then a zone's parts are the sum of the exchanges it receives.
 *
 * Runs: `c` central, `b` low run (bas), `h` high run (haut). In the low run every coefficient
 * takes the bound that lowers the component it enters (`effet` in the file): lifetimes and the
 * reference hours of premises take their HIGH value there (a longer life lowers a share of life).
 */
import file from '../../src/data/method/coefficients.json' with { type: 'json' };

/** A part in the three runs. */
export interface Range {
  readonly c: number;
  readonly b: number;
  readonly h: number;
}
const r = (c: number, b = c, h = c): Range => ({ c, b, h });

/** A run: central, low (bas), high (haut). */
export type Run = keyof Range;
const RUNS: readonly Run[] = ['c', 'b', 'h'];

interface CoefficientEntry {
  readonly id: string;
  readonly bas: number;
  readonly central: number;
  readonly haut: number;
  readonly effet: string;
}

/**
 * A coefficient of the file by id, as each run reads it: central; in the low run the bound that
 * lowers its component (its `bas` when `effet` is « + », its `haut` when « − »); the high run the
 * other bound.
 */
export function k(id: string): Range {
  const entry = (file.coefficients as readonly CoefficientEntry[]).find((c) => c.id === id);
  if (!entry) throw new Error(`No coefficient ${id} in coefficients.json`);
  if (entry.effet !== '+' && entry.effet !== '-') throw new Error(`Coefficient ${id}: effet ${entry.effet}`);
  const raises = entry.effet === '+';
  return { c: entry.central, b: raises ? entry.bas : entry.haut, h: raises ? entry.haut : entry.bas };
}

// Data factor of each quality tier.
const DECLARE = k('facteur_donnee.declare');
const CONFIRME = k('facteur_donnee.confirme');
const VERIFIE = k('facteur_donnee.verifie');
// Substitution share s by answer to « would have bought » (unanswered: inconnu).
const OUI = k('substitution.oui');
const PARTIEL = k('substitution.partiel');
const NON = k('substitution.non');
const INCONNU = k('substitution.inconnu');
// Travel.
const PER_KM = k('cout_transport_km');
const DETOUR = k('facteur_detour');
const INTRA_KM = k('distance_intracommunale_km');
const EF = {
  car: k('ef_transport.voiture'),
  electric: k('ef_transport.voiture_electrique'),
  van: k('ef_transport.vul'),
  bus: k('ef_transport.transport_commun'),
  bike: k('ef_transport.velo'),
  foot: k('ef_transport.marche'),
  none: k('ef_transport.aucun'),
};
// Goods, vehicles, premises, time, staff.
const REMAINING_LIFE = k('part_vie_restante_don');
const VEHICLE_KM = k('prix_km_vehicule');
const ROOM_HOUR = k('prix_locaux_heure');
const ROOM_M2_YEAR = k('ef_locaux_m2_an');
const ROOM_HOURS_YEAR = k('heures_reference_locaux');
const ROOM_KWH_M2_H = k('energie_locaux_kwh_m2_h');
const KWH_CO2 = k('ef_energie_kwh');
const KWH_PRICE = k('prix_energie_kwh');
const VOLUNTEER_HOUR = k('valeur_heure_benevole');
const FTE_YEAR = k('cout_etp_an');

/** The coefficients of a goods category. */
function good(category: string) {
  return {
    rent: k(`location_jour.${category}`),
    price: k(`prix_neuf.${category}`),
    manufacturing: k(`ef_fabrication.${category}`),
    life: k(`duree_vie_jours.${category}`),
    mass: k(`masse_unitaire_kg.${category}`),
  };
}
const CHAIR = good('mobilier_chaise');
const TABLE = good('mobilier_table');
const PROJECTOR = good('videoprojecteur');
const SOUND = good('sono');
const TENT = good('tente_3x3');
const TOOL = good('outil');
const MINIBUS = good('minibus');
const VAN = good('vul');

/** Default round trip inside one commune (no distance declared): 2 × detour × intra-commune km. */
const INTRA_ROUND_TRIP = (s: Run) => 2 * DETOUR[s] * INTRA_KM[s];

/** The per-exchange values that depend on coefficients (the v_… columns of sql-values.ts). */
export const VALUE_PARTS = [
  'valeur_brute',
  'valeur_substituee',
  'cout_transport',
  'energie_locaux',
  'valeur_benevolat',
  'valeur_personnel',
  'personnel_refacture',
  'co2_fabrication',
  'co2_locaux',
  'co2_energie_locaux',
  'co2_transport',
  'matiere_kg',
] as const;
export type ValuePart = (typeof VALUE_PARTS)[number];
export type ExchangeValues = Readonly<Record<ValuePart, Range>>;

/**
 * One exchange's values: f (its tier's data factor) × w (share of its days in the period) × the
 * formula, in each run; 0 for the values it has no formula for.
 */
function exchangeValues(
  f: Range,
  w: number,
  formulas: Partial<Record<ValuePart, (s: Run) => number>>,
): ExchangeValues {
  const out = {} as Record<ValuePart, Range>;
  for (const part of VALUE_PARTS) {
    const formula = formulas[part];
    out[part] = formula ? r(f.c * w * formula('c'), f.b * w * formula('b'), f.h * w * formula('h')) : r(0);
  }
  return out;
}

/** X01 (→ Alpha) A1 lends A2 50 chairs for 48 h (2 days); would have bought; 2 km by bike; 2 volunteer hours. */
const X01 = exchangeValues(DECLARE, 1, {
  // 50 chairs × min(2 days × rent, new price)
  valeur_brute: (s) => 50 * Math.min(2 * CHAIR.rent[s], CHAIR.price[s]),
  valeur_substituee: (s) => OUI[s] * 50 * Math.min(2 * CHAIR.rent[s], CHAIR.price[s]),
  // By bike: no cost per km; CO₂e per km only in the high run.
  co2_transport: (s) => 2 * EF.bike[s],
  valeur_benevolat: (s) => 2 * VOLUNTEER_HOUR[s],
  // The share of their life the loan uses: 2 days ÷ lifetime.
  co2_fabrication: (s) => OUI[s] * 50 * CHAIR.manufacturing[s] * (2 / CHAIR.life[s]),
  matiere_kg: (s) => OUI[s] * 50 * CHAIR.mass[s] * (2 / CHAIR.life[s]),
});

/** X02 (→ Alpha) A2 lends A1 a 40 m² room for 3 h; would partly have rented; pays 15 €; 1 km on foot. */
const X02 = exchangeValues(DECLARE, 1, {
  // 3 h × hourly rate, less the 15 € paid
  valeur_brute: (s) => 3 * ROOM_HOUR[s],
  valeur_substituee: (s) => PARTIEL[s] * Math.max(0, 3 * ROOM_HOUR[s] - 15),
  // The lent room's energy during the use: 40 m² × 3 h × kWh per m²·h × price (or × kgCO₂e per kWh).
  energie_locaux: (s) => 40 * 3 * ROOM_KWH_M2_H[s] * KWH_PRICE[s],
  co2_energie_locaux: (s) => 40 * 3 * ROOM_KWH_M2_H[s] * KWH_CO2[s],
  // The other room: its operation outside the use (40 m² × 3 h ÷ annual hours × factor) + its energy in use.
  co2_locaux: (s) =>
    PARTIEL[s] * ((40 * 3 * ROOM_M2_YEAR[s]) / ROOM_HOURS_YEAR[s] + 40 * 3 * ROOM_KWH_M2_H[s] * KWH_CO2[s]),
  co2_transport: (s) => 1 * EF.foot[s],
});

/** X03 (→ Beta) A1 lends A5 its minibus for 24 h (1 day), 120 km; would have rented; 10 km by car. */
const X03 = exchangeValues(DECLARE, 1, {
  // 1 day × rent + 120 km × price per km
  valeur_brute: (s) => 1 * MINIBUS.rent[s] + 120 * VEHICLE_KM[s],
  valeur_substituee: (s) => OUI[s] * (1 * MINIBUS.rent[s] + 120 * VEHICLE_KM[s]),
  cout_transport: (s) => 10 * PER_KM[s],
  co2_transport: (s) => 10 * EF.car[s],
  // One vehicle, 1 day ÷ lifetime.
  co2_fabrication: (s) => OUI[s] * 1 * MINIBUS.manufacturing[s] * (1 / MINIBUS.life[s]),
  matiere_kg: (s) => OUI[s] * 1 * MINIBUS.mass[s] * (1 / MINIBUS.life[s]),
});

/** X04 (→ Beta) A5 gives A6 6 hours of skills; 0.8 km on foot. Time: volunteer hours only. */
const X04 = exchangeValues(DECLARE, 1, {
  valeur_benevolat: (s) => 6 * VOLUNTEER_HOUR[s],
  co2_transport: (s) => 0.8 * EF.foot[s],
});

/** X05 (→ Beta) A6 lends A5 a sound system for 1 day, declared 90 €; would not have bought; 3 km by car; 3 h. */
const X05 = exchangeValues(DECLARE, 1, {
  // The declared value replaces the counterfactual cost.
  valeur_brute: () => 90,
  valeur_substituee: (s) => NON[s] * 90,
  cout_transport: (s) => 3 * PER_KM[s],
  co2_transport: (s) => 3 * EF.car[s],
  valeur_benevolat: (s) => 3 * VOLUNTEER_HOUR[s],
  co2_fabrication: (s) => NON[s] * 1 * SOUND.manufacturing[s] * (1 / SOUND.life[s]),
  matiere_kg: (s) => NON[s] * 1 * SOUND.mass[s] * (1 / SOUND.life[s]),
});

/** X06 (→ Gamma) A9 and A10 run a joint project, 20 volunteer hours; 4 km by bike. */
const X06 = exchangeValues(DECLARE, 1, {
  valeur_benevolat: (s) => 20 * VOLUNTEER_HOUR[s],
  co2_transport: (s) => 4 * EF.bike[s],
});

/** X07 (→ Gamma) A10 trains A9, 3 volunteer hours, remote (0 km, no travel). */
const X07 = exchangeValues(DECLARE, 1, {
  valeur_benevolat: (s) => 3 * VOLUNTEER_HOUR[s],
  co2_transport: (s) => 0 * EF.none[s],
});

/** X08 (→ Gamma) A5 makes 1.2 FTE-months of staff available to A9, re-invoiced 3 600 €; 12 km by car. */
const X08 = exchangeValues(DECLARE, 1, {
  // Staff at cost: 1.2/12 FTE-year × the cost of an FTE; the re-invoiced part is the compensation,
  // at most that cost.
  valeur_personnel: (s) => (1.2 / 12) * FTE_YEAR[s],
  personnel_refacture: (s) => Math.min(3600, (1.2 / 12) * FTE_YEAR[s]),
  cout_transport: (s) => 12 * PER_KM[s],
  co2_transport: (s) => 12 * EF.car[s],
});

/** X09 (→ Alpha) A2 gives A3 a projector (3 kg declared); « would have bought » unanswered; 1.5 km on foot. */
const X09 = exchangeValues(DECLARE, 1, {
  // A gift: the remaining share of life of its new price, manufacturing and matter.
  valeur_brute: (s) => 1 * PROJECTOR.price[s] * REMAINING_LIFE[s],
  valeur_substituee: (s) => INCONNU[s] * 1 * PROJECTOR.price[s] * REMAINING_LIFE[s],
  co2_fabrication: (s) => INCONNU[s] * 1 * PROJECTOR.manufacturing[s] * REMAINING_LIFE[s],
  matiere_kg: (s) => INCONNU[s] * 3 * REMAINING_LIFE[s],
  co2_transport: (s) => 1.5 * EF.foot[s],
});

/**
 * X10 (→ Alpha) A3 lends A1 2 tents for 72 h (3 days), declared 120 €, paid 20 €; would have
 * bought; no distance nor mode: the default round trip inside the commune, by car; 1 volunteer hour.
 */
const X10 = exchangeValues(DECLARE, 1, {
  valeur_brute: () => 120,
  valeur_substituee: (s) => OUI[s] * (120 - 20),
  cout_transport: (s) => INTRA_ROUND_TRIP(s) * PER_KM[s],
  co2_transport: (s) => INTRA_ROUND_TRIP(s) * EF.car[s],
  valeur_benevolat: (s) => 1 * VOLUNTEER_HOUR[s],
  co2_fabrication: (s) => OUI[s] * 2 * TENT.manufacturing[s] * (3 / TENT.life[s]),
  matiere_kg: (s) => OUI[s] * 2 * TENT.mass[s] * (3 / TENT.life[s]),
});

/** X11 (→ Alpha) A6 lends A1 a 200 m² hall for a day of 10 h, declared 150 €; would not have rented; 9 km by car. */
const X11 = exchangeValues(DECLARE, 1, {
  valeur_brute: () => 150,
  valeur_substituee: (s) => NON[s] * 150,
  // The hall is heated for the use whatever the answer: 200 m² × 10 h × kWh per m²·h.
  energie_locaux: (s) => 200 * 10 * ROOM_KWH_M2_H[s] * KWH_PRICE[s],
  co2_energie_locaux: (s) => 200 * 10 * ROOM_KWH_M2_H[s] * KWH_CO2[s],
  co2_locaux: (s) =>
    NON[s] * ((200 * 10 * ROOM_M2_YEAR[s]) / ROOM_HOURS_YEAR[s] + 200 * 10 * ROOM_KWH_M2_H[s] * KWH_CO2[s]),
  cout_transport: (s) => 9 * PER_KM[s],
  co2_transport: (s) => 9 * EF.car[s],
});

/** X12 (→ Alpha) A1 gives A3 4 hours of skills; 2 km on foot (not to be published). */
const X12 = exchangeValues(DECLARE, 1, {
  valeur_benevolat: (s) => 4 * VOLUNTEER_HOUR[s],
  co2_transport: (s) => 2 * EF.foot[s],
});

/** X13 (→ Beta) A9 and A5, joint project of 30 volunteer hours, 14 km by bus; VERIFIED by the coordinator. */
const X13 = exchangeValues(VERIFIE, 1, {
  valeur_benevolat: (s) => 30 * VOLUNTEER_HOUR[s],
  // By bus: no travel cost (the fare is not known), only its emissions.
  co2_transport: (s) => 14 * EF.bus[s],
});

/** X14 (→ Beta) A5 lends A6 10 tables for 24 h (1 day); would partly have rented; 1 km by bike; 1 h. */
const X14 = exchangeValues(DECLARE, 1, {
  // 10 tables × min(1 day × rent, new price)
  valeur_brute: (s) => 10 * Math.min(1 * TABLE.rent[s], TABLE.price[s]),
  valeur_substituee: (s) => PARTIEL[s] * 10 * Math.min(1 * TABLE.rent[s], TABLE.price[s]),
  co2_transport: (s) => 1 * EF.bike[s],
  valeur_benevolat: (s) => 1 * VOLUNTEER_HOUR[s],
  co2_fabrication: (s) => PARTIEL[s] * 10 * TABLE.manufacturing[s] * (1 / TABLE.life[s]),
  matiere_kg: (s) => PARTIEL[s] * 10 * TABLE.mass[s] * (1 / TABLE.life[s]),
});

/** X15 (→ Beta) A10 trains A6, 2 volunteer hours, 16 km by electric car. */
const X15 = exchangeValues(DECLARE, 1, {
  valeur_benevolat: (s) => 2 * VOLUNTEER_HOUR[s],
  cout_transport: (s) => 16 * PER_KM[s],
  co2_transport: (s) => 16 * EF.electric[s],
});

/** X16 (→ Alpha) A3 gives A2 2 « autre » items without a declared value: not costed; 1 km on foot. */
const X16 = exchangeValues(DECLARE, 1, {
  co2_transport: (s) => 1 * EF.foot[s],
});

/** X17 (→ Beta) A6 lends A5 its van for 2 days (2 jours, dated 12–13 Nov.); would have rented; 2 km by van. */
const X17 = exchangeValues(DECLARE, 1, {
  // 2 days × rent, no km declared
  valeur_brute: (s) => 2 * VAN.rent[s],
  valeur_substituee: (s) => OUI[s] * 2 * VAN.rent[s],
  cout_transport: (s) => 2 * PER_KM[s],
  co2_transport: (s) => 2 * EF.van[s],
  co2_fabrication: (s) => OUI[s] * 1 * VAN.manufacturing[s] * (2 / VAN.life[s]),
  matiere_kg: (s) => OUI[s] * 1 * VAN.mass[s] * (2 / VAN.life[s]),
});

/** X18 (→ Beta) A2 gives A5 5 hours of skills; 8 km by bike. */
const X18 = exchangeValues(DECLARE, 1, {
  valeur_benevolat: (s) => 5 * VOLUNTEER_HOUR[s],
  co2_transport: (s) => 8 * EF.bike[s],
});

/** X19 (→ Alpha) A1 lends A2 3 tools for 24 h (1 day), declared 45 €; would have bought; 2 km by bike. */
const X19 = exchangeValues(DECLARE, 1, {
  valeur_brute: () => 45,
  valeur_substituee: (s) => OUI[s] * 45,
  co2_transport: (s) => 2 * EF.bike[s],
  co2_fabrication: (s) => OUI[s] * 3 * TOOL.manufacturing[s] * (1 / TOOL.life[s]),
  matiere_kg: (s) => OUI[s] * 3 * TOOL.mass[s] * (1 / TOOL.life[s]),
});

/** X21 (→ Beta) A6 gives A5 2 tents (mass from the category); would have bought; 3 km by car; CONFIRMED. */
const X21 = exchangeValues(CONFIRME, 1, {
  // A gift: the remaining share of life of the new price, of the manufacturing and of the matter.
  valeur_brute: (s) => 2 * TENT.price[s] * REMAINING_LIFE[s],
  valeur_substituee: (s) => OUI[s] * 2 * TENT.price[s] * REMAINING_LIFE[s],
  co2_fabrication: (s) => OUI[s] * 2 * TENT.manufacturing[s] * REMAINING_LIFE[s],
  matiere_kg: (s) => OUI[s] * 2 * TENT.mass[s] * REMAINING_LIFE[s],
  cout_transport: (s) => 3 * PER_KM[s],
  co2_transport: (s) => 3 * EF.car[s],
});

/**
 * X22 (→ Alpha) A2 lends A1 10 chairs from 4 March to 2 May (60 days, no hours declared);
 * would have bought; 2 km by car; VERIFIED. 60 days of rent exceed the new price in every run.
 */
const X22 = exchangeValues(VERIFIE, 1, {
  // 10 chairs × min(60 days × rent, new price)
  valeur_brute: (s) => 10 * Math.min(60 * CHAIR.rent[s], CHAIR.price[s]),
  valeur_substituee: (s) => OUI[s] * 10 * Math.min(60 * CHAIR.rent[s], CHAIR.price[s]),
  co2_fabrication: (s) => OUI[s] * 10 * CHAIR.manufacturing[s] * Math.min(1, 60 / CHAIR.life[s]),
  matiere_kg: (s) => OUI[s] * 10 * CHAIR.mass[s] * Math.min(1, 60 / CHAIR.life[s]),
  cout_transport: (s) => 2 * PER_KM[s],
  co2_transport: (s) => 2 * EF.car[s],
});

/** X23 (→ Gamma) A10 passes A9 an « autre » resource declared 80 €; would partly have bought; 1 km on foot. */
const X23 = exchangeValues(DECLARE, 1, {
  // « autre »: only a declared value is costed; no carbon, no matter.
  valeur_brute: () => 80,
  valeur_substituee: (s) => PARTIEL[s] * 80,
  co2_transport: (s) => 1 * EF.foot[s],
});

/**
 * X24 (→ Beta) A9 makes 3 FTE-months of staff available to A5 (0.5 FTE, January–June), no
 * compensation: valued at cost, 3/12 FTE-year × annual cost; 12 km by bus.
 */
const X24 = exchangeValues(DECLARE, 1, {
  valeur_personnel: (s) => (3 / 12) * FTE_YEAR[s],
  // By bus: no travel cost (the fare is not known).
  co2_transport: (s) => 12 * EF.bus[s],
});

/** X25 (→ Alpha) A5 gives A1 3 hours of skills, 9 km by car: time has no avoided cost, its trip is still subtracted. */
const X25 = exchangeValues(DECLARE, 1, {
  valeur_benevolat: (s) => 3 * VOLUNTEER_HOUR[s],
  cout_transport: (s) => 9 * PER_KM[s],
  co2_transport: (s) => 9 * EF.car[s],
});

/**
 * X26 (→ Alpha) A3 lends A2 a tool from 1 December 2024 to 31 January 2025 (62 days), declared
 * 310 €; would have bought; 6 volunteer hours; 4 km by car. A period holding `w` of its days counts
 * w of every value (31/62 in 2024, 31/62 in 2025).
 */
export function x26(w: number): ExchangeValues {
  return exchangeValues(DECLARE, w, {
    valeur_brute: () => 310,
    valeur_substituee: (s) => OUI[s] * 310,
    co2_fabrication: (s) => OUI[s] * 1 * TOOL.manufacturing[s] * Math.min(1, 62 / TOOL.life[s]),
    matiere_kg: (s) => OUI[s] * 1 * TOOL.mass[s] * Math.min(1, 62 / TOOL.life[s]),
    valeur_benevolat: (s) => 6 * VOLUNTEER_HOUR[s],
    cout_transport: (s) => 4 * PER_KM[s],
    co2_transport: (s) => 4 * EF.car[s],
  });
}
/** X26's share of its days in 2024 (1–31 December) and in 2025 (1–31 January). */
export const X26_SHARE = 31 / 62;
const X26 = x26(X26_SHARE);

/**
 * X27 (→ Beta) A5 lends A6 a 60 m² room every week, 20 hours from 2 September to 4 November;
 * would have rented; 1 km on foot; REGULAR (recurrent).
 */
const X27 = exchangeValues(DECLARE, 1, {
  valeur_brute: (s) => 20 * ROOM_HOUR[s],
  valeur_substituee: (s) => OUI[s] * 20 * ROOM_HOUR[s],
  energie_locaux: (s) => 60 * 20 * ROOM_KWH_M2_H[s] * KWH_PRICE[s],
  co2_energie_locaux: (s) => 60 * 20 * ROOM_KWH_M2_H[s] * KWH_CO2[s],
  co2_locaux: (s) =>
    OUI[s] * ((60 * 20 * ROOM_M2_YEAR[s]) / ROOM_HOURS_YEAR[s] + 60 * 20 * ROOM_KWH_M2_H[s] * KWH_CO2[s]),
  co2_transport: (s) => 1 * EF.foot[s],
});

/** Each 2024 exchange's values, by id (X20, dated 2023, is outside the period). */
export const EXCHANGE_VALUES: Readonly<Record<string, ExchangeValues>> = {
  X01,
  X02,
  X03,
  X04,
  X05,
  X06,
  X07,
  X08,
  X09,
  X10,
  X11,
  X12,
  X13,
  X14,
  X15,
  X16,
  X17,
  X18,
  X19,
  X21,
  X22,
  X23,
  X24,
  X25,
  X26,
  X27,
};

/** The values of a set of exchanges added up, part by part and run by run. */
export function sumValues(exchanges: readonly ExchangeValues[]): ExchangeValues {
  const out = {} as Record<ValuePart, Range>;
  for (const part of VALUE_PARTS) {
    const total = { c: 0, b: 0, h: 0 };
    for (const x of exchanges) for (const s of RUNS) total[s] += x[part][s];
    out[part] = total;
  }
  return out;
}

/** Scenario-independent parts are plain numbers; the others are Ranges. */
export interface HandParts extends ExchangeValues {
  readonly echanges: number;
  readonly echanges_verifies: number;
  readonly echanges_confirmes: number;
  readonly echanges_recurrents: number;
  readonly echanges_valeur_declaree: number;
  /** Σ w × declared market value, as declared (no coefficient, no data factor). */
  readonly valeur_marche_declaree: number;
  readonly associations_impliquees: number;
  /** Σ w × volunteer hours. */
  readonly heures_benevoles: number;
  readonly beneficiaires: number;
  /** Σ w × FTE-years. */
  readonly etp_annees: number;
  readonly distance_km: Range;
  readonly echanges_avec_distance: number;
  readonly associations_actives: number;
  /** Active associations the exchange data covers (the fixture is fully surveyed: all of them). */
  readonly associations_couvertes: number;
  readonly associations_cooperantes: number;
  readonly degres: number;
  readonly clustering_somme: number;
  readonly clustering_noeuds: number;
  readonly partenariats: number;
  readonly partenariats_intersectoriels: number;
  readonly partenariats_intercommunaux: number;
  readonly aretes_internes_actives: number;
  readonly communes_liees: number;
  readonly communes: number;
  readonly population: number;
  readonly subventions: number;
  // Register and grants (every fixture association was created on 2000-01-01, has no SIRET, is
  // a simple association, and has no countable seat address).
  readonly jours_periode: number;
  readonly creations: number;
  readonly dissolutions: number;
  readonly age_somme: number;
  readonly age_connus: number;
  readonly avec_siret: number;
  readonly groupements_connus: number;
  readonly unions_federations: number;
  readonly structures_faitieres: number;
  readonly sieges_renseignes: number;
  readonly sieges_partages: number;
  readonly associations_siege_partage: number;
  readonly lieux_partages: number;
  /** Krugman index against the territory's theme mix (not additive). */
  readonly specialisation: number | null;
  readonly subventions_nombre: number;
  readonly subventions_nature: number;
  readonly subventions_nature_montant: number;
  readonly associations_financees: number;
  readonly subventions_territoire: number;
}

/** 2024 is a leap year: 366 days. */
const DAYS_2024 = 366;
/** Age at 2024-12-31 of an association created on 2000-01-01: 25 × 365 + 7 leap days − 1 = 9 131 days. */
const AGE_2000 = 9131 / 365.25;
/** Register parts common to the three communes, for `n` active associations and one 2024 grant. */
function register(n: number, specialisation: number | null) {
  return {
    jours_periode: DAYS_2024,
    creations: 0,
    dissolutions: 0, // A7 was dissolved in 2023
    age_somme: n * AGE_2000,
    age_connus: n,
    avec_siret: 0,
    groupements_connus: n, // every fixture association is « simple »
    unions_federations: 0,
    structures_faitieres: 0,
    sieges_renseignes: 0,
    sieges_partages: 0,
    associations_siege_partage: 0,
    lieux_partages: 0,
    specialisation,
    subventions_nombre: 1, // Alpha A1, Beta A5 (A6's is dated 2023), Gamma A9
    subventions_nature: 0,
    subventions_nature_montant: 0,
    associations_financees: 1,
    subventions_territoire: 3, // grants of the whole dataset signed in 2024
  };
}

// Theme mix of the territory's 8 active associations: sport 4/8 (A1, A3, A6, A10), culture 3/8
// (A2, A5, A9), social 1/8 (A4). Krugman index = ½ Σ |share in zone − share in territory|.

/** Alpha receives X01, X02, X09, X10, X11, X12, X16, X19, X22, X25 and 31/62 of X26. */
export const ALPHA: HandParts = {
  ...sumValues([X01, X02, X09, X10, X11, X12, X16, X19, X22, X25, X26]),
  echanges: 11,
  echanges_verifies: 1, // X22
  echanges_confirmes: 0,
  echanges_recurrents: 0,
  echanges_valeur_declaree: 4, // X10, X11, X19, X26
  valeur_marche_declaree: 120 + 150 + 45 + X26_SHARE * 310,
  associations_impliquees: 5, // A1, A2, A3, and A6 (X11), A5 (X25)
  heures_benevoles: 2 + 1 + 4 + 3 + X26_SHARE * 6, // X01, X10, X12, X25, X26
  beneficiaires: 100 + 20 + 60 + 80 + 30, // X01, X02, X10, X11, X26 (counts are not pro-rated)
  etp_annees: 0,
  // Round trips (not pro-rated): X01 2, X02 1, X09 1.5, X10 the default, X11 9, X12 2, X16 1, X19 2, X22 2, X25 9, X26 4.
  distance_km: {
    c: 2 + 1 + 1.5 + INTRA_ROUND_TRIP('c') + 9 + 2 + 1 + 2 + 2 + 9 + 4,
    b: 2 + 1 + 1.5 + INTRA_ROUND_TRIP('b') + 9 + 2 + 1 + 2 + 2 + 9 + 4,
    h: 2 + 1 + 1.5 + INTRA_ROUND_TRIP('h') + 9 + 2 + 1 + 2 + 2 + 9 + 4,
  },
  echanges_avec_distance: 11,
  // A1–A4 active; A4 has no partner. Degrees: A1 4 (A2, A3, A5, A6), A2 3 (A1, A3, A5), A3 2 (A1, A2), A4 0.
  associations_actives: 4,
  associations_couvertes: 4,
  associations_cooperantes: 3,
  degres: 4 + 3 + 2,
  // Triangles {A1,A2,A3}, {A1,A2,A5}, {A1,A5,A6}: C = 2T/(k(k−1)): A1 2·3/12, A2 2·2/6, A3 2·1/2.
  clustering_somme: 6 / 12 + 4 / 6 + 2 / 2,
  clustering_noeuds: 3,
  // Pairs A1–A2, A2–A3, A1–A3 inside (1 each); A1–A5, A1–A6, A2–A5 with Beta (½ each).
  partenariats: 3 + 3 * 0.5,
  partenariats_intersectoriels: 1 + 1 + 0.5, // A1–A2, A2–A3 (sport–culture), A1–A5 (½)
  partenariats_intercommunaux: 3 * 0.5,
  aretes_internes_actives: 3,
  communes_liees: 1, // Alpha–Beta
  communes: 1,
  population: 1000,
  subventions: 1000, // A1
  // Alpha: sport 2/4, culture 1/4, social 1/4 → ½ (0 + |1/4 − 3/8| + |1/4 − 1/8|) = 1/8.
  ...register(4, 1 / 8),
};

/** Beta receives X03, X04, X05, X13, X14, X15, X17, X18, X21, X24, X27. */
export const BETA: HandParts = {
  ...sumValues([X03, X04, X05, X13, X14, X15, X17, X18, X21, X24, X27]),
  echanges: 11,
  echanges_verifies: 1, // X13
  echanges_confirmes: 1, // X21
  echanges_recurrents: 1, // X27
  echanges_valeur_declaree: 1, // X05
  valeur_marche_declaree: 90,
  // A5, A6 and, at the other end, A1 (X03), A2 (X18), A9 (X13, X24), A10 (X15)
  associations_impliquees: 6,
  heures_benevoles: 6 + 3 + 30 + 1 + 2 + 5, // X04, X05, X13, X14, X15, X18
  beneficiaires: 8 + 150 + 300 + 40 + 8 + 25, // X03, X05, X13, X14, X15, X27
  etp_annees: 3 / 12, // X24: 3 FTE-months
  // X03 10, X04 0.8, X05 3, X13 14, X14 1, X15 16, X17 2, X18 8, X21 3, X24 12, X27 1 km
  distance_km: r(10 + 0.8 + 3 + 14 + 1 + 16 + 2 + 8 + 3 + 12 + 1),
  echanges_avec_distance: 11,
  // A5 and A6 active (A7 dissolved, A8 dormant). Degrees: A5 4 (A1, A6, A9, A2), A6 3 (A5, A1, A10).
  associations_actives: 2,
  associations_couvertes: 2,
  associations_cooperantes: 2,
  degres: 4 + 3,
  clustering_somme: (2 * 2) / 12 + (2 * 1) / 6, // A5 in 2 triangles, A6 in 1
  clustering_noeuds: 2,
  // A5–A6 inside; A1–A5, A1–A6, A2–A5 (Alpha) and A5–A9, A6–A10 (Gamma) at ½.
  partenariats: 1 + 5 * 0.5,
  partenariats_intersectoriels: 1 + 0.5, // A5–A6, A1–A5
  partenariats_intercommunaux: 5 * 0.5,
  aretes_internes_actives: 1,
  communes_liees: 2, // Alpha–Beta, Beta–Gamma
  communes: 1,
  population: 2000,
  subventions: 2000 * 0.5, // A5
  // Beta: culture 1/2, sport 1/2, social 0 → ½ (|1/2 − 3/8| + 0 + |0 − 1/8|) = 1/8.
  ...register(2, 1 / 8),
};

/** Gamma receives X06, X07, X08, X23. */
export const GAMMA: HandParts = {
  ...sumValues([X06, X07, X08, X23]),
  echanges: 4,
  echanges_verifies: 0,
  echanges_confirmes: 0,
  echanges_recurrents: 0,
  echanges_valeur_declaree: 1, // X23
  valeur_marche_declaree: 80,
  associations_impliquees: 3, // A9, A10, A5 (X08)
  heures_benevoles: 20 + 3, // X06, X07
  beneficiaires: 200 + 6,
  etp_annees: 1.2 / 12, // X08: 1.2 FTE-months
  distance_km: r(4 + 0 + 12 + 1), // X06, X07, X08, X23
  echanges_avec_distance: 4,
  associations_actives: 2,
  associations_couvertes: 2,
  associations_cooperantes: 2,
  degres: 2 + 2, // A9 (A10, A5), A10 (A9, A6): no triangle
  clustering_somme: 0,
  clustering_noeuds: 2,
  partenariats: 1 + 2 * 0.5, // A9–A10; A5–A9, A6–A10 at ½
  partenariats_intersectoriels: 1, // A9–A10
  partenariats_intercommunaux: 2 * 0.5,
  aretes_internes_actives: 1,
  communes_liees: 1, // Beta–Gamma
  communes: 1,
  population: 500,
  subventions: 500, // A9
  // Gamma: culture 1/2, sport 1/2, like Beta → 1/8.
  ...register(2, 1 / 8),
};

function add(a: Range, b: Range): Range {
  return r(a.c + b.c, a.b + b.b, a.h + b.h);
}

/** Additive parts of two zones added; the non-additive ones must be given. */
function merge(
  a: HandParts,
  b: HandParts,
  nonAdditive: Pick<
    HandParts,
    'aretes_internes_actives' | 'communes_liees' | 'associations_impliquees' | 'specialisation'
  >,
): HandParts {
  const out: Record<string, number | Range | null> = {};
  for (const key of Object.keys(a) as (keyof HandParts)[]) {
    const [x, y] = [a[key], b[key]];
    if (x === null || y === null) out[key] = null;
    else out[key] = typeof x === 'number' && typeof y === 'number' ? x + y : add(x as Range, y as Range);
  }
  // The same for every zone: the period's days, the dataset's grants of the period.
  return {
    ...(out as unknown as HandParts),
    jours_periode: a.jours_periode,
    subventions_territoire: a.subventions_territoire,
    ...nonAdditive,
  };
}

/** E1 = Alpha + Beta: 7 pairs inside it (A1–A2, A2–A3, A1–A3, A5–A6, A1–A5, A1–A6, A2–A5); pairs Alpha–Beta and Beta–Gamma. */
export const E1: HandParts = merge(ALPHA, BETA, {
  aretes_internes_actives: 7,
  communes_liees: 2,
  associations_impliquees: 7,
  // E1's 6 active: sport 3/6, culture 2/6, social 1/6 → ½ (0 + |1/3 − 3/8| + |1/6 − 1/8|) = 1/24.
  specialisation: 1 / 24,
});
/** E2 = Gamma. */
export const E2: HandParts = GAMMA;
/** The territory: all 10 pairs inside it; two pairs of communes. */
export const TERRITORY: HandParts = merge(E1, GAMMA, {
  aretes_internes_actives: 10,
  communes_liees: 2,
  associations_impliquees: 7,
  specialisation: 0, // the territory against itself
});

/** Triple of a hand value: the same in every scenario for a plain number. */
export function triple(value: number | Range | null): {
  central: number | null;
  bas: number | null;
  haut: number | null;
} {
  if (value === null || typeof value === 'number') return { central: value, bas: value, haut: value };
  return { central: value.c, bas: value.b, haut: value.h };
}

/** Added parts minus subtracted parts, each subtracted part read in the opposite run (low − high). */
export function netOf(added: readonly Range[], subtracted: readonly Range[]): Range {
  const sum = (xs: readonly Range[], s: Run) => xs.reduce((total, x) => total + x[s], 0);
  return {
    c: sum(added, 'c') - sum(subtracted, 'c'),
    b: sum(added, 'b') - sum(subtracted, 'h'),
    h: sum(added, 'h') - sum(subtracted, 'b'),
  };
}

/** F2, net avoided cost: valeur_substituee − cout_transport − energie_locaux. */
export function netAvoidedCost(z: ExchangeValues): Range {
  return netOf([z.valeur_substituee], [z.cout_transport, z.energie_locaux]);
}

/**
 * Every indicator from the hand parts, by its formula written out again here (not by calling the
 * code). Ranges: low = added parts low − subtracted parts high; high the other way round.
 */
export function expectedIndicators(z: HandParts): Record<string, number | Range | null> {
  const per = (a: number, b: number, scale = 1) => (b === 0 ? null : (a / b) * scale);
  const perRange = (a: Range, b: number) => r(a.c / b, a.b / b, a.h / b);
  const net = netAvoidedCost(z);
  // Cooperation counts rest on the surveyed (covered) active associations only.
  const n = z.associations_couvertes;
  return {
    couverture: per(z.associations_couvertes, z.associations_actives),
    'taux-cooperation': per(z.associations_cooperantes, n),
    'associations-isolees': per(n - z.associations_cooperantes, n),
    partenariats: z.partenariats,
    'partenariats-pour-1000-hab': per(z.partenariats, z.population, 1000),
    'liens-intersectoriels': per(z.partenariats_intersectoriels, z.partenariats),
    'liens-intercommunaux': per(z.partenariats_intercommunaux, z.partenariats),
    'communes-liees': z.communes_liees,
    'degre-moyen': per(z.degres, n),
    densite: per(z.aretes_internes_actives, (n * (n - 1)) / 2),
    regroupement: per(z.clustering_somme, z.clustering_noeuds),
    'heures-benevoles': z.heures_benevoles,
    beneficiaires: z.beneficiaires,
    'emploi-mutualise': z.etp_annees,
    echanges: z.echanges,
    'part-verifiee': per(z.echanges_verifies, z.echanges),
    'part-confirmee': per(z.echanges_confirmes + z.echanges_verifies, z.echanges),
    'part-recurrente': per(z.echanges_recurrents, z.echanges),
    'echanges-pour-1000-hab': per(z.echanges, z.population, 1000),
    'cout-evite-brut': z.valeur_brute,
    'cout-evite-net': net,
    'valeur-benevolat': z.valeur_benevolat,
    'valeur-personnel': z.valeur_personnel,
    'personnel-refacture': z.personnel_refacture,
    'valeur-marche-declaree': z.valeur_marche_declaree,
    'cout-evite-par-habitant': perRange(net, z.population),
    // Cash grants only: in-kind support is taken out of the denominator.
    'ratio-subventions': perRange(net, z.subventions - z.subventions_nature_montant),
    'co2-fabrication-evitee': z.co2_fabrication,
    'co2-locaux-evite': netOf([z.co2_locaux], [z.co2_energie_locaux]),
    'co2-transport': z.co2_transport,
    'bilan-co2': netOf([z.co2_fabrication, z.co2_locaux], [z.co2_energie_locaux, z.co2_transport]),
    'matiere-evitee': z.matiere_kg,
    'associations-actives': z.associations_actives,
    'associations-pour-1000-hab': per(z.associations_actives, z.population, 1000),
    'creations-par-an': per(z.creations, z.jours_periode, 365.25),
    'dissolutions-par-an': per(z.dissolutions, z.jours_periode, 365.25),
    'age-moyen': per(z.age_somme, z.age_connus),
    'part-siret': per(z.avec_siret, z.associations_actives),
    'unions-federations': z.groupements_connus === 0 ? null : z.unions_federations,
    specialisation: z.associations_actives === 0 ? null : z.specialisation,
    'subventions-montant': z.subventions_territoire === 0 ? null : z.subventions,
    'subventions-nombre': z.subventions_territoire === 0 ? null : z.subventions_nombre,
    'part-financees':
      z.subventions_territoire === 0 ? null : per(z.associations_financees, z.associations_actives),
    // Without any countable seat address, shared seats are not provided (never 0).
    'sieges-partages': z.sieges_renseignes === 0 ? null : z.sieges_partages,
    'associations-siege-partage': z.sieges_renseignes === 0 ? null : z.associations_siege_partage,
    'structures-faitieres': z.structures_faitieres,
    'aides-en-nature': z.subventions_territoire === 0 ? null : z.subventions_nature,
    'distance-moyenne': {
      c: z.distance_km.c / z.echanges_avec_distance,
      b: z.distance_km.b / z.echanges_avec_distance,
      h: z.distance_km.h / z.echanges_avec_distance,
    },
  };
}
