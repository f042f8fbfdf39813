/** Interface texts, in French (the English version comes with the language switch). */
export const fr = {
  appTitle: 'Symbiose',
  appSubtitle: 'Observatoire de la coopération entre associations',
  fictionalNotice:
    'Territoire fictif : toutes les données de cette carte sont générées pour la démonstration.',
  loading: {
    engine: 'Démarrage du moteur de calcul…',
    data: (label: string) => `Chargement des données : ${label}…`,
    map: 'Dessin de la carte…',
  },
  error: {
    title: 'Les données n’ont pas pu être chargées',
    retry: 'Réessayer',
  },
  legend: { zero: 'Aucun échange', noData: 'Sans donnée' },
  territory: {
    heading: 'Territoire',
    communes: 'Communes',
    population: 'Habitants',
    activeAssociations: 'Associations actives',
    cooperationRate: 'Associations qui coopèrent',
    cooperationHint: 'part des associations actives ayant au moins un échange sur la période',
    exchanges: 'Échanges',
    intercommunal: 'Entre deux communes',
    partnerships: 'Partenariats',
    partnershipsHint: 'paires d’associations ayant échangé au moins une fois',
    clickHint: 'Cliquez sur une commune pour ouvrir sa fiche.',
  },
  commune: {
    close: 'Fermer la fiche',
    population: 'Habitants',
    associations: 'Associations actives',
    associationsHint: (total: string) => `${total} enregistrées au total`,
    cooperating: 'Associations qui coopèrent',
    received: 'Échanges reçus',
    provided: 'Échanges fournis',
    internal: 'dont entre associations de la commune',
    partners: 'Communes partenaires',
    noPopulation: 'population inconnue',
  },
  chart: {
    title: 'Échanges par trimestre',
    communeTitle: 'Échanges de la commune par trimestre',
    series: 'Échanges',
    description: (from: string, to: string) =>
      `Histogramme du nombre d’échanges par trimestre, de ${from} à ${to}.`,
  },
  period: 'Période',
  methodLink: 'Méthode et sources des indicateurs',
  source: 'Source',
} as const;
