import type { QueryRunner, SqlQuery } from '../../data/query-runner.ts';
import { numberOf, nullableStringOf, stringOf } from '../read-rows.ts';

/** An association of the loaded register, as « Déclarer des échanges » finds and names it. */
export interface RegisterAssociation {
  readonly id: string;
  readonly nom: string;
  readonly siret: string | null;
  readonly commune_code: string;
  readonly commune_nom: string;
  /** active, dissoute or supprimee (RNA position). */
  readonly statut: string;
  readonly longitude: number;
  readonly latitude: number;
}

/**
 * Every association an exchange file can name — by its RNA number (the dataset id `W` + 9
 * digits) or, failing that, its SIRET — with its commune's name, by name.
 */
export function buildRegisterQuery(): SqlQuery {
  return {
    sql: `SELECT a.id, a.nom, a.siret, a.commune_code, coalesce(c.nom, a.commune_code) AS commune_nom,
  a.statut, a.longitude, a.latitude
FROM associations a LEFT JOIN communes c ON c.code_insee = a.commune_code
WHERE regexp_full_match(a.id, 'W[0-9]{9}') OR a.siret IS NOT NULL
ORDER BY a.nom, a.id`,
    params: [],
  };
}

export async function runRegister(runner: QueryRunner): Promise<RegisterAssociation[]> {
  const rows = await runner.query(buildRegisterQuery());
  return rows.map((row) => ({
    id: stringOf(row, 'id'),
    nom: stringOf(row, 'nom'),
    siret: nullableStringOf(row, 'siret'),
    commune_code: stringOf(row, 'commune_code'),
    commune_nom: stringOf(row, 'commune_nom'),
    statut: stringOf(row, 'statut'),
    longitude: numberOf(row, 'longitude'),
    latitude: numberOf(row, 'latitude'),
  }));
}
