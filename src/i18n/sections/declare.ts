/** Interface texts of « Déclarer des échanges » (src/components/declare), French first. */
export interface DeclareMessages {
  readonly button: string;
  readonly heading: string;
  readonly intro: string;
  readonly privacy: string;
  readonly loading: string;
  readonly loadFailed: (reason: string) => string;
  readonly step1: string;
  readonly selfLabel: string;
  readonly searchHint: string;
  readonly noResult: string;
  readonly selfLocked: string;
  readonly step2: string;
  readonly partnerLabel: string;
  readonly direction: string;
  readonly directions: { readonly fourni: string; readonly recu: string };
  readonly type: string;
  readonly chooseType: string;
  readonly typeHint: string;
  readonly dateStart: string;
  readonly dateEnd: string;
  readonly dateEndHint: string;
  readonly notGiven: string;
  readonly consent: string;
  readonly consentHint: string;
  readonly yes: string;
  readonly no: string;
  readonly add: string;
  readonly checking: string;
  readonly added: (id: string, count: number) => string;
  readonly errors: (count: number) => string;
  readonly warning: string;
  readonly frenchOnly: string;
  readonly step3: (count: number) => string;
  readonly none: string;
  readonly given: (partner: string) => string;
  readonly received: (partner: string) => string;
  readonly remove: string;
  readonly removeLabel: (id: string) => string;
  readonly removed: (id: string) => string;
  readonly csv: string;
  readonly xlsx: string;
  readonly sendTo: string;
  readonly downloaded: (file: string) => string;
  readonly close: string;
  readonly issues: {
    readonly self: string;
    readonly partner: string;
    readonly direction: string;
    readonly formula: string;
    /** The exchange repeats one already in the list (its identifier): the importer would reject it. */
    readonly duplicate: (id: string) => string;
  };
}

