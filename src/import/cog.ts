/**
 * The official geographic code (INSEE COG) as published by @etalab/decoupage-administratif:
 * today's communes with their population, postcodes and intercommunalité, and how older or finer
 * codes lead to them (methodology §4.4): codes of communes merged since (`anciensCodes`),
 * communes déléguées and associées (their `chefLieu`), arrondissements municipaux of Paris, Lyon
 * and Marseille (their `commune`).
 */

/** A record of `data/communes.json` (only the fields used here). */
export interface CogCommuneRecord {
  readonly code: string;
  readonly nom: string;
  readonly type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  readonly departement?: string;
  readonly population?: number;
  readonly codesPostaux?: readonly string[];
  readonly anciensCodes?: readonly string[];
  readonly chefLieu?: string;
  readonly commune?: string;
}

/** A record of `data/epci.json`. */
export interface CogEpciRecord {
  readonly code: string;
  readonly nom: string;
  readonly membres: readonly { readonly code: string }[];
}

/** A record of `data/departements.json`. */
export interface CogDepartementRecord {
  readonly code: string;
  readonly nom: string;
}

/** How a code led to today's commune. */
export type CodeMapping = 'actuelle' | 'ancienne' | 'deleguee' | 'associee' | 'arrondissement';

export interface CurrentCommune {
  readonly code: string;
  readonly nom: string;
  readonly departement: string | null;
  readonly population: number | null;
  readonly codesPostaux: readonly string[];
  readonly epci: { readonly code: string; readonly nom: string } | null;
}

export interface Cog {
  /** Millésime of the code, e.g. « COG 2026 (@etalab/decoupage-administratif 6.0.0) ». */
  readonly source: string;
  /** Today's commune for any code of the COG (current, merged, delegated, associated, arrondissement). */
  resolve(code: string): { readonly commune: CurrentCommune; readonly via: CodeMapping } | null;
  /** Today's communes served by a postcode. */
  byPostcode(postcode: string): readonly CurrentCommune[];
  /**
   * Today's communes whose name, or the name of a former, delegated or associated commune now
   * part of them, is `name` in département `departement` (names compared without case, accents,
   * punctuation, « St »/« Ste » abbreviations).
   */
  byName(departement: string, name: string): readonly { commune: CurrentCommune; via: CodeMapping }[];
  departementName(code: string): string | null;
}

/** « ST-ÉTIENNE-DU-BOIS » → « saintetiennedubois »: commune names compared as people write them. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\bste?\b/g, (m) => (m === 'st' ? 'saint' : 'sainte'))
    .replace(/[^a-z0-9]/g, '');
}

export function buildCog(
  communes: readonly CogCommuneRecord[],
  epcis: readonly CogEpciRecord[],
  departements: readonly CogDepartementRecord[],
  source: string,
): Cog {
  const epciOf = new Map<string, { code: string; nom: string }>();
  for (const epci of epcis)
    for (const member of epci.membres) epciOf.set(member.code, { code: epci.code, nom: epci.nom });
  const current = new Map<string, CurrentCommune>();
  for (const c of communes) {
    if (c.type !== 'commune-actuelle') continue;
    current.set(c.code, {
      code: c.code,
      nom: c.nom,
      departement: c.departement ?? null,
      population: c.population ?? null,
      codesPostaux: c.codesPostaux ?? [],
      epci: epciOf.get(c.code) ?? null,
    });
  }
  const mapped = new Map<string, { code: string; via: CodeMapping }>();
  for (const c of communes) {
    if (c.type === 'commune-actuelle') {
      for (const old of c.anciensCodes ?? [])
        if (!current.has(old)) mapped.set(old, { code: c.code, via: 'ancienne' });
    } else if (c.type === 'commune-deleguee' && c.chefLieu && !current.has(c.code)) {
      mapped.set(c.code, { code: c.chefLieu, via: 'deleguee' });
    } else if (c.type === 'commune-associee' && c.chefLieu && !current.has(c.code)) {
      mapped.set(c.code, { code: c.chefLieu, via: 'associee' });
    } else if (c.type === 'arrondissement-municipal' && c.commune) {
      mapped.set(c.code, { code: c.commune, via: 'arrondissement' });
    }
  }
  const byPostcode = new Map<string, CurrentCommune[]>();
  for (const c of current.values())
    for (const postcode of c.codesPostaux) byPostcode.set(postcode, [...(byPostcode.get(postcode) ?? []), c]);
  const departementNames = new Map(departements.map((d) => [d.code, d.nom]));
  const resolve: Cog['resolve'] = (code) => {
    const direct = current.get(code);
    if (direct) return { commune: direct, via: 'actuelle' };
    const hop = mapped.get(code);
    const target = hop ? current.get(hop.code) : undefined;
    return hop && target ? { commune: target, via: hop.via } : null;
  };
  const byName = new Map<string, { commune: CurrentCommune; via: CodeMapping }[]>();
  for (const c of communes) {
    const found = resolve(c.code);
    // A delegated commune may share its code with its chef-lieu: look it up by its own name.
    const target = c.type === 'commune-actuelle' ? found : c.chefLieu ? resolve(c.chefLieu) : found;
    if (!target || !c.departement) continue;
    const via: CodeMapping =
      c.type === 'commune-deleguee'
        ? 'deleguee'
        : c.type === 'commune-associee'
          ? 'associee'
          : c.type === 'arrondissement-municipal'
            ? 'arrondissement'
            : target.via;
    const key = `${c.departement}|${foldName(c.nom)}`;
    const list = byName.get(key) ?? [];
    if (!list.some((e) => e.commune.code === target.commune.code))
      list.push({ commune: target.commune, via });
    byName.set(key, list);
  }
  return {
    source,
    resolve,
    byPostcode: (postcode) => byPostcode.get(postcode) ?? [],
    byName: (departement, name) => byName.get(`${departement}|${foldName(name)}`) ?? [],
    departementName: (code) => departementNames.get(code) ?? null,
  };
}
