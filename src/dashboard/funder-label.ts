import type { Funder } from '../indicators/explore/territory-insights.ts';

/** The name of a funder (by SIRET or name) or of one of its programmes (« Funder — Programme »); the key itself if unknown. */
export function funderLabel(funders: readonly Funder[], key: string): string {
  for (const funder of funders) {
    if (funder.cle === key || funder.nom === key) return funder.nom;
    const programme = funder.programmes.find((p) => p.cle === key);
    if (programme) return `${funder.nom} — ${programme.nom}`;
  }
  return key;
}
