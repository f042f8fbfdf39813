import { RESOURCE_TYPE_LABELS } from '../data/schema/index.ts';
import { THEME_FAMILY_LABELS } from '../data/waldec.ts';
import type { Messages } from './messages.ts';

/** The interface in French, its first language. */
export const fr: Messages = {
  locale: 'fr-FR',
  lang: 'fr',
  appTitle: 'Symbiose',
  appSubtitle: 'Observatoire de la coopération entre associations',
  fictionalNotice:
    'Territoire fictif : toutes les données de cette carte sont générées pour la démonstration.',
  methodLink: 'Méthode et sources des indicateurs',
  switchLanguage: 'English',
  loading: {
    engine: 'Démarrage du moteur de calcul…',
    data: (label) => `Chargement des données : ${label}…`,
    map: 'Dessin de la carte…',
  },
  error: { title: 'Les données n’ont pas pu être chargées', retry: 'Réessayer' },
  overview: {
    title: 'Aperçu calculé à la publication',
    summary: ' : toute la période, sans filtre (territoire trop grand pour un navigateur).',
    body:
      'Ce territoire est plus grand que ce qu’un navigateur peut charger. La carte et le tableau montrent chaque ' +
      'indicateur sur toute la période, sans filtre, tels qu’ils ont été calculés à la publication du site. ' +
      'Les filtres, la recherche, les flux et le détail des associations ne sont pas disponibles sur cette page.',
    howTo:
      'Pour filtrer : publiez un territoire plus restreint (un département, une intercommunalité), ou calculez ' +
      'les indicateurs sur un ordinateur avec « npm run indicators » (DuckDB natif, sans cette limite).',
  },
  audiences: {
    collectivite: { label: 'Collectivité', hint: 'Suivre la coopération du territoire' },
    financeur: { label: 'Financeur', hint: 'Ce que font les associations financées' },
    public: { label: 'Grand public', hint: 'Qui partage quoi près de chez moi' },
  },
  display: { label: 'Affichage', map: 'Carte', table: 'Tableau' },
  filters: {
    heading: 'Filtres',
    indicator: 'Indicateur',
    perInhabitant: 'Pour 1 000 habitants',
    period: 'Période',
    play: 'Animer',
    pause: 'Pause',
    types: 'Ressources',
    themes: 'Thèmes',
    epci: 'Intercommunalité',
    allEpci: 'Tout le territoire',
    funder: 'Financeur',
    chooseFunder: 'Choisir un financeur ou un programme',
    allProgrammes: (funder) => `${funder} (tous programmes)`,
    unknownFunder: (funder) => `${funder} (aucune subvention sur la période)`,
    side: 'Compter côté',
    sides: { beneficiaire: 'bénéficiaire', fournisseur: 'fournisseur' },
    reset: 'Tout effacer',
    all: 'toutes',
  },
  search: {
    label: 'Rechercher une commune ou une association',
    placeholder: 'Commune, association…',
    loading: 'Recherche en préparation…',
    none: 'Aucun résultat',
    commune: 'commune',
    association: 'association',
  },
  legend: {
    heading: 'Légende',
    associations: 'Associations, par thème',
    zero: 'Aucun échange',
    noData: 'Non renseigné',
    secret: 'Secret statistique (moins de 3 associations)',
    note: 'Classes par seuils naturels (Jenks) des communes affichées.',
    flows: (measure) =>
      measure === 'valeur'
        ? 'Flux entre communes (épaisseur : coût évité net)'
        : 'Flux entre communes (épaisseur : nombre d’échanges)',
  },
  map: {
    label: (indicator) => `Carte des communes : ${indicator}`,
    basemap: 'Fond de carte',
    basemapHint:
      'Adresse d’un style MapLibre (JSON) ou de tuiles raster {z}/{x}/{y}. Il sera téléchargé depuis ce serveur.',
    basemapApply: 'Appliquer',
    basemapNone: 'Sans fond (hors ligne)',
    flowTooltip: (a, b, count, aToB, bToA, value) =>
      `${a} ↔ ${b} : ${count} échange${count > 1 ? 's' : ''} (${aToB} de ${a} vers ${b}, ${bToA} en sens inverse), coût évité net ${value} €`,
    linkTooltip: (count) => `${count} échange${count > 1 ? 's' : ''} entre ces deux associations`,
    openFull: 'Ouvrir dans Symbiose',
  },
  families: {
    cooperation: 'Coopération',
    economy: 'Valeur économique',
    environment: 'Environnement',
    register: 'Registre et subventions',
    signals: 'Signaux de coopération (données ouvertes)',
  },
  territory: {
    heading: 'Territoire',
    communes: 'Communes',
    population: 'Habitants',
    activeAssociations: 'Associations actives',
    clickHint: 'Cliquez sur une commune ou une association pour ouvrir sa fiche.',
    byType: 'Échanges par type de ressource',
  },
  commune: {
    close: 'Fermer la fiche',
    population: 'Habitants',
    associations: 'Associations actives',
    noPopulation: 'population inconnue',
    code: 'Code INSEE',
    portraitCaption: (name) => `Indicateurs de ${name}, de son intercommunalité et du territoire`,
    indicatorColumn: 'Indicateur',
    epciColumn: 'Interco.',
    territoryColumn: 'Territoire',
    rank: (rank, total) => `${rank === 1 ? '1re' : `${rank}e`} / ${total}`,
    rankNote:
      'Sous chaque valeur de la commune, son rang parmi les communes du territoire (1re : la valeur la plus haute).',
    compareWith: 'Comparer avec',
    noCompare: 'aucune commune',
    partnerCommunes: 'Communes partenaires',
    exchanges: (count) => `${count} échange${count > 1 ? 's' : ''}`,
    noPartner: 'Aucun échange avec une autre commune sur la période.',
    itsAssociations: 'Ses associations',
    givenReceived: (given, received) =>
      `${given} fourni${given > 1 ? 's' : ''}, ${received} reçu${received > 1 ? 's' : ''}`,
    resourceMix: 'Ressources échangées',
    print: 'Imprimer la fiche',
    fictional: 'commune fictive',
  },
  association: {
    close: 'Fermer la fiche',
    theme: 'Thème',
    commune: 'Commune',
    created: 'Créée le',
    status: 'Statut',
    statuses: { active: 'active', dissoute: 'dissoute', supprimee: 'supprimée' },
    partners: 'Partenaires sur la période',
    partner: 'Partenaire',
    totals: (given, received) =>
      `${given} échange${given > 1 ? 's' : ''} fourni${given > 1 ? 's' : ''}, ${received} reçu${received > 1 ? 's' : ''}.`,
    given: 'fournis',
    received: 'reçus',
    noPartner: 'Aucun échange sur la période.',
    notSurveyed:
      'Échanges non renseignés : cette association n’a pas été enquêtée, ses partenaires ne sont pas connus.',
    publicNote: 'Seuls les échanges dont les deux associations acceptent la publication sont détaillés.',
  },
  coverage: {
    notProvided: 'non renseigné',
    title: 'Échanges entre associations : non renseignés',
    none: 'Aucune source publique ne recense les échanges entre associations, et ce territoire n’en a pas encore recueilli : les indicateurs de coopération sont « non renseignés » (jamais 0), et n’entrent ni dans les rangs ni dans les classes de couleur. Les chiffres du registre des associations et des subventions, eux, sont connus.',
    partial: (share, covered, active) =>
      `Les échanges déclarés couvrent ${share} des associations actives (${covered} sur ${active}) : les indicateurs de coopération ne portent que sur elles.`,
    howTo:
      'Pour les compléter : faites remplir le modèle d’échanges par les associations (ou utilisez « Déclarer des échanges »), puis importez les fichiers reçus.',
    importFiles: 'Importer des échanges',
    dismiss: 'Masquer',
    portraitLabel: 'Associations enquêtées',
    portraitValue: (covered, active, share) => `${covered} sur ${active} (${share})`,
    portraitNone: 'aucune : coopération non renseignée',
    notSurveyed: 'échanges non renseignés',
    familiesMissing:
      'Non renseignés : aucune association de cette zone n’a déclaré ses échanges (ni été enquêtée). Ces chiffres apparaîtront dès que des échanges seront importés.',
    chartMissing: 'Non renseigné : aucun échange déclaré pour les associations de cette zone.',
  },
  authority: {
    heading: 'Pour la collectivité',
    isolated: (count, share) =>
      `${count} associations actives enquêtées sans aucun partenaire déclaré (${share}).`,
    notSurveyed: (count) => `${count} associations actives non enquêtées : leur coopération est inconnue.`,
    isolationUnknown:
      'Isolement non renseigné : aucune association n’a déclaré ses échanges (voir la couverture).',
    fewLinks: 'Communes les moins reliées',
    linkedCommunes: (count) => `${count} commune${count > 1 ? 's' : ''} partenaire${count > 1 ? 's' : ''}`,
    needs: 'Besoins non satisfaits',
    noNeeds: 'Aucun besoin ouvert sur la période.',
    since: (date) => `depuis le ${date}`,
    more: (count) => `et ${count.toLocaleString('fr-FR')} de plus`,
    pending: 'Calcul en cours…',
    growth: 'Où la coopération progresse',
    growthLine: (before, after) => `${before} → ${after} échanges (1re moitié → 2de moitié de la période)`,
    noGrowth: 'Aucune commune en nette progression sur la période.',
  },
  funder: {
    heading: 'Pour le financeur',
    choose: 'Choisissez un financeur pour voir ce que font les associations qu’il soutient.',
    granted: 'Subventions versées',
    inKindOnly: 'non renseigné (aide en nature non valorisée)',
    funded: 'Associations financées',
    context:
      'Le coût évité par la coopération est montré à côté des subventions, comme un contexte : la subvention ne le produit pas et ne s’y ajoute pas.',
    association: 'Association',
    grant: 'Subvention',
  },
  public: {
    heading: 'Vue grand public',
    notice:
      'Aucune donnée personnelle n’est affichée. Un chiffre qui reposerait sur les échanges de moins de trois associations est masqué (secret statistique), et un échange n’est détaillé que si les deux associations en acceptent la publication.',
    secret: 'secret',
    communeSecret:
      'Les chiffres de cette commune reposent sur moins de trois associations, ou permettraient de retrouver ceux d’une telle commune : ils sont masqués.',
    maskedCommunes: (count) =>
      count === 0
        ? 'Aucune commune masquée avec les filtres actuels.'
        : `${count} commune${count > 1 ? 's' : ''} masquée${count > 1 ? 's' : ''} avec les filtres actuels (hachurée${count > 1 ? 's' : ''} sur la carte).`,
    maskedQuarters: (count) =>
      `${count} trimestre${count > 1 ? 's' : ''} masqué${count > 1 ? 's' : ''} (secret statistique).`,
    maskedTypes: (count) =>
      `${count} type${count > 1 ? 's' : ''} de ressource masqué${count > 1 ? 's' : ''} (secret statistique).`,
  },
  table: {
    caption: (indicator, period) => `Indicateurs par commune, ${period} — carte : ${indicator}`,
    commune: 'Commune',
    epci: 'Intercommunalité',
    population: 'Habitants',
    sortBy: (column) => `Trier par ${column}`,
  },
  importer: {
    button: 'Ouvrir vos fichiers',
    heading: 'Ouvrir vos fichiers',
    intro:
      'Contours des communes (GeoJSON, WGS84 ou Lambert-93), fichier RNA, subventions (SCDL ou listes des départements), échanges et offres au format du projet, nomenclature WALDEC — en CSV (tout encodage, compressé ou non) ou en tableur XLSX, ODS, XLS.',
    privacy: 'Vos fichiers restent dans ce navigateur : rien n’est envoyé nulle part.',
    drop: 'Déposez vos fichiers ici',
    pick: 'ou choisissez-les…',
    kinds: {
      communes: 'Contours des communes',
      associations: 'Associations (RNA)',
      grants: 'Subventions',
      exchanges: 'Échanges',
      offers: 'Offres et besoins',
      waldec: 'Nomenclature WALDEC',
    },
    unknownKind: 'Format non reconnu',
    kindLabel: (file) => `Type du fichier ${file}`,
    remove: 'Retirer',
    modeTerritory: 'Un nouveau territoire remplacera celui affiché.',
    modeAdd: 'Ces fichiers s’ajouteront au jeu de données affiché (ses associations).',
    needTerritory:
      'Pour un nouveau territoire, il faut les contours des communes et au moins un fichier RNA.',
    run: 'Importer',
    reading: (step) => `Lecture : ${step}…`,
    failed: (reason) => `Import arrêté : ${reason}`,
    done: 'Import terminé : le territoire est sur la carte.',
    doneAdd: 'Import terminé : les lignes ont été ajoutées au jeu de données.',
    file: 'Fichier',
    format: 'Format',
    read: 'Lues',
    kept: 'Gardées',
    rejected: 'Rejetées',
    warnings: 'Avertissements',
    conserved: 'Aucune ligne perdue : lues = gardées + rejetées pour chaque fichier.',
    notConserved: 'Attention : des lignes manquent au décompte.',
    rejectedRows: (file) => `Lignes rejetées de ${file}`,
    line: 'Ligne',
    field: 'Champ',
    reason: 'Raison',
    more: (count) => `… et ${count.toLocaleString('fr-FR')} autres dans le rapport complet`,
    notes: 'À noter',
    lines: (l, n) =>
      [
        `${n(l.physical)} ${l.unit}`,
        ` = ${n(l.records)} enregistrement(s)`,
        l.recordLines > l.records
          ? ` sur ${n(l.recordLines)} lignes (${n(l.recordLines - l.records)} retour(s) à la ligne dans des champs entre guillemets)`
          : '',
        l.header > 0 ? ` + ${n(l.header)} d’en-tête` : '',
        l.title > 0 ? ` + ${n(l.title)} de titre` : '',
        l.blank > 0 ? ` + ${n(l.blank)} vide(s)` : '',
        Object.keys(l.lineEnds).some((k) => (l.lineEnds[k] ?? 0) > 0)
          ? ` ; fins de ligne : ${Object.entries(l.lineEnds)
              .filter(([, c]) => c > 0)
              .map(([k, c]) => `${k} ×${n(c)}`)
              .join(', ')}`
          : '',
      ].join(''),
    problems: 'Ce qui a été rejeté ou corrigé',
    downloadRejected: (file, count) =>
      `Télécharger les ${count.toLocaleString('fr-FR')} lignes rejetées de ${file} (CSV, à corriger puis réimporter)`,
    downloadReport: 'Télécharger le rapport (JSON)',
    tables: (summary) => `Jeu de données : ${summary}`,
    close: 'Fermer',
    again: 'Importer d’autres fichiers',
    importedName: (name) => `Vos fichiers : ${name}`,
  },
  share: {
    button: 'Partager et exporter',
    heading: 'Partager et exporter',
    link: 'Lien vers cette vue',
    copy: 'Copier',
    copied: 'Copié',
    embed: 'Code d’intégration (iframe)',
    csvFr: 'Tableau CSV (Excel, français)',
    csvData: 'Tableau CSV (données)',
    png: 'Carte et légende (PNG)',
    print: 'Imprimer la fiche',
    close: 'Fermer',
    note: 'Les fichiers sont produits dans votre navigateur, avec les filtres de la vue.',
    pngFailed: (reason) => `L’image n’a pas pu être produite : ${reason}`,
  },
  print: {
    source: (dataset) => `Source : Symbiose, jeu de données « ${dataset} ».`,
    method: (url) => `Méthode et coefficients : ${url}`,
    printed: (date) => `Imprimé le ${date}`,
    link: 'Vue en ligne :',
  },
  chart: {
    title: 'Échanges par trimestre',
    communeTitle: 'Échanges de la commune par trimestre',
    series: 'Échanges',
    description: (from, to) => `Histogramme du nombre d’échanges par trimestre, de ${from} à ${to}.`,
    none: 'Aucun échange sur la période.',
  },
  period: 'Période',
  resourceTypes: RESOURCE_TYPE_LABELS,
  themeFamilies: THEME_FAMILY_LABELS,
};
