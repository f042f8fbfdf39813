/*
 * The importer's messages (French, src/data/validate-row.ts and src/import/schema-csv.ts) said in
 * English for the English interface. Each known message shape is matched and its values kept;
 * a message not recognised stays in French (the interface marks it so).
 */

/** A message in both languages; `en` is null when only the French one exists. */
export interface IssueText {
  readonly fr: string;
  readonly en: string | null;
}

/** French message shapes and their English wording (`$1`… are the values matched). */
// prettier-ignore
const SHAPES: readonly (readonly [RegExp, string])[] = [
  [/^valeur obligatoire manquante$/, 'required value missing'],
  [/^valeur inférieure au minimum (.+)$/, 'below the minimum $1'],
  [/^valeur supérieure au maximum (.+)$/, 'above the maximum $1'],
  [/^valeur hors de la liste : (.+)$/, 'not one of: $1'],
  [/^texte de plus de (\d+) caractères$/, 'more than $1 characters'],
  [/^format invalide — /, 'wrong format'],
  [/^nombre illisible « (.*) »$/, 'unreadable number “$1”'],
  [/^nombre entier attendu$/, 'whole number expected'],
  [/^nombre attendu$/, 'number expected'],
  [/^texte attendu$/, 'text expected'],
  [/^date attendue au format AAAA-MM-JJ$/, 'date expected as YYYY-MM-DD'],
  [/^date « (.*) » illisible \(AAAA-MM-JJ attendu\)$/, 'unreadable date “$1” (YYYY-MM-DD expected)'],
  [/^date (\S+) hors de (\S+) – (\S+) : erreur de saisie probable$/, 'date $1 outside $2 – $3: probably a typing error'],
  [/^« (\w+) » doit être (>=|>|<=|<) « (\w+) »$/, '“$1” must be $2 “$3”'],
  [/^« (\w+) » ou « (\w+) » doit être renseigné$/, '“$1” or “$2” is required'],
  [/^numéro SIRET invalide \(clé de contrôle\)$/, 'invalid SIRET number (check digit)'],
  [/^(?:fournisseur|beneficiaire) (\S+) absent des associations importées$/, 'association $1 is not in the loaded register'],
  [/^échange de l’association (\S+) avec elle-même$/, 'association $1 cannot exchange with itself'],
  [/^identifiant (\S+) déjà lu plus haut$/, 'identifier $1 already used above'],
  [/^booléen attendu \((.+) ou (.+)\)$/, 'yes or no expected ($1 or $2)'],
  [/^(\w+) = (\S+) : au-delà de (.+), inhabituel pour un seul échange — gardé, à vérifier$/, '$2 is above $3, unusual for one exchange — kept, please check'],
  [/^échange (\S+) : quantite = ([\d\u202f\u00a0,]+) ETP-mois mais etp_partages × durée = ([\d\u202f\u00a0,]+) × ([\d\u202f\u00a0,]+) mois \((\S+) – (\S+)\) = ([\d\u202f\u00a0,]+) ETP-mois, écart de plus de 10 % — la méthode retient quantite \([\d\u202f\u00a0,]+ ETP-mois\) ; gardé, à vérifier$/, 'exchange $1: quantity = $2 FTE-months but shared FTE × duration = $3 × $4 months ($5 – $6) = $7 FTE-months, more than 10% apart — the method uses the quantity ($2 FTE-months); kept, please check'],
];

/** An importer's message in French and, when its shape is known, in English. */
export function issueText(messageFr: string): IssueText {
  for (const [shape, english] of SHAPES) {
    const match = shape.exec(messageFr);
    if (match)
      return { fr: messageFr, en: english.replace(/\$(\d)/g, (_, i: string) => match[Number(i)] ?? '') };
  }
  return { fr: messageFr, en: null };
}
