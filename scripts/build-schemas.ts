/**
 * `npm run schemas` — writes the published exchange format (Table Schema) from its definition in
 * src/data/schema: public/schemas/echanges/schema.json and the field table of its README.
 * `--check` only compares and fails if the committed files are stale (run by the tests).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { EXCHANGE_FORMAT_VERSION, EXCHANGES_TABLE } from '../src/data/schema/index.ts';
import { toTableSchema } from '../src/data/table-schema.ts';

const FOLDER = 'public/schemas/echanges';

/** The two generated files of the published format, by path. */
export function exchangeSchemaFiles(): Record<string, string> {
  const schema = toTableSchema(EXCHANGES_TABLE, {
    name: 'echanges-associatifs',
    version: EXCHANGE_FORMAT_VERSION,
    path: 'schemas/echanges/schema.json',
    licence: 'Licence Ouverte / Open Licence version 2.0',
    contributors: [{ title: 'Symbiose', role: 'author' }],
  });
  const fields = EXCHANGES_TABLE.columns
    .filter((column) => !('derived' in column && column.derived))
    .map((column) => {
      const values = 'enum' in column ? ` Valeurs : ${column.enum.join(', ')}.` : '';
      return `| \`${column.name}\` | ${column.type} | ${column.required ? 'oui' : 'non'} | ${column.description}${values} |`;
    });
  const readme = [
    '# Échanges associatifs — schéma de données',
    '',
    `Version ${EXCHANGE_FORMAT_VERSION}. Fichier CSV (UTF-8, séparateur virgule) décrivant les ressources mises en commun entre associations : locaux, matériel, véhicules, compétences, personnel, information, projets communs.`,
    '',
    'Le schéma suit la spécification [Table Schema](https://specs.frictionlessdata.io/table-schema/) et les conventions de schema.data.gouv.fr ; il peut être validé avec Validata. Une ligne décrit un échange entre un fournisseur et un bénéficiaire, identifiés par leur numéro RNA (ou, à défaut, leur SIRET).',
    '',
    '- `schema.json` : le schéma ;',
    '- `exemples/echanges-valide.csv` et `exemples/echanges-invalide.csv` : un fichier conforme et un fichier qui ne l’est pas ;',
    '- `CHANGELOG.md` : les évolutions.',
    '',
    'Données personnelles : aucun nom de personne, aucune adresse. Un échange n’apparaît sur une carte publique que si `consentement_publication` vaut `oui`.',
    '',
    '| Champ | Type | Obligatoire | Description |',
    '|---|---|---|---|',
    ...fields,
    '',
    'Ce fichier est généré par `npm run schemas` à partir de `src/data/schema/exchanges.ts`.',
    '',
  ].join('\n');
  return {
    [join(FOLDER, 'schema.json')]: `${JSON.stringify(schema, null, 2)}\n`,
    [join(FOLDER, 'README.md')]: readme,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  let stale = 0;
  for (const [path, content] of Object.entries(exchangeSchemaFiles())) {
    if (values.check) {
      const current = await readFile(path, 'utf8').catch(() => '');
      if (current !== content) {
        console.error(`${path} n’est pas à jour : lancez « npm run schemas ».`);
        stale++;
      }
    } else {
      await writeFile(path, content);
      console.error(`écrit : ${path}`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
