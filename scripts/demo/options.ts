/** Sizes of the generated territories: the demo, and larger ones for benchmarks. */
export const SCALES = {
  demo: { communes: 60, population: 150_000, associations: 3_000, exchanges: 9_000 },
  regional: { communes: 1_500, population: 3_500_000, associations: 75_000, exchanges: 400_000 },
  national: { communes: 35_000, population: 68_000_000, associations: 2_000_000, exchanges: 10_000_000 },
} as const;

export type ScaleName = keyof typeof SCALES;

/** Everything that decides a generated dataset: same options, same bytes. */
export interface DemoOptions {
  readonly seed: number;
  readonly communes: number;
  readonly population: number;
  readonly associations: number;
  readonly exchanges: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly programmeStart: string;
  readonly centerLon: number;
  readonly centerLat: number;
  /** Rows per Arrow record batch (and per generation step) for the exchanges. */
  readonly batchSize: number;
}

export const DEFAULT_SEED = 20_250_401;

/** Options of a scale, with explicit counts taking precedence. */
export function demoOptions(
  scale: ScaleName,
  overrides: Partial<Pick<DemoOptions, 'seed' | 'communes' | 'associations' | 'exchanges'>> = {},
): DemoOptions {
  const base = SCALES[scale];
  const communes = overrides.communes ?? base.communes;
  return {
    seed: overrides.seed ?? DEFAULT_SEED,
    communes,
    // Population follows the number of communes when only that is overridden.
    population: Math.round((base.population * communes) / base.communes),
    associations: overrides.associations ?? Math.round((base.associations * communes) / base.communes),
    exchanges: overrides.exchanges ?? base.exchanges,
    periodStart: '2022-01-01',
    periodEnd: '2025-12-31',
    programmeStart: '2024-04-01',
    centerLon: 3.1,
    centerLat: 45.9,
    batchSize: 100_000,
  };
}
