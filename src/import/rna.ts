import type { AssociationRow, CommuneRow } from '../data/schema/index.ts';
import { isValidSiret } from '../data/siret.ts';
import { spreadAroundPoint } from '../data/spread-points.ts';
import { topLevelTheme, WALDEC_THEMES } from '../data/waldec.ts';
import { foldName, type Cog, type CurrentCommune } from './cog.ts';
import { cellsByName, matchHeader, normaliseHeader, parseCsv, type ExpectedColumn } from './csv.ts';
import { FileReportBuilder, issue, type FileReport, type Issue } from './report.ts';
import type { DecodedText } from './text.ts';

/** The columns read from an RNA file (`rna_waldec` or the older `rna_import` layout). */
const RNA_COLUMNS: readonly ExpectedColumn[] = [
  { name: 'id', required: true },
  { name: 'id_ex', required: false },
  { name: 'siret', required: false },
  { name: 'date_creat', required: false },
  { name: 'date_decla', required: false },
  { name: 'date_publi', required: false },
  { name: 'date_disso', required: false },
  { name: 'titre', required: true },
  { name: 'titre_court', required: false },
  { name: 'objet_social1', required: false },
  { name: 'adrs_codeinsee', required: false },
  { name: 'adrs_codepostal', required: false },
  { name: 'adrs_libcommune', aliases: ['libcom'], required: false },
  { name: 'position', required: true },
];

/** Columns of the RNA that the dataset never keeps (personal data, methodology §5): not warned about. */
const KNOWN_UNUSED = [
  'rup_mi',
  'gestion',
  'nature',
  'groupement',
  'objet',
  'objet_social2',
  'adrs_complement',
  'adrs_numvoie',
  'adrs_repetition',
  'adrs_typevoie',
  'adrs_libvoie',
  'adrs_distrib',
  'adrg_declarant',
  'adrg_complemid',
  'adrg_complemgeo',
  'adrg_libvoie',
  'adrg_distrib',
  'adrg_codepostal',
  'adrg_achemine',
  'adrg_pays',
  'dir_civilite',
  'siteweb',
  'publiweb',
  'observation',
  'maj_time',
  'adr1',
  'adr2',
  'adr3',
  'telephone',
  'email',
].map(normaliseHeader);

