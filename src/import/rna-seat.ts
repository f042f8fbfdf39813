/*
 * The registered seat of an RNA association, brought to today's commune and checked against the
 * imported territory: by INSEE code (communes merged since, déléguées, associées and
 * arrondissements mapped through the COG), or — older `rna_import` layout — by postcode and
 * commune name. Overseas collectivities and Alsace-Moselle get their own explanations.
 */
import type { CommuneRow } from '../data/schema/index.ts';
import { foldName, type Cog, type CurrentCommune } from './cog.ts';
import { issue, type FileReportBuilder, type Issue } from './report.ts';

/** The imported communes, with the official geographic code. */
export interface Territory {
  readonly cog: Cog;
  readonly communes: ReadonlyMap<string, CommuneRow>;
}

/** A seat found in the territory: the commune, its point, and how it was found. */
export interface Seat {
  readonly commune: CurrentCommune;
  readonly point: readonly [number, number];
  /** A note key for the report: how the commune was found. */
  readonly how: string;
  /** The file's code was an older or finer one, brought to today's commune. */
  readonly mapped: boolean;
}

/** Per file: seats seen in Alsace-Moselle (associations there are mostly not in the RNA). */
export interface SeatTally {
  localLaw: number;
}

const HOW = {
  code: 'commune par code INSEE',
  nom: 'commune par code postal et nom',
  'code-postal': 'commune par le seul code postal',
  ancienne: 'commune par nom d’une ancienne commune',
} as const;

const LOCAL_LAW = new Set(['57', '67', '68']);

/** Départements a postcode can belong to (Corsica's 20xxx: 2A or 2B; overseas: three digits). */
function departementsOfPostcode(postcode: string): string[] {
  if (postcode.startsWith('20')) return ['2A', '2B'];
  if (postcode.startsWith('97') || postcode.startsWith('98')) return [postcode.slice(0, 3)];
  return [postcode.slice(0, 2)];
}

/**
 * The commune of a postcode and a commune name: the commune of that name among the postcode's;
 * else the postcode's only commune; else the commune, or former commune, of that name in the
 * postcode's département.
 */
export function communeFromPostcode(
  cog: Cog,
  postcode: string,
  name: string,
): { commune: CurrentCommune; how: 'nom' | 'code-postal' | 'ancienne' } | null {
  const candidates = cog.byPostcode(postcode);
  const named = candidates.filter((c) => foldName(c.nom) === foldName(name));
  if (named.length === 1 && named[0]) return { commune: named[0], how: 'nom' };
  if (candidates.length === 1 && candidates[0]) return { commune: candidates[0], how: 'code-postal' };
  const byName = departementsOfPostcode(postcode).flatMap((d) => cog.byName(d, name));
  if (byName.length === 1 && byName[0])
    return { commune: byName[0].commune, how: byName[0].via === 'actuelle' ? 'nom' : 'ancienne' };
  return null;
}

/** Why a commune code is not in the COG, in words a person can act on. */
export function unknownCodeReason(code: string, cog: Cog, field: string, line: number): Issue {
  const collectivity = /^(975|977|978|98\d)/.exec(code)?.[1];
  if (collectivity) {
    const name = cog.departementName(collectivity) ?? `collectivité ${collectivity}`;
    return issue(
      line,
      field,
      'overseas-collectivity',
      `code ${code} : ${name} est une collectivité d’outre-mer dont le ${cog.source} ne connaît pas ce code — vérifiez-le (ses communes : ${collectivity}xx)`,
    );
  }
  return issue(line, field, 'commune-unknown', `code commune ${code} inconnu du ${cog.source}`);
}

