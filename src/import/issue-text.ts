/*
 * The import report in sentences a person can act on: each kind of issue with its count, the
 * column, and one example line — « 47 lignes recollées : séparateur non protégé par des
 * guillemets, ex. ligne 12 ». Used by the terminal summary and the page, in French and English.
 * The example's own message stays in French (it quotes the file).
 */
import type { IssueCode, IssueSummary } from './report.ts';

type Phrase = (n: string) => string;
type Texts = { readonly fr: Phrase; readonly en: Phrase };

const t = (fr: Phrase, en: Phrase): Texts => ({ fr, en });

/** What each code means, with its count. */
const TEXTS: Readonly<Record<IssueCode, Texts>> = {
  'type-error': t(
    (n) => `${n} valeur(s) illisible(s)`,
    (n) => `${n} unreadable value(s)`,
  ),
  'constraint-error': t(
    (n) => `${n} valeur(s) manquante(s) ou hors des valeurs permises`,
    (n) => `${n} missing or out-of-range value(s)`,
  ),
  'one-of-required': t(
    (n) => `${n} ligne(s) sans l’un des deux identifiants attendus`,
    (n) => `${n} row(s) without either expected identifier`,
  ),
  siret: t(
    (n) => `${n} SIRET invalide(s) (clé de contrôle)`,
    (n) => `${n} invalid SIRET number(s) (check digit)`,
  ),
  'compare-columns-value': t(
    (n) => `${n} ligne(s) dont deux dates se contredisent`,
    (n) => `${n} row(s) with contradictory dates`,
  ),
  'extra-cell-error': t(
    (n) => `${n} ligne(s) avec trop de champs`,
    (n) => `${n} row(s) with too many fields`,
  ),
  'missing-cell-error': t(
    (n) => `${n} ligne(s) avec trop peu de champs`,
    (n) => `${n} row(s) with too few fields`,
  ),
  'missing-header-warn': t(
    (n) => `${n} colonne(s) absente(s) de l’en-tête`,
    (n) => `${n} column(s) missing from the header`,
  ),
  'extra-header-warn': t(
    (n) => `${n} colonne(s) inconnue(s), ignorée(s)`,
    (n) => `${n} unknown column(s), ignored`,
  ),
  'unused-column-empty': t(
    (n) => `${n} colonne(s) exigée(s) par le standard mais vide(s), sans effet sur Symbiose`,
    (n) => `${n} column(s) the standard requires left empty, not used by Symbiose`,
  ),
  'column-inferred': t(
    (n) => `${n} colonne(s) sans titre reconnue(s) d’après leur contenu`,
    (n) => `${n} untitled column(s) recognised from their content`,
  ),
  'duplicate-key': t(
    (n) => `${n} identifiant(s) en double`,
    (n) => `${n} duplicate identifier(s)`,
  ),
  'encoding-warn': t(
    (n) => `${n} signalement(s) d’encodage (lignes en Windows-1252)`,
    (n) => `${n} encoding notice(s) (Windows-1252 lines)`,
  ),
  'control-character-warn': t(
    (n) => `${n} colonne(s) avec des caractères de contrôle remplacés`,
    (n) => `${n} column(s) with control characters replaced`,
  ),
  'invisible-character': t(
    (n) => `${n} colonne(s) avec des caractères invisibles retirés`,
    (n) => `${n} column(s) with invisible characters removed`,
  ),
  'unclosed-quote': t(
    (n) => `${n} guillemet(s) mal fermé(s) qui auraient fondu des lignes en une : lignes relues une à une`,
    (n) => `${n} badly closed quote(s) that would have fused lines into one: lines read one by one`,
  ),
  'record-unwrapped': t(
    (n) => `${n} enregistrement(s) enfermé(s) dans un champ entre guillemets (export de tableur), recoupé(s)`,
    (n) => `${n} record(s) wrapped in one quoted field (spreadsheet export), split back`,
  ),
  'record-truncated': t(
    (n) => `${n} ligne(s) aux champs innombrables (pas un tableau) : tronquée(s) pour la lecture`,
    (n) => `${n} row(s) with countless fields (not a table): cut short for reading`,
  ),
  'title-row': t(
    (n) => `${n} ligne(s) de titre au-dessus de l’en-tête`,
    (n) => `${n} title row(s) above the header`,
  ),
  'row-repaired': t(
    (n) => `${n} ligne(s) recollée(s)`,
    (n) => `${n} row(s) put back together`,
  ),
  'value-normalised': t(
    (n) => `${n} valeur(s) lue(s) après mise en forme`,
    (n) => `${n} value(s) read after normalising`,
  ),
  'value-implausible': t(
    (n) => `${n} valeur(s) invraisemblable(s)`,
    (n) => `${n} implausible value(s)`,
  ),
  'date-implausible': t(
    (n) => `${n} date(s) invraisemblable(s)`,
    (n) => `${n} implausible date(s)`,
  ),
  'identifier-invalid': t(
    (n) => `${n} identifiant(s) invalide(s) ou abîmé(s)`,
    (n) => `${n} invalid or damaged identifier(s)`,
  ),
  'commune-mapped': t(
    (n) => `${n} code(s) commune ramené(s) à la commune actuelle`,
    (n) => `${n} commune code(s) brought to today’s commune`,
  ),
  'commune-unknown': t(
    (n) => `${n} commune(s) inconnue(s) du code officiel géographique`,
    (n) => `${n} commune(s) unknown to the official geographic code`,
  ),
  'overseas-collectivity': t(
    (n) => `${n} code(s) de collectivité d’outre-mer non reconnu(s)`,
    (n) => `${n} overseas collectivity code(s) not recognised`,
  ),
  'outside-territory': t(
    (n) => `${n} siège(s) hors des communes importées`,
    (n) => `${n} seat(s) outside the imported communes`,
  ),
  'association-unknown': t(
    (n) => `${n} association(s) absente(s) du jeu de données`,
    (n) => `${n} association(s) not in the dataset`,
  ),
  'self-exchange': t(
    (n) => `${n} échange(s) d’une association avec elle-même`,
    (n) => `${n} exchange(s) of an association with itself`,
  ),
  'staff-mismatch': t(
    (n) =>
      `${n} échange(s) de personnel dont les ETP-mois et les ETP partagés × durée diffèrent de plus de 10 %`,
    (n) => `${n} staff exchange(s) whose FTE-months and shared FTE × duration differ by more than 10%`,
  ),
  'survey-sheet-missing': t(
    (n) =>
      `${n} modèle(s) d’échanges sans feuille « Associations » lisible : associations sollicitées inconnues`,
    (n) => `${n} exchange template(s) without a readable « Associations » sheet: associations asked unknown`,
  ),
  'grant-unmatched': t(
    (n) => `${n} subvention(s) gardée(s) sans association rattachée`,
    (n) => `${n} grant(s) kept without a matching association`,
  ),
  'not-a-grant': t(
    (n) => `${n} ligne(s) qui ne sont pas des subventions (garanties d’emprunt, prêts)`,
    (n) => `${n} row(s) that are not grants (loan guarantees, loans)`,
  ),
  'funder-missing': t(
    (n) => `${n} fichier(s) sans attribuant`,
    (n) => `${n} file(s) without a funder column`,
  ),
  'local-law-register': t(
    () => 'Alsace-Moselle : associations de droit local absentes du RNA',
    () => 'Alsace-Moselle: local-law associations are not in the RNA',
  ),
  'geometry-error': t(
    (n) => `${n} contour(s) invalide(s)`,
    (n) => `${n} invalid outline(s)`,
  ),
  'geometry-repaired': t(
    (n) => `${n} contour(s) réparé(s)`,
    (n) => `${n} outline(s) repaired`,
  ),
  'coordinates-swapped': t(
    (n) => `${n} signalement(s) de coordonnées inversées (latitude, longitude)`,
    (n) => `${n} notice(s) of swapped coordinates (latitude, longitude)`,
  ),
  'geometry-merged': t(
    (n) => `${n} commune(s) aux contours réunis`,
    (n) => `${n} commune(s) whose outlines were joined`,
  ),
  'population-missing': t(
    (n) => `${n} commune(s) sans population connue`,
    (n) => `${n} commune(s) without a known population`,
  ),
};

const WORDS = {
  fr: { rejected: 'rejet', column: 'colonne', example: 'ex. ligne', file: 'fichier' },
  en: { rejected: 'rejected', column: 'column', example: 'e.g. line', file: 'file' },
} as const;

/**
 * « 118 siège(s) hors des communes importées (colonne « adrs_codeinsee »), ex. ligne 7 : siège à
 * Paris (75056), hors des communes importées ».
 */
export function issueSentence(
  summary: IssueSummary,
  lang: 'fr' | 'en',
  formatNumber: (n: number) => string,
): string {
  const words = WORDS[lang];
  const what = TEXTS[summary.code][lang](formatNumber(summary.count));
  const column = summary.field ? ` (${words.column} « ${summary.field} »)` : '';
  const where = summary.example.row === null ? words.file : `${words.example} ${summary.example.row}`;
  return `${what}${column}, ${where} : ${summary.example.message_fr}`;
}
