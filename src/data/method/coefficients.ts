import { z } from 'zod';

import type { RowOf, TableDefinition } from '../schema/columns.ts';
import file from './coefficients.json' with { type: 'json' };

/** True when `d` (YYYY-MM-DD) is a day of the calendar. */
function isCalendarDay(d: string): boolean {
  const time = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === d;
}

/** An ISO calendar date (YYYY-MM-DD) that exists. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ attendue')
  .refine(isCalendarDay, { message: 'date inexistante' });

/** A source that names nothing but « Estimation Symbiose » (possibly with a parenthesis) cites nothing. */
const ONLY_OWN_ESTIMATE = /^estimation symbiose\s*(\(.*\))?\s*$/i;

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
    /** lu: the central value is read in the source; estime: it is a judgement, justified. */
    statut: z.enum(['lu', 'estime']),
    /**
     * lues: both bounds are read in the source, or are the source's own range; estimees: they are set
     * by Symbiose, and the justification says from what.
     */
    bornes: z.enum(['lues', 'estimees']),
    effet: z.enum(['+', '-']),
    /** Who published the figures the value rests on. */
    source: z.string().trim().min(1),
    /** What an auditor opens: table, page, file path, row or entry within the source. */
    reference: z.string().trim().min(1),
    /** Year the value is for. */
    annee: z.number().int().min(1990).max(2100),
    /** Access date (YYYY-MM-DD) or version of the source. */
    consultation: z.string().trim().min(1),
    /** Why this value and this range, from which observed figures (required for an estimate). */
    justification: z.string().trim().min(1).optional(),
    note: z.string().optional(),
  })
  .refine((c) => c.bas <= c.central && c.central <= c.haut, { message: 'bas ≤ central ≤ haut attendu' })
  .refine((c) => c.id === (c.cle ? `${c.parametre}.${c.cle}` : c.parametre), {
    message: 'id = parametre[.cle]',
  })
  .refine((c) => c.statut !== 'estime' || (c.justification?.trim().length ?? 0) > 0, {
    message: 'une estimation doit être justifiée',
    path: ['justification'],
  })
  .refine((c) => c.bornes !== 'estimees' || (c.justification?.trim().length ?? 0) > 0, {
    message: 'des bornes estimées doivent être justifiées',
    path: ['justification'],
  })
  .refine((c) => !ONLY_OWN_ESTIMATE.test(c.source.trim()), {
    message: 'la source doit nommer les chiffres observés, pas seulement « Estimation Symbiose »',
    path: ['source'],
  })
  .refine((c) => !/^\d{4}-/.test(c.consultation) || isCalendarDay(c.consultation.slice(0, 10)), {
    message: 'date de consultation AAAA-MM-JJ invalide',
    path: ['consultation'],
  });

const fileSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  date: isoDate,
  /** Date of the legal values and prices (SMIC, mileage scale, energy prices). */
  valeurs_au: isoDate,
  /** Which year's values apply to which period (current euros, deflated or not). */
  application: z.string().trim().min(1),
  description: z.string(),
  coefficients: z.array(coefficientSchema),
});

/** One coefficient of the method: three values, a unit, a source, a read or estimated centre and bounds. */
export type Coefficient = z.infer<typeof coefficientSchema>;
/** The versioned coefficient file. */
export type CoefficientFile = z.infer<typeof fileSchema>;

/** The three runs every coefficient-dependent indicator is computed with. */
export const SCENARIOS = ['bas', 'central', 'haut'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/**
 * Parses and checks a coefficient file: unique ids, ordered bounds, id = parametre[.cle], every
 * coefficient with a reference, a year and an access date or version, every estimated centre and
 * every pair of estimated bounds justified.
 */
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
