import {
  buildCog,
  type Cog,
  type CogCommuneRecord,
  type CogDepartementRecord,
  type CogEpciRecord,
} from './cog.ts';

/**
 * The official geographic code as data: what `buildCog` needs and nothing else. Node reads it
 * from @etalab/decoupage-administratif; the site serves a compact copy (`cog/cog.json`, written
 * at build time) that the in-page importer fetches only when someone opens their own files.
 */
export interface CogData {
  readonly source: string;
  readonly communes: readonly CogCommuneRecord[];
  readonly epcis: readonly CogEpciRecord[];
  readonly departements: readonly CogDepartementRecord[];
}

/** Keeps only the fields the importer reads (the full package is 12.6 MB of JSON). */
export function compactCogData(data: CogData): CogData {
  const pick = <T extends object>(record: T, keys: readonly (keyof T)[]) =>
    Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, record[k]])) as T;
  return {
    source: data.source,
    communes: data.communes.map((c) =>
      pick(c, [
        'code',
        'nom',
        'type',
        'departement',
        'population',
        'codesPostaux',
        'anciensCodes',
        'chefLieu',
        'commune',
      ]),
    ),
    epcis: data.epcis.map((e) => ({
      code: e.code,
      nom: e.nom,
      membres: e.membres.map((m) => ({ code: m.code })),
    })),
    departements: data.departements.map((d) => ({ code: d.code, nom: d.nom })),
  };
}

export function cogFromData(data: CogData): Cog {
  return buildCog(data.communes, data.epcis, data.departements, data.source);
}
