import type { AssociationRow, GrantRow } from '../data/schema/index.ts';
import { GRANT_NATURES } from '../data/schema/vocabularies.ts';
import { isValidSiret } from '../data/siret.ts';
import { cellsByName, matchHeader, parseCsv, type ExpectedColumn } from './csv.ts';
import { realignRow, type Shape } from './repair.ts';
import { FileReportBuilder, issue, type FileReport, type Issue } from './report.ts';
import type { DecodedText } from './text.ts';
import { readBoolean, readDate, readNumber, readSiret, type Read } from './values.ts';

/**
 * SCDL « subventions » columns (schema.data.gouv.fr, versions 1.x to 2.1): field names, and the
 * human titles some publishers put in the header instead. Only what no grant can do without is
 * required here; the rest is read when present.
 */
const SCDL_COLUMNS: readonly (ExpectedColumn & { shape: Shape })[] = [
  { name: 'nomAttribuant', aliases: ['Nom de l’attribuant', 'Attribuant'], required: true, shape: 'text' },
  {
    name: 'idAttribuant',
    aliases: [
      'Identification de l’attribuant',
      'Identification de l’attribuant (SIRET)',
      'SIRET de l’attribuant',
    ],
    required: true,
    shape: 'siret',
  },
  {
    name: 'dateConvention',
    aliases: ['Date de la convention de subvention', 'Date de la convention'],
    required: false,
    shape: 'date',
  },
  { name: 'referenceDecision', aliases: ['Référence de la décision'], required: false, shape: 'text' },
  { name: 'nomBeneficiaire', aliases: ['Nom du bénéficiaire'], required: true, shape: 'text' },
  {
    name: 'idBeneficiaire',
    aliases: [
      'Identification du bénéficiaire',
      'Identification du bénéficiaire (SIRET)',
      'SIRET du bénéficiaire',
    ],
    required: false,
    shape: 'siret',
  },
  {
    name: 'rnaBeneficiaire',
    aliases: ['Identification RNA du bénéficiaire', 'Numéro RNA du bénéficiaire', 'RNA du bénéficiaire'],
    required: false,
    shape: 'rna',
  },
  {
    name: 'objet',
    aliases: ['Objet de la subvention', 'Objet de la convention'],
    required: true,
    shape: 'text',
  },
  {
    name: 'montant',
    aliases: ['Montant total de la subvention', 'Montant'],
    required: true,
    shape: 'amount',
  },
  { name: 'nature', aliases: ['Nature de la subvention'], required: false, shape: 'nature' },
  {
    name: 'conditionsVersement',
    aliases: ['Conditions de versement de la subvention', 'Conditions de versement'],
    required: false,
    shape: 'text',
  },
  {
    name: 'datesPeriodeVersement',
    aliases: [
      'Date ou période de versement',
      'Dates ou période de versement',
      'Date(s) ou période(s) de versement',
    ],
    required: false,
    shape: 'token',
  },
  {
    name: 'idRAE',
    aliases: [
      'Numéro unique de référencement dans le répertoire des aides aux entreprises',
      'Identifiant RAE',
    ],
    required: false,
    shape: 'token',
  },
  {
    name: 'notificationUE',
    aliases: ['Aide d’État notifiée à la Commission européenne', 'Notification UE'],
    required: false,
    shape: 'boolean',
  },
  {
    name: 'pourcentageSubvention',
    aliases: [
      'Pourcentage du montant total de la subvention attribuée au bénéficiaire',
      'Pourcentage de la subvention',
    ],
    required: false,
    shape: 'number',
  },
  { name: 'dispositifAide', aliases: ['Dispositif d’aide'], required: false, shape: 'text' },
];

/** « en numéraire », « Aide en numeraire » → the schema's « aide en numéraire ». */
function readNature(text: string): Read<(typeof GRANT_NATURES)[number]> {
  const raw = text.trim();
  if (!raw) return { value: null };
  const folded = raw
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
  const cash = /numeraire/.test(folded);
  const kind = /nature/.test(folded);
  const value = cash && kind ? GRANT_NATURES[2] : cash ? GRANT_NATURES[0] : kind ? GRANT_NATURES[1] : null;
  if (!value) return { value: null, error: `nature « ${text} » hors de : ${GRANT_NATURES.join(', ')}` };
  return value === raw ? { value } : { value, normalised: `nature « ${text} » lue « ${value} »` };
}

/** Associations by RNA number, by SIRET and by SIREN, to attach grants to them. */
export interface AssociationIndex {
  byId: ReadonlyMap<string, string>;
  bySiret: ReadonlyMap<string, string>;
  bySiren: ReadonlyMap<string, string>;
}

