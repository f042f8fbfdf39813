import type { AssociationRow, CommuneRow } from '../data/schema/index.ts';
import { isValidSiret } from '../data/siret.ts';
import { spreadAroundPoint } from '../data/spread-points.ts';
import { topLevelTheme, WALDEC_THEMES } from '../data/waldec.ts';
import type { Cog, CurrentCommune } from './cog.ts';
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

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/[^a-z0-9]/g, '');

/** The commune of a postcode and a commune name (older RNA layout); approximate when only the postcode decides. */
function communeFromPostcode(
  cog: Cog,
  postcode: string,
  name: string,
): { commune: CurrentCommune; exact: boolean } | null {
  const candidates = cog.byPostcode(postcode);
  const named = candidates.filter((c) => fold(c.nom) === fold(name));
  if (named.length === 1 && named[0]) return { commune: named[0], exact: true };
  if (candidates.length === 1 && candidates[0]) return { commune: candidates[0], exact: false };
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
  for (const row of table.rows) {
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
    let approximate = false;
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
      const found = communeFromPostcode(cog, cells['adrs_codepostal'] ?? '', cells['adrs_libcommune'] ?? '');
      if (found) {
        commune = found.commune;
        approximate = !found.exact;
        if (!found.exact)
          warnings.push(
            issue(
              line,
              'adrs_codepostal',
              'position-approximate',
              `commune « ${cells['adrs_libcommune']} » introuvable, code postal ${cells['adrs_codepostal']} → ${commune.nom}`,
            ),
          );
      } else {
        reasons.push(
          issue(
            line,
            'adrs_codepostal',
            'commune-unknown',
            `commune introuvable pour « ${cells['adrs_codepostal']} ${cells['adrs_libcommune']} »`,
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
    for (const warning of warnings) {
      report.warn(warning);
      if (warning.code === 'commune-mapped') report.note('commune ramenée à la commune actuelle');
    }
    if (!insee)
      report.note(
        approximate ? 'commune déduite du seul code postal' : 'commune trouvée par code postal et nom',
      );
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

  // Without a geocoded address, each association sits at its commune's point, spread on a
  // sunflower spiral in identifier order: deterministic, and no two points on the same pixel.
  kept.sort((a, b) => a.id.localeCompare(b.id));
  const rank = new Map<string, number>();
  const rows = kept.map(({ line: _, ...row }) => {
    const commune = territory.get(row.commune_code) as CommuneRow;
    const k = rank.get(row.commune_code) ?? 0;
    rank.set(row.commune_code, k + 1);
    const [longitude, latitude] = spreadAroundPoint(commune.longitude, commune.latitude, k);
    return { ...row, longitude, latitude };
  });
  report.note('positions à la commune (adresse non géocodée)', rows.length);
  return { rows, report: report.finish() };
}
