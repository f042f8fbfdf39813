import type { QueryRunner, Row, SqlQuery } from '../../data/query-runner.ts';
import {
  ASSOCIATION_STATUSES,
  type AssociationRow,
  type AssociationStatus,
  type CommuneRow,
} from '../../data/schema/index.ts';
import { stringOf } from '../read-rows.ts';

/** What the exchange collection template needs of a loaded dataset (see src/kit/dataset-associations.ts). */
export interface KitRegister {
  readonly associations: readonly Pick<AssociationRow, 'id' | 'nom' | 'commune_code' | 'statut'>[];
  readonly communes: readonly Pick<CommuneRow, 'code_insee' | 'nom'>[];
}

/**
 * Every association with its RNA position, as `scripts/build-kit.ts` reads them from the Arrow
 * file: which ones the template lists is decided by `templateAssociations`, in one place.
 */
export function buildKitAssociationsQuery(): SqlQuery {
  return { sql: 'SELECT id, nom, commune_code, statut FROM associations ORDER BY id', params: [] };
}

/** The communes' names, for the template's « Commune » column. */
export function buildKitCommunesQuery(): SqlQuery {
  return { sql: 'SELECT code_insee, nom FROM communes ORDER BY code_insee', params: [] };
}

/** The RNA position of a result row, one of the schema's. */
function statusOf(row: Row): AssociationStatus {
  const value = stringOf(row, 'statut');
  const status = ASSOCIATION_STATUSES.find((s) => s === value);
  if (!status) throw new TypeError(`statut « ${value} » hors de : ${ASSOCIATION_STATUSES.join(', ')}`);
  return status;
}

/** The associations and communes of the dataset loaded in `runner`, for its template. */
export async function runKitRegister(runner: QueryRunner): Promise<KitRegister> {
  const [associations, communes] = await Promise.all([
    runner.query(buildKitAssociationsQuery()),
    runner.query(buildKitCommunesQuery()),
  ]);
  return {
    associations: associations.map((row) => ({
      id: stringOf(row, 'id'),
      nom: stringOf(row, 'nom'),
      commune_code: stringOf(row, 'commune_code'),
      statut: statusOf(row),
    })),
    communes: communes.map((row) => ({ code_insee: stringOf(row, 'code_insee'), nom: stringOf(row, 'nom') })),
  };
}