export function associationIndex(
  associations: readonly Pick<AssociationRow, 'id' | 'siret'>[],
): AssociationIndex {
  const byId = new Map<string, string>();
  const bySiret = new Map<string, string>();
  const bySiren = new Map<string, string>();
  for (const a of associations) {
    byId.set(a.id, a.id);
    if (a.siret) {
      bySiret.set(a.siret, a.id);
      if (!bySiren.has(a.siret.slice(0, 9))) bySiren.set(a.siret.slice(0, 9), a.id);
    }
  }
  return { byId, bySiret, bySiren };
}

export interface ImportedGrants {
  readonly rows: GrantRow[];
  readonly report: FileReport;
}

/**
 * Reads an SCDL grants file of any version in use: headers as field names or titles, `;` or
 * `,`, amounts « 25 000,00 », SIRETs with spaces, years alone, UTF-8 or Windows-1252 or both;
 * rows cut by unquoted commas are put back together by shape. A required cell that cannot be
 * read rejects the row; an optional one is emptied and reported. Grants are attached to
 * associations by RNA number, then SIRET, then SIREN; unattached ones are kept and reported.
 */
export function importGrants(
  file: string,
  decoded: DecodedText,
  sha256: string,
  associations: AssociationIndex,
): ImportedGrants {
  const table = parseCsv(decoded.text, file);
  const match = matchHeader(file, table.header, SCDL_COLUMNS);
  const version = match.index.has('rnaBeneficiaire')
    ? 'SCDL 2.1 (avec rnaBeneficiaire)'
    : 'SCDL 1.x/2.0 (sans rnaBeneficiaire)';
  const report = new FileReportBuilder({
    file,
    kind: 'grants',
    format: `${version}, CSV « ${table.delimiter} »`,
    encoding: decoded.encoding + (decoded.bom ? ' avec BOM' : ''),
    sha256,
  });
  for (const warning of [...match.warnings, ...table.warnings]) report.warn(warning);
  for (const line of decoded.windows1252Lines)
    report.warn(issue(line, null, 'encoding-warn', 'ligne lue en Windows-1252 (octets non UTF-8)'));
  if (table.blankLines.length > 0) report.note('lignes vides ignorées', table.blankLines.length);

  // The shape of each header position, for rows cut by unquoted separators.
  const shapeAt = table.header.map(
    (_, i) => SCDL_COLUMNS.find((c) => match.index.get(c.name) === i)?.shape ?? 'token',
  );
  const idPrefix = sha256.slice(0, 8);
  const rows: GrantRow[] = [];
  for (const row of table.rows) {
    report.read();
    const line = row.line;
    const reasons: Issue[] = [];
    const warnings: Issue[] = [];
    let csvRow = row;
    if (row.cells.length > table.header.length) {
      const realigned = realignRow(row.raw, shapeAt, table.delimiter);
      if (realigned) {
        csvRow = { ...row, cells: realigned.map((c) => c.trim()), raw: realigned };
        warnings.push(
          issue(
            line,
            null,
            'row-repaired',
            `${row.cells.length} champs pour ${table.header.length} colonnes (séparateur « ${table.delimiter} » non protégé par des guillemets) : cellules recollées d’après leur forme (SIRET, date, montant, nature)`,
          ),
        );
        report.note('lignes recollées');
      } else {
        report.reject(line, null, [
          issue(
            line,
            null,
            'extra-cell-error',
            `${row.cells.length} champs pour ${table.header.length} colonnes, découpage impossible à retrouver`,
          ),
        ]);
        continue;
      }
    } else if (row.cells.length < table.header.length - 1) {
      report.reject(line, null, [
        issue(
          line,
          null,
          'missing-cell-error',
          `${row.cells.length} champs pour ${table.header.length} colonnes`,
        ),
      ]);
      continue;
    }
    const cells = cellsByName(csvRow, match);

    /** Reads a cell; a problem in a required cell rejects the row, in an optional one empties it. */
    const take = <T>(field: string, read: Read<T>, required: boolean): T | null => {
      if (read.error) {
        (required ? reasons : warnings).push(
          issue(line, field, 'type-error', required ? read.error : `${read.error} : valeur non reprise`),
        );
        return null;
      }
      if (read.normalised) warnings.push(issue(line, field, 'value-normalised', read.normalised));
      if (read.value === null && required)
        reasons.push(issue(line, field, 'constraint-error', 'valeur obligatoire manquante'));
      return read.value;
    };
    const text = (field: string, required = false): string | null => {
      const value = (cells[field] ?? '').replace(/\s+/g, ' ').trim();
      if (!value && required)
        reasons.push(issue(line, field, 'constraint-error', 'valeur obligatoire manquante'));
      return value || null;
    };

    const nomAttribuant = text('nomAttribuant', true);
    const idAttribuant = take('idAttribuant', readSiret(cells['idAttribuant'] ?? ''), true);
    if (idAttribuant && !isValidSiret(idAttribuant))
      reasons.push(issue(line, 'idAttribuant', 'siret', `SIRET ${idAttribuant} invalide (clé de contrôle)`));
    const dateConvention = take('dateConvention', readDate(cells['dateConvention'] ?? ''), false);
    const nomBeneficiaire = text('nomBeneficiaire', true);
    const idBeneficiaire = take('idBeneficiaire', readSiret(cells['idBeneficiaire'] ?? ''), false);
    if (idBeneficiaire && !isValidSiret(idBeneficiaire))
      warnings.push(
        issue(
          line,
          'idBeneficiaire',
          'siret',
          `SIRET ${idBeneficiaire} invalide (clé de contrôle) : gardé tel qu’écrit`,
        ),
      );
    let rnaBeneficiaire = (cells['rnaBeneficiaire'] ?? '').trim().toUpperCase() || null;
    if (rnaBeneficiaire && !/^W\d{9}$/.test(rnaBeneficiaire)) {
      warnings.push(
        issue(
          line,
          'rnaBeneficiaire',
          'constraint-error',
          `n° RNA « ${rnaBeneficiaire} » invalide (W + 9 chiffres) : non repris`,
        ),
      );
      rnaBeneficiaire = null;
    }
    const objet = text('objet', true);
    const montant = take('montant', readNumber(cells['montant'] ?? ''), true);
    if (montant !== null && montant < 0)
      reasons.push(issue(line, 'montant', 'constraint-error', 'montant négatif'));
    const nature = take('nature', readNature(cells['nature'] ?? ''), true);
    let pourcentage = take(
      'pourcentageSubvention',
      readNumber((cells['pourcentageSubvention'] ?? '').replace('%', '')),
      false,
    );
    if (pourcentage === null) {
      pourcentage = 1;
      warnings.push(
        issue(
          line,
          'pourcentageSubvention',
          'value-normalised',
          'pourcentage absent : 1 retenu (la totalité du montant)',
        ),
      );
    } else if (pourcentage > 1 && pourcentage <= 100) {
      warnings.push(
        issue(
          line,
          'pourcentageSubvention',
          'value-normalised',
          `pourcentage ${pourcentage} lu ${pourcentage / 100}`,
        ),
      );
      pourcentage /= 100;
    } else if (pourcentage <= 0 || pourcentage > 1) {
      reasons.push(
        issue(
          line,
          'pourcentageSubvention',
          'constraint-error',
          `pourcentage ${pourcentage} hors de 0,01 à 1`,
        ),
      );
    }
    const notificationUE = take('notificationUE', readBoolean(cells['notificationUE'] ?? ''), false);
    const periode = text('datesPeriodeVersement');
    const periodeNormalised = periode?.replace(/^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$/, '$1/$2') ?? null;
    if (periode && periodeNormalised !== periode)
      warnings.push(
        issue(
          line,
          'datesPeriodeVersement',
          'value-normalised',
          `période « ${periode} » lue « ${periodeNormalised} »`,
        ),
      );
    if (!idBeneficiaire && !rnaBeneficiaire)
      warnings.push(
        issue(
          line,
          'idBeneficiaire',
          'one-of-required',
          '« idBeneficiaire » ou « rnaBeneficiaire » devrait être renseigné',
        ),
      );

    if (reasons.length > 0) {
      report.reject(line, cells['referenceDecision'] || null, reasons);
      continue;
    }
    // The association: by RNA number, by SIRET, then by SIREN (another establishment of it).
    const associationId =
      (rnaBeneficiaire && associations.byId.get(rnaBeneficiaire)) ||
      (idBeneficiaire && associations.bySiret.get(idBeneficiaire)) ||
      (idBeneficiaire && associations.bySiren.get(idBeneficiaire.slice(0, 9))) ||
      null;
    if (!associationId) {
      report.note('subventions non rattachées à une association importée');
      warnings.push(
        issue(
          line,
          rnaBeneficiaire ? 'rnaBeneficiaire' : 'idBeneficiaire',
          'grant-unmatched',
          `bénéficiaire « ${nomBeneficiaire} » (${rnaBeneficiaire ?? idBeneficiaire ?? 'sans identifiant'}) absent des associations importées : subvention gardée, non rattachée`,
        ),
      );
    } else report.note('subventions rattachées à une association');
    for (const warning of warnings) report.warn(warning);
    rows.push({
      id_subvention: `S${idPrefix}-${line}`,
      nomAttribuant: nomAttribuant as string,
      idAttribuant: idAttribuant as string,
      dateConvention,
      referenceDecision: text('referenceDecision'),
      nomBeneficiaire: nomBeneficiaire as string,
      idBeneficiaire,
      rnaBeneficiaire,
      objet: objet as string,
      montant: montant as number,
      nature: nature as GrantRow['nature'],
      conditionsVersement: text('conditionsVersement'),
      datesPeriodeVersement: periodeNormalised,
      idRAE: text('idRAE'),
      notificationUE,
      pourcentageSubvention: pourcentage,
      dispositifAide: text('dispositifAide'),
      association_id: associationId,
    });
    report.keep();
  }
  return { rows, report: report.finish() };
}
