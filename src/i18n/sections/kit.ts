/** Texts of the exchange collection template's download (src/components/kit), French first. */
export interface KitMessages {
  /** Name of the group of links. */
  readonly label: string;
  readonly xlsx: string;
  readonly ods: string;
  /**
   * The workflow in one line: `declare` is the declaration button's label, `sheet` and `column`
   * the template's associations sheet and its « asked » column.
   */
  readonly workflow: (declare: string, sheet: string, column: string) => string;
  /** Title of the links of an imported territory: the template is built in the page. */
  readonly local: string;
  readonly building: string;
  readonly failed: (detail: string) => string;
}

const fr: KitMessages = {
  label: 'Modèle d’échanges à remplir',
  xlsx: 'Modèle à remplir (XLSX)',
  ods: 'Modèle à remplir (ODS)',
  workflow: (declare, sheet, column) =>
    `Téléchargez le modèle, faites-le remplir par les associations (ou utilisez « ${declare} »), notez « oui » dans la colonne « ${column} » de la feuille « ${sheet} » pour chaque association sollicitée, puis importez les fichiers reçus.`,
  local: 'Préparé dans la page, avec les associations du territoire importé (rien n’est envoyé).',
  building: 'Préparation du modèle…',
  failed: (detail) => `Le modèle n’a pas pu être préparé : ${detail}`,
};

const en: KitMessages = {
  label: 'Exchange template to fill in',
  xlsx: 'Template to fill in (XLSX)',
  ods: 'Template to fill in (ODS)',
  workflow: (declare, sheet, column) =>
    `Download the template, have the associations fill it in (or use “${declare}”), write « oui » in the « ${column} » column of the « ${sheet} » sheet for every association you asked, then import the files you get back.`,
  local: 'Built in the page from the imported territory’s associations (nothing is sent).',
  building: 'Preparing the template…',
  failed: (detail) => `The template could not be prepared: ${detail}`,
};

/** The kit download's texts, French first. */
export const kitMessages = { fr, en } as const satisfies Record<'fr' | 'en', KitMessages>;
