import { readFile } from 'node:fs/promises';

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { EXCHANGES_TABLE, type ColumnDefinition } from '../../../src/data/schema/index.ts';
import { validateRow } from '../../../src/data/validate-row.ts';
import { exchangeSchemaFiles } from '../../../scripts/build-schemas.ts';

describe('public/schemas/echanges', () => {
  it('is what `npm run schemas` writes from the definition', async () => {
    for (const [path, content] of Object.entries(exchangeSchemaFiles())) {
      expect(await readFile(path, 'utf8'), `${path} is stale: run npm run schemas`).toBe(content);
    }
  });

  it('publishes every format field and no derived column', async () => {
    const schema = JSON.parse(await readFile('public/schemas/echanges/schema.json', 'utf8')) as {
      fields: { name: string; constraints?: { required?: boolean } }[];
      custom_checks: unknown[];
      primaryKey: string;
    };
    expect(schema.fields.map((f) => f.name)).not.toContain('fournisseur_id');
    expect(schema.fields).toHaveLength(EXCHANGES_TABLE.columns.length - 2);
    expect(schema.primaryKey).toBe('id_echange');
    expect(schema.custom_checks).toHaveLength(5);
  });
});

/** Types a CSV cell the way the schema says (for the example files). */
function typed(column: ColumnDefinition, text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  if (column.type === 'number' || column.type === 'integer') return Number(text);
  if (column.type === 'boolean')
    return column.trueValues?.includes(text) ? true : column.falseValues?.includes(text) ? false : text;
  return text;
}

async function validateExample(file: string) {
  const parsed = Papa.parse<Record<string, string>>(
    await readFile(`public/schemas/echanges/exemples/${file}`, 'utf8'),
    {
      header: true,
      skipEmptyLines: true,
    },
  );
  return parsed.data.flatMap((cells, index) => {
    const row = Object.fromEntries(EXCHANGES_TABLE.columns.map((c) => [c.name, typed(c, cells[c.name])]));
    return validateRow(EXCHANGES_TABLE, row, index + 2);
  });
}

describe('the published example files', () => {
  it('echanges-valide.csv has no error', async () => {
    expect(await validateExample('echanges-valide.csv')).toEqual([]);
  });

  it('echanges-invalide.csv has exactly the errors its rows describe', async () => {
    const errors = await validateExample('echanges-invalide.csv');
    expect(errors.map((e) => `${e.row} ${e.field} ${e.code}`)).toEqual([
      '2 fournisseur_rna constraint-error',
      '2 date_fin compare-columns-value',
      '3 date_debut type-error',
      '3 fournisseur_commune constraint-error',
      '3 type_ressource constraint-error',
      '3 quantite constraint-error',
      '3 unite constraint-error',
      '3 aurait_achete constraint-error',
      '3 statut_donnee constraint-error',
      '3 consentement_publication constraint-error',
      '3 fournisseur_rna one-of-required',
    ]);
    expect(errors[0]?.message_fr).toBe(
      'format invalide — N° RNA de l’association qui fournit la ressource (W suivi de 9 chiffres).',
    );
  });
});
