/**
 * The fixture's parts worked out by hand (tests/support/fixture.ts), with coefficients v1.0.0 of
 * src/data/method/coefficients.json, period 2024, receiver side. Each value is written as the
 * arithmetic that gives it; comments name the exchanges (Xnn) it comes from.
 *
 * Scenario values: `c` central, `b` low run (bas), `h` high run (haut). In the low run every
 * coefficient takes the bound that lowers its part: lifetimes and the reference hours of premises
 * take their HIGH value there (a longer life lowers a share of life).
 */

/** A part in the three scenarios. */
export interface Range {
  readonly c: number;
  readonly b: number;
  readonly h: number;
}
const r = (c: number, b = c, h = c): Range => ({ c, b, h });

/** Scenario-independent parts are plain numbers; the others are Ranges. */
export interface HandParts {
  readonly echanges: number;
  readonly echanges_verifies: number;
  readonly associations_impliquees: number;
  readonly heures_benevoles: number;
  readonly beneficiaires: number;
  readonly etp_annees: number;
  readonly valeur_brute: Range;
  readonly valeur_substituee: Range;
  readonly cout_transport: Range;
  readonly valeur_benevolat: Range;
  readonly valeur_personnel: Range;
  readonly co2_fabrication: Range;
  readonly co2_locaux: Range;
  readonly co2_transport: Range;
  readonly matiere_kg: Range;
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

// Volunteer hour: 16.6 €/h (low 11.88, high 25). Cost per km: 0.32 € (0.20, 0.55).
// Default intra-commune round trip (X10, no distance declared): 2 × detour 1.3 × 1.5 km = 3.9 km
// (low 2 × 1.2 × 0.5 = 1.2, high 2 × 1.4 × 3 = 8.4); no mode declared → car, 0.218 kgCO₂e/km.

/** Alpha receives X01, X02, X09, X10, X11, X12, X16, X19. */
export const ALPHA: HandParts = {
  echanges: 8,
  echanges_verifies: 0,
  associations_impliquees: 4, // A1, A2, A3 and A6 (X11)
  heures_benevoles: 2 + 1 + 4, // X01, X10, X12
  beneficiaires: 100 + 20 + 60 + 80, // X01, X02, X10, X11
  etp_annees: 0,
  // X01 50 chairs × min(2 days × rent 1.5, new 40) = 150 (low 50 × min(2 × 1, 20) = 100, high 50 × min(2 × 2.5, 70) = 250);
  // X02 3 h × 25 €/h = 75 (10 → 30, 60 → 180); X09 projector given: 600 × 0.3 = 180 (300 × 0.2 = 60, 1000 × 0.5 = 500);
  // X10 declared 120; X11 declared 150; X16 « autre » without declared value: 0; X19 declared 45.
  valeur_brute: r(
    150 + 75 + 180 + 120 + 150 + 45,
    100 + 30 + 60 + 120 + 150 + 45,
    250 + 180 + 500 + 120 + 150 + 45,
  ),
  // s × max(0, value − compensation): X01 1 × 150; X02 partly 0.5 × (75 − 15) (0.25 × (30 − 15), 0.75 × (180 − 15));
  // X09 unknown 0.5 × 180 (0 × 60, 1 × 500); X10 1 × (120 − 20); X11 « non » 0; X19 1 × 45.
  valeur_substituee: r(
    150 + 0.5 * 60 + 0.5 * 180 + 100 + 45,
    100 + 0.25 * 15 + 0 + 100 + 45,
    250 + 0.75 * 165 + 500 + 100 + 45,
  ),
  // Material exchanges' round trips × cost per km: X01 2, X02 1, X09 1.5, X10 3.9 (1.2, 8.4), X11 9, X16 1, X19 2 km.
  cout_transport: r(
    (2 + 1 + 1.5 + 3.9 + 9 + 1 + 2) * 0.32,
    (2 + 1 + 1.5 + 1.2 + 9 + 1 + 2) * 0.2,
    (2 + 1 + 1.5 + 8.4 + 9 + 1 + 2) * 0.55,
  ),
  valeur_benevolat: r(7 * 16.6, 7 * 11.88, 7 * 25),
  valeur_personnel: r(0),
  // s × factor × units × share of life (days / lifetime; a gift 1):
  // X01 chairs 18.6 × 50 × 2/3652 (13 × 50 × 2/5479, 24.2 × 50 × 2/2557); X09 0.5 × 100 (0 × 50, 1 × 200);
  // X10 tents 150 × 2 × 3/1826 (80 × 2 × 3/2922, 300 × 2 × 3/1096); X19 tools 30 × 3 × 1/2557 (15 × 3/3652, 60 × 3/1826).
  co2_fabrication: r(
    (18.6 * 50 * 2) / 3652 + 0.5 * 100 + (150 * 2 * 3) / 1826 + (30 * 3) / 2557,
    (13 * 50 * 2) / 5479 + 0 + (80 * 2 * 3) / 2922 + (15 * 3) / 3652,
    (24.2 * 50 * 2) / 2557 + 200 + (300 * 2 * 3) / 1096 + (60 * 3) / 1826,
  ),
  // X02 partly: s × 40 m² × 3 h / 2000 h × 15 kgCO₂e/m²/yr (0.25 × 40 × 3/2400 × 5, 0.75 × 40 × 3/1600 × 30); X11 « non »: 0.
  co2_locaux: r((0.5 * 40 * 3 * 15) / 2000, (0.25 * 40 * 3 * 5) / 2400, (0.75 * 40 * 3 * 30) / 1600),
  // X10 3.9 km by car (default), X11 9 km by car; bikes X01, X19 emit only in the high run (0.011/km).
  co2_transport: r((3.9 + 9) * 0.218, (1.2 + 9) * 0.15, (8.4 + 9) * 0.26 + (2 + 2) * 0.011),
  // s × mass × share of life: X01 4.5 kg × 50 × 2/3652; X09 0.5 × 3 kg; X10 25 kg × 2 × 3/1826; X19 6 kg × 3/2557.
  matiere_kg: r(
    (4.5 * 50 * 2) / 3652 + 0.5 * 3 + (25 * 2 * 3) / 1826 + (6 * 3) / 2557,
    (3.5 * 50 * 2) / 5479 + 0 + (20 * 2 * 3) / 2922 + (3 * 3) / 3652,
    (6 * 50 * 2) / 2557 + 3 + (30 * 2 * 3) / 1096 + (10 * 3) / 1826,
  ),
  distance_km: r(
    2 + 1 + 1.5 + 3.9 + 9 + 2 + 1 + 2,
    2 + 1 + 1.5 + 1.2 + 9 + 2 + 1 + 2,
    2 + 1 + 1.5 + 8.4 + 9 + 2 + 1 + 2,
  ),
  echanges_avec_distance: 8,
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

/** Beta receives X03, X04, X05, X13, X14, X15, X17, X18. */
export const BETA: HandParts = {
  echanges: 8,
  echanges_verifies: 1, // X13
  associations_impliquees: 6, // A5, A6 and, at the other end, A1 (X03), A2 (X18), A9 (X13), A10 (X15)
  heures_benevoles: 6 + 3 + 30 + 1 + 2 + 5, // X04, X05, X13, X14, X15, X18
  beneficiaires: 8 + 150 + 300 + 40 + 8, // X03, X05, X13, X14, X15
  etp_annees: 0,
  // X03 minibus 1 day × 110 + 120 km × 0.3 (70 + 120 × 0.15, 150 + 120 × 0.45); X05 declared 90;
  // X14 10 tables × min(1 × 6, 150) (10 × min(4, 80), 10 × min(10, 300)); X17 van 2 days × 90 (× 60, × 130).
  valeur_brute: r(110 + 36 + 90 + 60 + 180, 70 + 18 + 90 + 40 + 120, 150 + 54 + 90 + 100 + 260),
  // X03 1 × 146 (88, 204); X05 « non » 0; X14 partly 0.5 × 60 (0.25 × 40, 0.75 × 100); X17 1 × 180 (120, 260).
  valeur_substituee: r(146 + 0.5 * 60 + 180, 88 + 0.25 * 40 + 120, 204 + 0.75 * 100 + 260),
  // Material round trips: X03 10, X05 3, X14 1, X17 2 km.
  cout_transport: r((10 + 3 + 1 + 2) * 0.32, (10 + 3 + 1 + 2) * 0.2, (10 + 3 + 1 + 2) * 0.55),
  valeur_benevolat: r(47 * 16.6, 47 * 11.88, 47 * 25),
  valeur_personnel: r(0),
  // X03 minibus 10 000 × 1 day / 3652 (7000/5479, 15 000/2922); X05 « non » 0;
  // X14 partly 0.5 × 80.2 × 10 × 1/3652 (0.25 × 56.1 × 10/5479, 0.75 × 104.3 × 10/2557); X17 van 10 000 × 2/3652.
  co2_fabrication: r(
    10000 / 3652 + (0.5 * 80.2 * 10) / 3652 + (10000 * 2) / 3652,
    7000 / 5479 + (0.25 * 56.1 * 10) / 5479 + (7000 * 2) / 5479,
    15000 / 2922 + (0.75 * 104.3 * 10) / 2557 + (15000 * 2) / 2922,
  ),
  co2_locaux: r(0),
  // X03 10 km and X05 3 km by car, X13 14 km by bus, X15 16 km electric car, X17 2 km by van; bikes X14 1, X18 8 km.
  co2_transport: r(
    (10 + 3) * 0.218 + 14 * 0.113 + 16 * 0.103 + 2 * 0.3,
    (10 + 3) * 0.15 + 14 * 0.079 + 16 * 0.06 + 2 * 0.22,
    (10 + 3) * 0.26 + 14 * 0.147 + 16 * 0.13 + 2 * 0.4 + (1 + 8) * 0.011,
  ),
  // X14 partly: 0.5 × 10 tables × 12 kg × 1/3652 (0.25 × 10 × 9/5479, 0.75 × 10 × 18/2557).
  matiere_kg: r((0.5 * 10 * 12) / 3652, (0.25 * 10 * 9) / 5479, (0.75 * 10 * 18) / 2557),
  distance_km: r(10 + 0.8 + 3 + 14 + 1 + 16 + 2 + 8),
  echanges_avec_distance: 8,
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

/** Gamma receives X06, X07, X08. */
export const GAMMA: HandParts = {
  echanges: 3,
  echanges_verifies: 0,
  associations_impliquees: 3, // A9, A10, A5 (X08)
  heures_benevoles: 20 + 3, // X06, X07
  beneficiaires: 200 + 6,
  etp_annees: 1.2 / 12, // X08: 1.2 FTE-months
  valeur_brute: r(0),
  valeur_substituee: r(0),
  cout_transport: r(0),
  valeur_benevolat: r(23 * 16.6, 23 * 11.88, 23 * 25),
  valeur_personnel: r(3600), // X08 re-invoiced cost
  co2_fabrication: r(0),
  co2_locaux: r(0),
  // X08 12 km by car; X06 4 km by bike (high run only); X07 remote.
  co2_transport: r(12 * 0.218, 12 * 0.15, 12 * 0.26 + 4 * 0.011),
  matiere_kg: r(0),
  distance_km: r(4 + 0 + 12),
  echanges_avec_distance: 3,
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

/**
 * Every indicator from the hand parts, by its formula written out again here (not by calling the
 * code). Ranges: low = added parts low − subtracted parts high; high the other way round.
 */
export function expectedIndicators(z: HandParts): Record<string, number | Range | null> {
  const per = (a: number, b: number, scale = 1) => (b === 0 ? null : (a / b) * scale);
  const total: Range = {
    c: z.valeur_substituee.c + z.valeur_benevolat.c + z.valeur_personnel.c - z.cout_transport.c,
    b: z.valeur_substituee.b + z.valeur_benevolat.b + z.valeur_personnel.b - z.cout_transport.h,
    h: z.valeur_substituee.h + z.valeur_benevolat.h + z.valeur_personnel.h - z.cout_transport.b,
  };
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
    'echanges-pour-1000-hab': per(z.echanges, z.population, 1000),
    'cout-evite-brut': z.valeur_brute,
    'cout-evite-net': {
      c: z.valeur_substituee.c - z.cout_transport.c,
      b: z.valeur_substituee.b - z.cout_transport.h,
      h: z.valeur_substituee.h - z.cout_transport.b,
    },
    'valeur-benevolat': z.valeur_benevolat,
    'valeur-personnel': z.valeur_personnel,
    'valeur-totale': total,
    'valeur-par-habitant': {
      c: total.c / z.population,
      b: total.b / z.population,
      h: total.h / z.population,
    },
    'ratio-subventions': {
      c: total.c / z.subventions,
      b: total.b / z.subventions,
      h: total.h / z.subventions,
    },
    'co2-fabrication-evitee': z.co2_fabrication,
    'co2-locaux-evite': z.co2_locaux,
    'co2-transport': z.co2_transport,
    'bilan-co2': {
      c: z.co2_fabrication.c + z.co2_locaux.c - z.co2_transport.c,
      b: z.co2_fabrication.b + z.co2_locaux.b - z.co2_transport.h,
      h: z.co2_fabrication.h + z.co2_locaux.h - z.co2_transport.b,
    },
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
