/**
 * Texts that go with figures: the range beside an estimate, the mark of a range that crosses
 * zero, and the notes on rounding and half-counting under the tables that show them.
 */
export interface FigureMessages {
  /** Before a range, in words or for a screen reader: « fourchette : ». */
  readonly rangePrefix: string;
  /** The badge of a range that crosses zero, read aloud and shown as its title. */
  readonly signUncertain: string;
  /** The same, short, written beside the badge where there is room. */
  readonly signUncertainShort: string;
  /** Under a table of figures: how ranges and the badge read. */
  readonly rangeNote: string;
  /** Under a table holding a half-counted count (partnerships). */
  readonly halfCountNote: string;
}

const fr: FigureMessages = {
  rangePrefix: 'fourchette : ',
  signUncertain: 'le signe n’est pas établi : la fourchette va du négatif au positif',
  signUncertainShort: 'signe non établi',
  rangeNote:
    'Entre parenthèses, la fourchette de l’estimation ; chaque valeur est arrondie à ce que sa fourchette permet. ± : la fourchette passe par zéro, le signe n’est pas établi.',
  halfCountNote:
    'Partenariats : une paire d’associations de deux communes compte pour moitié dans chacune ; les totaux sont arrondis à l’unité.',
};

const en: FigureMessages = {
  rangePrefix: 'range: ',
  signUncertain: 'the sign is not established: the range goes from negative to positive',
  signUncertainShort: 'sign not established',
  rangeNote:
    'In brackets, the estimate’s range; each value is rounded to what its range allows. ±: the range crosses zero, the sign is not established.',
  halfCountNote:
    'Partnerships: a pair of associations from two communes counts half in each; totals are rounded to the unit.',
};

export const figureMessages: Readonly<Record<'fr' | 'en', FigureMessages>> = { fr, en };