function byCode(written: string, line: number, cog: Cog, reasons: Issue[], warnings: Issue[]) {
  // Saved by a spreadsheet as a number, « 01015 » became « 1015 ».
  const insee = /^\d{4}$/.test(written) ? `0${written}` : written;
  if (insee !== written)
    warnings.push(
      issue(line, 'adrs_codeinsee', 'value-normalised', `code ${written} lu ${insee} (zéro initial perdu)`),
    );
  const resolved = cog.resolve(insee);
  if (!resolved) {
    reasons.push(unknownCodeReason(insee, cog, 'adrs_codeinsee', line));
    return null;
  }
  const commune = resolved.commune;
  if (resolved.via !== 'actuelle')
    warnings.push(
      issue(
        line,
        'adrs_codeinsee',
        'commune-mapped',
        `${insee} ramené à ${commune.code} ${commune.nom} (${resolved.via})`,
      ),
    );
  return { commune, how: 'code' as const, mapped: resolved.via !== 'actuelle' };
}

function byPostcode(
  cells: Readonly<Record<string, string>>,
  line: number,
  cog: Cog,
  reasons: Issue[],
  warnings: Issue[],
) {
  const postcode = cells['adrs_codepostal'] ?? '';
  const name = cells['adrs_libcommune'] ?? '';
  const found = communeFromPostcode(cog, postcode, name);
  if (!found) {
    reasons.push(
      /^(975|977|978|98)/.test(postcode)
        ? unknownCodeReason(postcode, cog, 'adrs_codepostal', line)
        : issue(
            line,
            'adrs_codepostal',
            'commune-unknown',
            `commune introuvable pour « ${postcode} ${name} »`,
          ),
    );
    return null;
  }
  const { commune, how } = found;
  if (how !== 'nom')
    warnings.push(
      issue(
        line,
        'adrs_libcommune',
        'commune-mapped',
        how === 'code-postal'
          ? `nom « ${name} » non reconnu : ${commune.code} ${commune.nom}, seule commune du code postal ${postcode}`
          : `« ${name} » ramené à ${commune.code} ${commune.nom} (commune fusionnée, déléguée ou associée)`,
      ),
    );
  return { commune, how, mapped: false };
}

/** The seat of a row in the territory, or null with the reason pushed to `reasons`. */
export function resolveSeat(
  cells: Readonly<Record<string, string>>,
  line: number,
  territory: Territory,
  reasons: Issue[],
  warnings: Issue[],
  tally: SeatTally,
): Seat | null {
  const insee = cells['adrs_codeinsee'] ?? '';
  const found = insee
    ? byCode(insee, line, territory.cog, reasons, warnings)
    : byPostcode(cells, line, territory.cog, reasons, warnings);
  if (!found) return null;
  if (found.commune.departement && LOCAL_LAW.has(found.commune.departement)) tally.localLaw++;
  const row = territory.communes.get(found.commune.code);
  if (!row) {
    reasons.push(
      issue(
        line,
        'adrs_codeinsee',
        'outside-territory',
        `siège à ${found.commune.nom} (${found.commune.code}), hors des communes importées`,
      ),
    );
    return null;
  }
  return {
    commune: found.commune,
    point: [row.longitude, row.latitude],
    how: HOW[found.how],
    mapped: found.mapped,
  };
}

/**
 * Alsace-Moselle: associations of local law are registered with the tribunal judiciaire, not
 * in the RNA; a file or territory there holds only a part of them. Said once per file.
 */
export function noteLocalLaw(report: FileReportBuilder, territory: Territory, tally: SeatTally): void {
  const inTerritory = [...territory.communes.values()].some((c) => LOCAL_LAW.has(c.departement_code));
  if (tally.localLaw === 0 && !inTerritory) return;
  report.warn(
    issue(
      null,
      null,
      'local-law-register',
      `Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle)${tally.localLaw > 0 ? ` — ${tally.localLaw} siège(s) dans ce fichier` : ''} : les associations de droit local y sont inscrites au registre des associations du tribunal judiciaire, pas au RNA ; ce fichier n’en contient donc qu’une partie (celles qui ont aussi un numéro RNA). Les chiffres par habitant y sont sous-estimés.`,
    ),
  );
}