export const declareTexts: Readonly<Record<'fr' | 'en', DeclareMessages>> = {
  fr: {
    button: 'Déclarer des échanges',
    heading: 'Déclarer les échanges de votre association',
    intro:
      'Aucune source publique ne recense les échanges entre associations. Déclarez ceux de votre association (prêts de salle, de matériel, coups de main…), puis envoyez le fichier au coordinateur de votre territoire : il l’ajoutera à l’observatoire.',
    privacy:
      'Rien ne quitte ce navigateur : les fichiers sont produits ici et téléchargés sur votre appareil, rien n’est envoyé.',
    loading: 'Chargement du registre des associations…',
    loadFailed: (reason) => `Le registre n’a pas pu être lu : ${reason}`,
    step1: '1. Votre association',
    selfLabel: 'Votre association',
    searchHint: 'Nom, numéro RNA (W…) ou commune.',
    noResult: 'Aucune association trouvée dans le registre du territoire.',
    selfLocked: 'Pour changer d’association, retirez d’abord les échanges ajoutés.',
    step2: '2. Ajouter un échange',
    partnerLabel: 'Association partenaire',
    direction: 'Votre association a…',
    directions: { fourni: 'fourni la ressource', recu: 'reçu la ressource' },
    type: 'Type de ressource',
    chooseType: '— choisir —',
    typeHint: 'Les questions suivantes dépendent du type.',
    dateStart: 'Date de début',
    dateEnd: 'Date de fin',
    dateEndHint: 'Laissez vide pour un don.',
    notGiven: '— non précisé —',
    consent: 'Les deux associations acceptent-elles que cet échange soit montré sur la carte publique ?',
    consentHint: 'Sinon, il compte seulement dans les totaux.',
    yes: 'Oui',
    no: 'Non',
    add: 'Ajouter cet échange',
    checking: 'Vérification…',
    added: (id, count) => `Échange ${id} ajouté (${count} en tout).`,
    errors: (count) =>
      count === 1
        ? 'Une erreur empêche d’ajouter l’échange : voir le champ signalé.'
        : `${count} erreurs empêchent d’ajouter l’échange : voir les champs signalés.`,
    warning: 'À vérifier : ',
    frenchOnly: 'en français',
    step3: (count) => `3. Vos échanges (${count})`,
    none: 'Aucun échange ajouté pour l’instant.',
    given: (partner) => `Fourni à ${partner}`,
    received: (partner) => `Reçu de ${partner}`,
    remove: 'Retirer',
    removeLabel: (id) => `Retirer l’échange ${id}`,
    removed: (id) => `Échange ${id} retiré.`,
    csv: 'Télécharger le fichier CSV',
    xlsx: 'Télécharger le tableur (XLSX)',
    sendTo: 'Envoyez ensuite l’un des deux fichiers au coordinateur de votre territoire.',
    downloaded: (file) => `Fichier ${file} téléchargé.`,
    close: 'Fermer',
    issues: {
      self: 'Choisissez d’abord votre association dans le registre.',
      partner: 'Choisissez l’association partenaire dans le registre.',
      direction: 'Indiquez si votre association a fourni ou reçu la ressource.',
      formula: 'Ne commencez pas par =, +, - ou @ : un tableur le lirait comme une formule.',
      duplicate: (id) =>
        `Cet échange est déjà dans la liste (${id}) : même partenaire, même date de début, même ressource. S’il s’agit d’une autre ressource, décrivez-la ici.`,
    },
  },
  en: {
    button: 'Declare exchanges',
    heading: 'Declare your association’s exchanges',
    intro:
      'No public source lists the exchanges between associations. Declare your association’s (rooms, equipment lent, a helping hand…), then send the file to your territory’s coordinator, who will add it to the observatory.',
    privacy:
      'Nothing leaves this browser: the files are made here and downloaded to your device; nothing is sent.',
    loading: 'Loading the register of associations…',
    loadFailed: (reason) => `The register could not be read: ${reason}`,
    step1: '1. Your association',
    selfLabel: 'Your association',
    searchHint: 'Name, RNA number (W…) or commune.',
    noResult: 'No association found in the territory’s register.',
    selfLocked: 'To change association, first remove the exchanges added.',
    step2: '2. Add an exchange',
    partnerLabel: 'Partner association',
    direction: 'Your association…',
    directions: { fourni: 'provided the resource', recu: 'received the resource' },
    type: 'Type of resource',
    chooseType: '— choose —',
    typeHint: 'The next questions depend on the type.',
    dateStart: 'Start date',
    dateEnd: 'End date',
    dateEndHint: 'Leave empty for a gift.',
    notGiven: '— not given —',
    consent: 'Do both associations agree to show this exchange on the public map?',
    consentHint: 'Otherwise it only counts in totals.',
    yes: 'Yes',
    no: 'No',
    add: 'Add this exchange',
    checking: 'Checking…',
    added: (id, count) => `Exchange ${id} added (${count} in all).`,
    errors: (count) =>
      count === 1
        ? 'One error prevents adding the exchange: see the field marked.'
        : `${count} errors prevent adding the exchange: see the fields marked.`,
    warning: 'Please check: ',
    frenchOnly: 'in French',
    step3: (count) => `3. Your exchanges (${count})`,
    none: 'No exchange added yet.',
    given: (partner) => `Provided to ${partner}`,
    received: (partner) => `Received from ${partner}`,
    remove: 'Remove',
    removeLabel: (id) => `Remove exchange ${id}`,
    removed: (id) => `Exchange ${id} removed.`,
    csv: 'Download the CSV file',
    xlsx: 'Download the spreadsheet (XLSX)',
    sendTo: 'Then send one of the two files to your territory’s coordinator.',
    downloaded: (file) => `File ${file} downloaded.`,
    close: 'Close',
    issues: {
      self: 'First choose your association in the register.',
      partner: 'Choose the partner association in the register.',
      direction: 'Say whether your association provided or received the resource.',
      formula: 'Do not start with =, +, - or @: a spreadsheet would read it as a formula.',
      duplicate: (id) =>
        `This exchange is already in the list (${id}): same partner, start date and resource. If it is another resource, describe it here.`,
    },
  },
};
