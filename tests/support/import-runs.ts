/*
 * Runs of the importer's readers on in-memory files, for tests: a territory made of real commune
 * codes (the official geographic code gives their names), the rows each reader writes, and its
 * report.
 */
import type { AssociationRow, CommuneRow, ExchangeRow, GrantRow } from '../../src/data/schema/index.ts';
import { AssociationIndexBuilder } from '../../src/import/association-index.ts';
import type { Cog } from '../../src/import/cog.ts';
import { importGrants } from '../../src/import/grants.ts';
import { MemorySink } from '../../src/import/memory-sink.ts';
import { importRna } from '../../src/import/rna.ts';
import { importExchanges } from '../../src/import/schema-csv.ts';
import type { ImportSource } from '../../src/import/source.ts';
import { officialCog } from './import-fixtures.ts';

/** The reference date of every test import (plausibility of dates). */
export const TODAY = '2026-11-26';

/** Communes of the COG as table rows, each at a made-up point (tests of placement use real outlines). */
export function territoryOf(cog: Cog, codes: readonly string[]): CommuneRow[] {
  return codes.map((code, i) => {
    const commune = cog.resolve(code)?.commune;
    if (!commune) throw new Error(`code ${code} absent du COG`);
    return {
      code_insee: commune.code,
      nom: commune.nom,
      population: commune.population,
      epci_code: commune.epci?.code ?? null,
      epci_nom: commune.epci?.nom ?? null,
      departement_code: commune.departement ?? code.slice(0, 2),
      longitude: 2 + i,
      latitude: 46,
      superficie_km2: 1,
    };
  });
}

/** Imports an RNA source into the communes `codes`. */
export async function runRna(
  source: ImportSource,
  codes: readonly string[],
  options: { allowEmpty?: boolean } = {},
) {
  const cog = await officialCog();
  const rows: AssociationRow[] = [];
  const index = new AssociationIndexBuilder();
  const sink = new MemorySink();
  const { report } = await importRna(source, {
    rejects: sink.rejects(source.name),
    territory: { cog, communes: new Map(territoryOf(cog, codes).map((c) => [c.code_insee, c])) },
    labels: new Map(),
    index,
    placed: new Map(),
    today: TODAY,
    allowEmpty: options.allowEmpty,
    write: async (batch) => {
      rows.push(...batch);
    },
  });
  return { rows, report, index, rejected: [...sink.rejected.values()][0] ?? '' };
}

/** Imports a grants source against `associations`. */
export async function runGrants(
  source: ImportSource,
  associations: readonly Pick<AssociationRow, 'id' | 'siret' | 'nom' | 'commune_code'>[] = [],
  options: { allowEmpty?: boolean; sheet?: string } = {},
) {
  const rows: GrantRow[] = [];
  const sink = new MemorySink();
  const imported = await importGrants(source, {
    rejects: sink.rejects(source.name),
    index: AssociationIndexBuilder.of(associations),
    cog: await officialCog(),
    today: TODAY,
    allowEmpty: options.allowEmpty,
    sheet: options.sheet,
    write: async (batch) => {
      rows.push(...batch);
    },
  });
  return { rows, ...imported, rejected: [...sink.rejected.values()][0] ?? '' };
}

/** Imports an exchanges source against `associations`. */
export async function runExchanges(
  source: ImportSource,
  associations: readonly Pick<AssociationRow, 'id' | 'siret' | 'nom' | 'commune_code'>[],
  options: { allowEmpty?: boolean } = {},
) {
  const rows: ExchangeRow[] = [];
  const imported = await importExchanges(
    source,
    {
      index: AssociationIndexBuilder.of(associations),
      cog: await officialCog(),
      today: TODAY,
      allowEmpty: options.allowEmpty,
    },
    async (batch) => {
      rows.push(...batch);
    },
  );
  return { rows, ...imported };
}
