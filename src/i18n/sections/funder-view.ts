/**
 * Texts of the funder's view: the overview header (the funder named, or « all funders » and how to
 * choose one), the line that says what its figures are about, the ratio of avoided cost to grants with its
 * unit and what it is not, and the filter lines under the map legend. Numbers arrive formatted.
 */
export interface FunderViewMessages {
  /** Kicker of the overview in the funder's view. */
  readonly kicker: string;
  /** Title of the overview when no funder is chosen. */
  readonly allFunders: string;
  /** How to choose a funder, under « all funders ». */
  readonly howToChoose: string;
  /**
   * What the figures of a chosen funder are about: its funded associations (count formatted),
   * of which some are still active at the period's end, and their exchanges.
   */
  readonly scope: (funded: string, active: string) => string;
  /** The same for an intercommunalité, where only the active funded associations are counted. */
  readonly scopeActive: (active: string) => string;
  /** The ratio of avoided cost to grants, formatted with its unit, and what it means; null value: not provided. */
  readonly ratio: (value: string) => string;
  /** Why the ratio is not a return on the grant. */
  readonly notSroi: string;
  /** One active filter under the legend title: « Financeur : Département ». */
  readonly filterLine: (label: string, value: string) => string;
}

const fr: FunderViewMessages = {
  kicker: 'Financeur',
  allFunders: 'Tous financeurs',
  howToChoose:
    'Choisissez un financeur ou l’un de ses programmes dans le filtre « Financeur » : la carte et les chiffres porteront alors sur les associations qu’il finance.',
  scope: (funded, active) =>
    `Les chiffres qui suivent portent sur les ${funded} associations financées sur la période (dont ${active} encore actives à la fin de la période) et sur leurs échanges, pas sur tout le territoire.`,
  scopeActive: (active) =>
    `Les chiffres qui suivent portent sur les associations financées sur la période (${active} encore actives à la fin de la période) et sur leurs échanges, pas sur toute l’intercommunalité.`,
  ratio: (value) =>
    `Coût évité rapporté aux subventions (contexte)\u00a0: ${value} — le coût évité net par la coopération de ces associations (ressources partagées, moins les trajets et l’énergie des salles prêtées) divisé par les subventions en numéraire qu’elles ont reçues de ce financeur sur la période. Le temps bénévole et le personnel partagé n’y sont pas\u00a0; les aides en nature sont à part.`,
  notSroi:
    'Ce n’est pas un SROI ni un rendement de la subvention : aucun scénario sans subvention (contrefactuel) n’est estimé.',
  filterLine: (label, value) => `${label} : ${value}`,
};

const en: FunderViewMessages = {
  kicker: 'Funder',
  allFunders: 'All funders',
  howToChoose:
    'Choose a funder or one of its programmes in the « Funder » filter: the map and figures then cover the associations it funds.',
  scope: (funded, active) =>
    `The figures below cover the ${funded} associations funded in the period (${active} of them still active at its end) and their exchanges, not the whole territory.`,
  scopeActive: (active) =>
    `The figures below cover the associations funded in the period (${active} still active at its end) and their exchanges, not the whole intercommunalité.`,
  ratio: (value) =>
    `Avoided cost relative to grants (context): ${value} — the net cost avoided by these associations’ cooperation (shared resources, minus travel and the energy of lent rooms) divided by the cash grants they received from this funder in the period. Volunteer time and shared staff are not in it; in-kind support is apart.`,
  notSroi:
    'This is not an SROI nor a return on the grant: no scenario without the grant (counterfactual) is estimated.',
  filterLine: (label, value) => `${label}: ${value}`,
};

export const funderViewMessages: Readonly<Record<'fr' | 'en', FunderViewMessages>> = { fr, en };