const STATUS = { A: 'active', D: 'dissoute', S: 'supprimee' } as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date of the RNA, or null for `0001-01-01` (the register's empty date) and anything not a date. */
export function rnaDate(text: string): string | null {
  if (!DATE.test(text) || text === '0001-01-01') return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : text;
}

function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Départements a postcode can belong to (Corsica's 20xxx: 2A or 2B; overseas: three digits). */
function departementsOfPostcode(postcode: string): string[] {
  if (postcode.startsWith('20')) return ['2A', '2B'];
  if (postcode.startsWith('97') || postcode.startsWith('98')) return [postcode.slice(0, 3)];
  return [postcode.slice(0, 2)];
}

/**
 * The commune of a postcode and a commune name (older RNA layout, no INSEE code): the commune
 * of that name among the postcode's; else the postcode's only commune; else the commune, or
 * the former commune, of that name in the postcode's département.
 */
function communeFromPostcode(
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

export interface ImportedAssociations {
  readonly rows: AssociationRow[];
  readonly report: FileReport;
}

/**
 * Reads an RNA file (`rna_waldec_*.csv`, or the older `rna_import_*.csv` without INSEE code):
 * headers matched by name, seats brought to today's commune, associations outside the imported
 * communes rejected with that reason, WALDEC labels attached, each association placed at its
 * commune (spread so that points do not stack) and flagged as approximate. Street addresses,
 * declarants and directors are never read into the dataset.
 */
export function importRna(
  file: string,
  decoded: DecodedText,
  sha256: string,
  cog: Cog,
  communes: readonly CommuneRow[],
  waldecLabels: ReadonlyMap<string, string>,
  /** Identifiers already imported from another RNA file (the older layout next to the current one). */
  alreadySeen: ReadonlySet<string> = new Set(),
  /** Hears how far the rows are (every 2,000 rows), for a progress bar. */
  onRows?: (done: number, total: number) => void,
): ImportedAssociations {
  const table = parseCsv(decoded.text, file);
  const match = matchHeader(file, table.header, RNA_COLUMNS);
  const layout = match.index.has('adrs_codeinsee') ? 'rna_waldec' : 'rna_import (sans code INSEE)';
  const report = new FileReportBuilder({
    file,
    kind: 'associations',
    format: `RNA ${layout}, CSV « ${table.delimiter} »`,
    encoding: decoded.encoding + (decoded.bom ? ' avec BOM' : ''),
    sha256,
  });
  for (const warning of match.warnings) {
    if (warning.code === 'extra-header-warn' && KNOWN_UNUSED.includes(normaliseHeader(warning.field ?? '')))
      continue;
    if (
      warning.code === 'missing-header-warn' &&
      ['adrs_codeinsee', 'date_decla', 'id_ex', 'titre_court', 'date_publi'].includes(warning.field ?? '')
    )
      continue;
    report.warn(warning);
  }
  for (const warning of table.warnings) report.warn(warning);
  for (const line of decoded.windows1252Lines)
    report.warn(issue(line, null, 'encoding-warn', 'ligne lue en Windows-1252 (octets non UTF-8)'));
  if (table.blankLines.length > 0) report.note('lignes vides ignorées', table.blankLines.length);

  const territory = new Map(communes.map((c) => [c.code_insee, c]));
  const seen = new Set<string>(alreadySeen);
  const kept: (AssociationRow & { line: number })[] = [];
  for (const [index, row] of table.rows.entries()) {
    if (index % 2000 === 0) onRows?.(index, table.rows.length);
    report.read();
    const cells = cellsByName(row, match);
    const line = row.line;
    const id = cells['id'] ?? '';
    const reasons: Issue[] = [];
    const warnings: Issue[] = [];
    if (row.cells.length !== table.header.length)
      reasons.push(
        issue(
          line,
          null,
          row.cells.length > table.header.length ? 'extra-cell-error' : 'missing-cell-error',
          `${row.cells.length} champs pour ${table.header.length} colonnes`,
        ),
      );
    if (!id) reasons.push(issue(line, 'id', 'constraint-error', 'identifiant RNA manquant'));
    else if (seen.has(id))
      reasons.push(issue(line, 'id', 'duplicate-key', `identifiant ${id} déjà lu plus haut`));
    const nom = plain(cells['titre'] || cells['titre_court'] || '');
    if (!nom) reasons.push(issue(line, 'titre', 'constraint-error', 'titre manquant'));
    const status = STATUS[(cells['position'] ?? '') as keyof typeof STATUS];
    if (!status)
      reasons.push(
        issue(line, 'position', 'constraint-error', `position « ${cells['position']} » hors de A, D, S`),
      );

    // The seat's commune, brought to today's commune, and within the territory.
    let commune: CurrentCommune | null = null;
    let via: 'code' | 'nom' | 'code-postal' | 'ancienne' = 'code';
    const insee = cells['adrs_codeinsee'] ?? '';
    if (insee) {
      const resolved = cog.resolve(insee);
      if (resolved) {
        commune = resolved.commune;
        if (resolved.via !== 'actuelle') {
          warnings.push(
            issue(
              line,
              'adrs_codeinsee',
              'commune-mapped',
              `${insee} ramené à ${commune.code} ${commune.nom} (${resolved.via})`,
            ),
          );
        }
      } else
        reasons.push(
          issue(line, 'adrs_codeinsee', 'commune-unknown', `code commune ${insee} inconnu du ${cog.source}`),
        );
    } else {
      const postcode = cells['adrs_codepostal'] ?? '';
      const name = cells['adrs_libcommune'] ?? '';
      const found = communeFromPostcode(cog, postcode, name);
      if (found) {
        commune = found.commune;
        via = found.how;
        if (found.how !== 'nom')
          warnings.push(
            issue(
              line,
              'adrs_libcommune',
              'commune-mapped',
              found.how === 'code-postal'
                ? `nom « ${name} » non reconnu : ${commune.code} ${commune.nom}, seule commune du code postal ${postcode}`
                : `« ${name} » ramené à ${commune.code} ${commune.nom} (commune fusionnée, déléguée ou associée)`,
            ),
          );
      } else {
        reasons.push(
          issue(
            line,
            'adrs_codepostal',
            'commune-unknown',
            `commune introuvable pour « ${postcode} ${name} »`,
          ),
        );
      }
    }
    if (commune && !territory.has(commune.code))
      reasons.push(
        issue(
          line,
          'adrs_codeinsee',
          'outside-territory',
          `siège à ${commune.nom} (${commune.code}), hors des communes importées`,
        ),
      );

    if (reasons.length > 0) {
      report.reject(line, id || null, reasons);
      continue;
    }
    seen.add(id);
    let waldec = cells['objet_social1'] ?? '';
    if (!/^\d{6}$/.test(waldec)) {
      warnings.push(
        issue(
          line,
          'objet_social1',
          'value-normalised',
          `objet social « ${waldec} » absent ou invalide : classé 050000 (à reclasser)`,
        ),
      );
      waldec = '050000';
    }
    let theme = topLevelTheme(waldec);
    if (!WALDEC_THEMES[theme]) {
      warnings.push(
        issue(
          line,
          'objet_social1',
          'value-normalised',
          `thème ${theme} inconnu : classé 050000 (à reclasser)`,
        ),
      );
      theme = '050000';
    }
    const siret = (cells['siret'] ?? '').replace(/\s/g, '');
    if (siret && !isValidSiret(siret))
      warnings.push(
        issue(line, 'siret', 'siret', `SIRET « ${cells['siret']} » invalide (clé de contrôle), non repris`),
      );
    for (const warning of warnings) report.warn(warning);
    report.note(
      {
        code: 'commune par code INSEE',
        nom: 'commune par code postal et nom',
        'code-postal': 'commune par le seul code postal',
        ancienne: 'commune par nom d’une ancienne commune',
      }[via],
    );
    if (warnings.some((w) => w.code === 'commune-mapped' && w.field === 'adrs_codeinsee'))
      report.note('code INSEE ramené à la commune actuelle');
    kept.push({
      line,
      id,
      nom,
      siret: siret && isValidSiret(siret) ? siret : null,
      waldec_code: waldec,
      waldec_libelle:
        waldecLabels.get(waldec) ?? (waldec === theme ? (WALDEC_THEMES[theme]?.label ?? null) : null),
      theme_code: theme,
      theme_libelle: WALDEC_THEMES[theme]?.label ?? '',
      commune_code: (commune as CurrentCommune).code,
      longitude: 0,
      latitude: 0,
      precision_geo: 'commune',
      date_creation: rnaDate(cells['date_creat'] ?? ''),
      // The older layout has no declaration date: its last known act is its publication.
      date_derniere_declaration:
        rnaDate(cells['date_decla'] ?? '') ??
        (layout === 'rna_waldec' ? null : rnaDate(cells['date_publi'] ?? '')),
      date_dissolution: rnaDate(cells['date_disso'] ?? ''),
      statut: status as AssociationRow['statut'],
      adherents: null,
      benevoles: null,
      salaries: null,
      budget_annuel_eur: null,
    });
    report.keep();
  }

  // Without a geocoded address, an association sits at its commune's point; `spreadAtCommunes`
  // then spreads all the RNA files' associations together.
  const rows = kept.map(({ line: _, ...row }) => {
    const commune = territory.get(row.commune_code) as CommuneRow;
    return { ...row, longitude: commune.longitude, latitude: commune.latitude };
  });
  report.note('positions à la commune (adresse non géocodée)', rows.length);
  return { rows, report: report.finish() };
}

/**
 * Associations placed at their commune's point, spread on a sunflower spiral around it in
 * identifier order: deterministic, and no two points of a commune on the same pixel.
 */
export function spreadAtCommunes(rows: readonly AssociationRow[]): AssociationRow[] {
  const rank = new Map<string, number>();
  return [...rows]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((row) => {
      const k = rank.get(row.commune_code) ?? 0;
      rank.set(row.commune_code, k + 1);
      const [longitude, latitude] = spreadAroundPoint(row.longitude, row.latitude, k);
      return { ...row, longitude, latitude };
    });
}
