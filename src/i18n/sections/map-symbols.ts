/**
 * Texts of the map's symbols in the legend: proportional circles of a stock, association
 * clusters and rings (approximate positions), the selection's links, fixed classes during the
 * animation. Numbers arrive formatted.
 */
export interface MapSymbolMessages {
  /** Heading of the nested circles: « Surface proportionnelle à la valeur ». */
  readonly circlesHeading: string;
  readonly positive: string;
  readonly negative: string;
  /** How circles are made. */
  readonly circlesNote: string;
  /** Folded group of the association symbols. */
  readonly symbolsHeading: string;
  readonly cluster: string;
  /** Over circles, associations appear once zoomed in. */
  readonly zoomForAssociations: string;
  readonly association: string;
  readonly approximate: string;
  /** Beside the commune of an association placed at its commune's point. */
  readonly approximateShort: string;
  /** « 12 communes partenaires (épaisseur : échanges) », with « et N autres » when some are left out. */
  readonly links: (by: 'commune' | 'association', shown: number, others: number) => string;
  /** Exchanges inside the selected commune (no line). */
  readonly internal: (formatted: string, count: number) => string;
  /** Classes or sizes held fixed during the animation. */
  readonly fixed: string;
  /** Classes of a balance: centred on zero. */
  readonly divergingNote: string;
}

const fr: MapSymbolMessages = {
  circlesHeading: 'Cercles : surface proportionnelle à la valeur',
  positive: 'Valeur positive',
  negative: 'Valeur négative',
  circlesNote:
    'Un total est figuré par des cercles : des aplats montreraient surtout la taille des communes. Cercle le plus grand : la plus forte valeur des communes affichées.',
  symbolsHeading: 'Associations : groupes, positions',
  cluster: 'Groupe d’associations proches (nombre) — zoomer pour les séparer',
  association: 'Association (couleur : thème)',
  zoomForAssociations: 'Associations : visibles en zoomant (les cercles occupent le centre des communes)',
  approximateShort: 'position approximative sur la carte (placée dans sa commune)',
  approximate: 'Position approximative : placée dans sa commune, faute d’adresse publiable',
  links: (by, shown, others) => {
    const what =
      by === 'commune'
        ? `${shown} commune${shown > 1 ? 's' : ''} partenaire${shown > 1 ? 's' : ''}`
        : `${shown} association${shown > 1 ? 's' : ''} partenaire${shown > 1 ? 's' : ''}`;
    const rest =
      others > 0 ? `, et ${others} autre${others > 1 ? 's' : ''} non tracée${others > 1 ? 's' : ''}` : '';
    return `Liens de la sélection : ${what} (épaisseur : nombre d’échanges)${rest}`;
  },
  internal: (formatted, count) =>
    `${formatted} échange${count > 1 ? 's' : ''} entre associations de la commune (sans trait)`,
  fixed:
    'Animation : classes et tailles fixées sur la période entière, la croissance se lit dans les couleurs.',
  divergingNote:
    'Bilan : palette centrée sur zéro (brun : négatif, bleu-vert : positif), classes par seuils naturels de chaque signe.',
};

const en: MapSymbolMessages = {
  circlesHeading: 'Circles: area proportional to the value',
  positive: 'Positive value',
  negative: 'Negative value',
  circlesNote:
    'A total is drawn as circles: coloured areas would mostly show how large communes are. Largest circle: the highest value among the communes shown.',
  symbolsHeading: 'Associations: groups, positions',
  cluster: 'Group of nearby associations (number) — zoom in to separate them',
  association: 'Association (colour: theme)',
  zoomForAssociations: 'Associations: shown when zoomed in (circles hold the communes’ centres)',
  approximateShort: 'approximate position on the map (placed in its commune)',
  approximate: 'Approximate position: placed in its commune, for want of a publishable address',
  links: (by, shown, others) => {
    const what = `${shown} partner ${by === 'commune' ? 'commune' : 'association'}${shown > 1 ? 's' : ''}`;
    const rest = others > 0 ? `, and ${others} other${others > 1 ? 's' : ''} not drawn` : '';
    return `Links of the selection: ${what} (width: number of exchanges)${rest}`;
  },
  internal: (formatted, count) =>
    `${formatted} exchange${count > 1 ? 's' : ''} between associations of the commune (no line)`,
  fixed: 'Animation: classes and sizes fixed on the whole period, so growth shows in the colours.',
  divergingNote:
    'Balance: palette centred on zero (brown: negative, blue-green: positive), natural breaks on each side.',
};

export const mapSymbolMessages = { fr, en } as const;
