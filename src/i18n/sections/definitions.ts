/** Texts of the indicator definitions shown in place (src/components/method/Definition*.tsx), French first. */
export interface DefinitionMessages {
  /** Accessible name of the ⓘ button: « Définition : <name> ». */
  readonly button: (name: string) => string;
  readonly formula: string;
  readonly reading: string;
  readonly caveats: string;
  readonly unit: string;
  /** The unit of a share, shown as a percentage. */
  readonly percent: string;
  /** Link to the indicator's section of the method page, opened in a new tab. */
  readonly fullMethod: string;
  /** Said to screen readers after the link: it opens a new tab. */
  readonly newTab: string;
  readonly close: string;
}

const fr: DefinitionMessages = {
  button: (name) => `Définition : ${name}`,
  formula: 'Formule',
  reading: 'Comment le lire',
  caveats: 'Ce qu’il ne montre pas',
  unit: 'Unité',
  percent: '% (part entre 0 et 100)',
  fullMethod: 'Méthode complète',
  newTab: '(nouvel onglet)',
  close: 'Fermer',
};

const en: DefinitionMessages = {
  button: (name) => `Definition: ${name}`,
  formula: 'Formula',
  reading: 'How to read it',
  caveats: 'What it does not show',
  unit: 'Unit',
  percent: '% (share between 0 and 100)',
  fullMethod: 'Full method',
  newTab: '(new tab)',
  close: 'Close',
};

export const definitionMessages = { fr, en } as const;
