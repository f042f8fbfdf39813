/*
 * Which associations the exchange data covers. No public source lists exchanges between
 * associations: a territory knows the cooperation only of the associations it surveyed (or that
 * an exchange source reports). Cooperation figures are computed on those only — without any, they
 * are « non renseigné », never 0. The covered associations are put in a table, `couverture`, when
 * a dataset loads; every query reads it from there.
 */
import type { DatasetManifest } from './manifest.ts';
import type { QueryRunner } from './query-runner.ts';

export type CoverageMode = NonNullable<DatasetManifest['coverage']>['mode'];

/** The table of covered association ids. */
export const COVERAGE_TABLE = 'couverture';

/** A dataset's coverage; for datasets written before the manifest said it, from its exchanges. */
export function coverageMode(manifest: Pick<DatasetManifest, 'coverage' | 'tables'>): CoverageMode {
  return manifest.coverage?.mode ?? (manifest.tables.echanges.rows > 0 ? 'echanges' : 'aucune');
}

/**
 * Covered associations: every one for a fully surveyed territory; otherwise those the coordinator
 * asked (the `enquetes` table) and the ends of the declared exchanges (an exchange source
 * describes them). Without either, none.
 */
const SURVEYED = `SELECT association_id AS id FROM enquetes
UNION SELECT fournisseur_id FROM echanges WHERE fournisseur_id IS NOT NULL
UNION SELECT beneficiaire_id FROM echanges WHERE beneficiaire_id IS NOT NULL`;
const SELECTS: Readonly<Record<CoverageMode, string>> = {
  toutes: 'SELECT id FROM associations',
  echanges: SURVEYED,
  aucune: SURVEYED,
};

/** (Re)creates the `couverture` table (after loading a dataset, or adding exchanges to it). */
export async function createCoverage(runner: QueryRunner, mode: CoverageMode): Promise<void> {
  await runner.exec(`CREATE OR REPLACE TABLE ${COVERAGE_TABLE} AS ${SELECTS[mode]}`);
}
