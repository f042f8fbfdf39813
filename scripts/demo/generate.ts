import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import {
  ASSOCIATIONS_TABLE,
  COMMUNES_TABLE,
  DATASET_SCHEMA_VERSION,
  EXCHANGES_TABLE,
  GRANTS_TABLE,
  OFFERS_TABLE,
  PLACES_TABLE,
  SURVEYS_TABLE,
  type TableName,
} from '../../src/data/schema/index.ts';
import type { DatasetWriter } from '../lib/dataset-writer.ts';
import { generateAssociations, planAssociations } from './associations.ts';
import { toDay } from './calendar.ts';
import { generateExchangeBatches } from './exchanges.ts';
import { generateGrants } from './grants.ts';
import { generateOffers } from './offers.ts';
import type { DemoOptions } from './options.ts';
import { generatePartnerships } from './partnerships.ts';
import { Random } from './random.ts';
import { DemoSeats } from './seats.ts';
import { generateTerritory } from './territory.ts';

/** Mean number of exchanges per partnership, used to size the partnership network [E]. */
const EXCHANGES_PER_PARTNERSHIP = 3.4;

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Generates a whole fictional territory into `writer`. Every step draws from its own stream
 * forked from the seed in a fixed order, so the output depends on the options alone.
 */
export async function generateDemoDataset(
  options: DemoOptions,
  writer: DatasetWriter,
  log: (message: string) => void,
): Promise<DatasetManifest> {
  const root = new Random(options.seed);
  const [territoryRandom, associationRandom, partnershipRandom, exchangeRandom, offerRandom, grantRandom] = [
    root.fork(),
    root.fork(),
    root.fork(),
    root.fork(),
    root.fork(),
    root.fork(),
  ] as const;
  // Forked last: seats were added after the rest, whose streams stay as they were.
  const seats = new DemoSeats(root.fork());
  const periodStart = toDay(options.periodStart);
  const periodEnd = toDay(options.periodEnd);
  const programmeStart = toDay(options.programmeStart);

  log(`territoire : ${options.communes} communes…`);
  const territory = generateTerritory(territoryRandom, options);
  const programmeName = `Coopérer en ${territory.name}`;
  await writer.writeTable(
    COMMUNES_TABLE,
    chunks(
      territory.communes.map((c) => c.row),
      options.batchSize,
    ),
  );
  const geometry = await writer.writeGeometry('communes.geojson', communeCollection(territory.communes));

  log(`associations : ${options.associations}…`);
  const plan = planAssociations(associationRandom, territory, options.associations);
  const associationRows = generateAssociations(associationRandom, territory, plan, {
    count: options.associations,
    periodEnd: options.periodEnd,
    batchSize: options.batchSize,
    seats,
  });
  await writer.writeTable(ASSOCIATIONS_TABLE, associationRows);
  await writer.writeTable(PLACES_TABLE, [seats.places()]);
  // Every association of the fictional territory declared its exchanges: none is « not surveyed ».
  await writer.writeTable(SURVEYS_TABLE, [[]]);
  const associations = plan.index;

  log(`partenariats et échanges : environ ${options.exchanges}…`);
  const partnerships = generatePartnerships(partnershipRandom, territory, associations, {
    count: Math.round(options.exchanges / EXCHANGES_PER_PARTNERSHIP),
    periodStart,
    periodEnd,
    programmeStart,
  });
  const exchanges = generateExchangeBatches(exchangeRandom, associations, partnerships, {
    count: options.exchanges,
    periodStart,
    periodEnd,
    programmeStart,
    programmeName,
    batchSize: options.batchSize,
  });
  await writer.writeTable(EXCHANGES_TABLE, exchanges);

  log('offres, besoins et subventions…');
  const offers = generateOffers(offerRandom, associations, partnerships, {
    start: periodStart,
    end: periodEnd,
    batchSize: options.batchSize,
  });
  await writer.writeTable(OFFERS_TABLE, offers);
  const grants = generateGrants(grantRandom, territory, associations, {
    periodStart: options.periodStart,
    periodEnd: options.periodEnd,
    programmeName,
    programmeStart: options.programmeStart,
    batchSize: options.batchSize,
  });
  await writer.writeTable(GRANTS_TABLE, grants);

  const tables = writer.tables();
  const entry = (name: TableName) => {
    const found = tables.get(name);
    if (!found) throw new Error(`Table ${name} was not written`);
    return found;
  };
  return {
    schema_version: DATASET_SCHEMA_VERSION,
    id: 'demo',
    name: `${territory.name} (territoire fictif)`,
    fictional: true,
    description:
      `Territoire fictif généré pour la démonstration : ${territory.communes.length} communes, ` +
      'associations, échanges, offres et besoins, subventions. Toute ressemblance avec des lieux ou des ' +
      'associations existants serait fortuite.',
    period: { start: options.periodStart, end: options.periodEnd },
    bbox: territory.bbox,
    events: [{ date: options.programmeStart, label: `Lancement du programme « ${programmeName} »` }],
    sources: [
      {
        name: `Données générées par scripts/demo.ts (graine ${options.seed})`,
        licence: 'Licence Ouverte 2.0 (Etalab)',
        url: null,
      },
    ],
    generator: {
      script: 'scripts/demo.ts',
      seed: options.seed,
      options: {
        communes: options.communes,
        population: options.population,
        associations: options.associations,
        exchanges: options.exchanges,
        periodStart: options.periodStart,
        periodEnd: options.periodEnd,
        programmeStart: options.programmeStart,
      },
    },
    coverage: {
      mode: 'toutes',
      description:
        'Territoire fictif : toutes ses associations sont réputées enquêtées, leurs échanges tous déclarés.',
    },
    tables: {
      communes: entry('communes'),
      associations: entry('associations'),
      echanges: entry('echanges'),
      subventions: entry('subventions'),
      offres_besoins: entry('offres_besoins'),
      lieux: entry('lieux'),
      enquetes: entry('enquetes'),
    },
    geometry: { communes: geometry },
  };
}

function communeCollection(
  communes: readonly { row: { code_insee: string; nom: string }; geometry: Polygon | MultiPolygon }[],
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: communes.map((c): Feature => ({
      type: 'Feature',
      properties: { code_insee: c.row.code_insee, nom: c.row.nom },
      geometry: c.geometry,
    })),
  };
}
