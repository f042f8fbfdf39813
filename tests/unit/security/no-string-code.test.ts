/**
 * Code the browser runs under the Content-Security-Policy compiles nothing from strings (no
 * 'unsafe-eval'). Node's --disallow-code-generation-from-strings refuses `eval` and `new Function`
 * as the policy does: the Arrow tables the page and the importer's worker build must still come out.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ARROW_TABLES = fileURLToPath(new URL('../../../src/data/arrow-tables.ts', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../../../src/data/schema/index.ts', import.meta.url));

/** Runs an ES module in a Node that refuses code generation from strings; returns its output. */
async function withoutStringCode(source: string): Promise<string> {
  const { stdout } = await run(process.execPath, [
    '--disallow-code-generation-from-strings',
    '--input-type=module',
    '--eval',
    source,
  ]);
  return stdout.trim();
}

describe('code generation from strings', () => {
  it('is refused by the Node the test uses, as the policy refuses it in the page', async () => {
    await expect(withoutStringCode('new Function("return 1")')).rejects.toThrow(/EvalError/);
  });

  it('is not needed to write an Arrow table of every column type, nulls included', async () => {
    const output = await withoutStringCode(`
      import { tableFromIPC } from 'apache-arrow';
      import { toArrowStreamBytes } from ${JSON.stringify(ARROW_TABLES)};
      import { EXCHANGES_TABLE } from ${JSON.stringify(SCHEMA)};
      const row = Object.fromEntries(EXCHANGES_TABLE.columns.map((c) => [c.name, null]));
      const rows = [
        { ...row, id_echange: 'X1', date_debut: '2024-02-29', masse_kg: 12.5, beneficiaires: 40, recurrent: false },
        { ...row, id_echange: 'X2', date_debut: '1969-12-31', masse_kg: null, beneficiaires: null, recurrent: true },
      ];
      const table = tableFromIPC(toArrowStreamBytes(EXCHANGES_TABLE, rows));
      const pick = (i) => {
        const r = table.get(i).toJSON();
        return [r.id_echange, r.date_debut, r.masse_kg, r.beneficiaires, r.recurrent];
      };
      console.log(JSON.stringify([pick(0), pick(1)]));
    `);
    // 2024-02-29 is day 19 782 after 1970-01-01; 1969-12-31 is day −1.
    expect(JSON.parse(output)).toEqual([
      ['X1', 19_782 * 86_400_000, 12.5, 40, false],
      ['X2', -86_400_000, null, null, true],
    ]);
  });
});
