import { tableFromIPC } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { toArrowSchema } from '../../../src/data/arrow-tables.ts';
import { COMMUNES_TABLE, EXCHANGES_TABLE } from '../../../src/data/schema/index.ts';
import { arrowBytes } from '../../support/engine.ts';
import { exchange } from '../../support/fixture.ts';

describe('toRecordBatch(table, rows)', () => {
  it('writes values, nulls, dates and booleans that read back the same', () => {
    const row = exchange('X1', '2024-02-29', 1, 2, 'materiel', {
      date_fin: null,
      masse_kg: 12.5,
      beneficiaires: 40,
      recurrent: false,
    });
    const table = tableFromIPC(arrowBytes(EXCHANGES_TABLE, [row]));
    const read = table.get(0)?.toJSON() ?? {};
    expect(read['id_echange']).toBe('X1');
    // DateDay reads back as epoch milliseconds: 2024-02-29 is day 19 782.
    expect(read['date_debut']).toBe(19_782 * 86_400_000);
    expect(read['date_fin']).toBeNull();
    expect(read['masse_kg']).toBe(12.5);
    expect(read['beneficiaires']).toBe(40);
    expect(read['recurrent']).toBe(false);
    expect(read['consentement_publication']).toBe(true);
  });

  it('refuses an integer Int32 cannot hold rather than wrap it (3,000,000,000 would read −1,294,967,296)', () => {
    const row = exchange('X1', '2024-02-29', 1, 2, 'materiel', { beneficiaires: 3_000_000_000 });
    expect(() => arrowBytes(EXCHANGES_TABLE, [row])).toThrow(
      'beneficiaires : 3000000000 n’est pas un entier sur 32 bits',
    );
    expect(
      tableFromIPC(arrowBytes(EXCHANGES_TABLE, [{ ...row, beneficiaires: 2 ** 31 - 1 }]))
        .get(0)
        ?.toJSON()['beneficiaires'],
    ).toBe(2_147_483_647);
  });

  it('writes any text, nulls and empty strings included, and reads it back the same (property)', () => {
    const base = exchange('X1', '2024-02-29', 1, 2, 'materiel');
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: null }), {
          minLength: 1,
          maxLength: 70,
        }),
        (labels) => {
          const rows = labels.map((libelle, i) => ({ ...base, id_echange: `X${i}`, libelle }));
          const read = tableFromIPC(arrowBytes(EXCHANGES_TABLE, rows));
          expect(read.getChild('libelle')?.toArray()).toEqual(labels);
          expect(read.getChild('id_echange')?.get(labels.length - 1)).toBe(`X${labels.length - 1}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('declares required columns non-nullable', () => {
    const schema = toArrowSchema(COMMUNES_TABLE);
    const nullable = Object.fromEntries(schema.fields.map((f) => [f.name, f.nullable]));
    expect(nullable).toMatchObject({ code_insee: false, nom: false, population: true, epci_code: true });
  });

  it('writes an empty table with its schema', () => {
    const table = tableFromIPC(arrowBytes(COMMUNES_TABLE, []));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(COMMUNES_TABLE.columns.map((c) => c.name));
  });
});
