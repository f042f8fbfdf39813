import { z } from 'zod';

import type { RowOf, TableDefinition } from '../schema/columns.ts';
import file from './coefficients.json' with { type: 'json' };

const coefficientSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)?$/),
    parametre: z.string(),
    cle: z.string().nullable(),
    libelle: z.string().min(1),
    bas: z.number(),
    central: z.number(),
    haut: z.number(),
    unite: z.string().min(1),
    statut: z.enum(['lu', 'estime']),
    effet: z.enum(['+', '-']),
    source: z.string().min(1),
    note: z.string().optional(),
  })
  .refine((c) => c.bas <= c.central && c.central <= c.haut, { message: 'bas ≤ central ≤ haut attendu' })
  .refine((c) => c.id === (c.cle ? `${c.parametre}.${c.cle}` : c.parametre), {
    message: 'id = parametre[.cle]',
  });

const fileSchema = z.object({
  version: z.string(),
  date: z.string(),
  description: z.string(),
  coefficients: z.array(coefficientSchema),
});

/** One coefficient of the impact method: three values, a unit, a source, read or estimated. */
export type Coefficient = z.infer<typeof coefficientSchema>;
/** The versioned coefficient file. */
export type CoefficientFile = z.infer<typeof fileSchema>;

/** The three runs every coefficient-dependent indicator is computed with. */
export const SCENARIOS = ['bas', 'central', 'haut'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Parses and checks a coefficient file (unique ids, ordered bounds, id = parametre[.cle]). */
export function parseCoefficientFile(json: unknown): CoefficientFile {
  const parsed = fileSchema.parse(json);
  const ids = parsed.coefficients.map((c) => c.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`Coefficient en double : ${duplicate}`);
  return parsed;
}

/** The coefficient file of this version of Symbiose (src/data/method/coefficients.json). */
export const COEFFICIENTS: CoefficientFile = parseCoefficientFile(file);

/** The DuckDB table holding the coefficients, one row per coefficient and scenario. */
export const COEFFICIENTS_TABLE = {
  name: 'coefficients',
  file: 'coefficients.arrow',
  title: 'Coefficients',
  description: 'Coefficients de la méthode, par scénario.',
  primaryKey: 'id',
  columns: [
    {
      name: 'id',
      type: 'string',
      required: true,
      title: 'Identifiant',
      description: 'parametre ou parametre.cle',
    },
    {
      name: 'parametre',
      type: 'string',
      required: true,
      title: 'Paramètre',
      description: 'Nom du paramètre.',
    },
    { name: 'cle', type: 'string', required: false, title: 'Clé', description: 'Catégorie, mode, réponse…' },
    {
      name: 'scenario',
      type: 'string',
      required: true,
      title: 'Scénario',
      description: 'bas, central ou haut.',
    },
    {
      name: 'valeur',
      type: 'number',
      required: true,
      title: 'Valeur',
      description: 'Valeur dans ce scénario.',
    },
  ],
} as const satisfies TableDefinition;

export type CoefficientRow = RowOf<typeof COEFFICIENTS_TABLE>;

/**
 * The coefficients as the SQL reads them: in the low scenario, each coefficient takes the bound
 * that lowers the component it enters (its low value, or its high value when a higher value lowers
 * the component, e.g. a longer lifetime); the high scenario, the other bound.
 */
export function toCoefficientRows(coefficients: CoefficientFile = COEFFICIENTS): CoefficientRow[] {
  return coefficients.coefficients.flatMap((c) =>
    SCENARIOS.map((scenario) => ({
      id: c.id,
      parametre: c.parametre,
      cle: c.cle,
      scenario,
      valeur:
        scenario === 'central' ? c.central : (scenario === 'bas') === (c.effet === '+') ? c.bas : c.haut,
    })),
  );
}
