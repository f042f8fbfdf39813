/** Texts of the exported image's bands and of the printed commune sheet. */
export interface ExportMessages {
  /** The zone the picture or sheet is about. */
  readonly territory: (name: string) => string;
  readonly epci: (name: string) => string;
  readonly commune: (name: string, code: string) => string;
  /** The intercommunalité a commune belongs to. */
  readonly inEpci: (name: string) => string;
  readonly period: (from: string, to: string) => string;
  readonly types: (list: string) => string;
  readonly themes: (list: string) => string;
  readonly funder: (name: string, side: string) => string;
  readonly publicView: string;
  /** No filter on the resources, themes or funder. */
  readonly noFilter: string;
  readonly source: (dataset: string) => string;
  readonly exported: (date: string) => string;
  readonly link: (url: string) => string;
  /** Above the commune's name on the printed sheet. */
  readonly sheetKicker: string;
  /** The map drawn on the printed sheet. */
  readonly sheetMap: (commune: string) => string;
}

const fr: ExportMessages = {
  territory: (name) => `Territoire : ${name}`,
  epci: (name) => `Intercommunalité : ${name}`,
  commune: (name, code) => `Commune : ${name} (${code})`,
  inEpci: (name) => `Intercommunalité : ${name}`,
  period: (from, to) => `Période : ${from} – ${to}`,
  types: (list) => `Ressources : ${list}`,
  themes: (list) => `Thèmes : ${list}`,
  funder: (name, side) => `Financeur : ${name} (côté ${side})`,
  publicView: 'Vue grand public : les petits effectifs sont masqués',
  noFilter: 'Sans filtre : toutes les ressources, tous les thèmes',
  source: (dataset) => `Source : Symbiose, jeu de données « ${dataset} »`,
  exported: (date) => `Exporté le ${date}`,
  link: (url) => `Vue en ligne : ${url}`,
  sheetKicker: 'Fiche commune',
  sheetMap: (commune) => `Carte centrée sur ${commune}`,
};

const en: ExportMessages = {
  territory: (name) => `Territory: ${name}`,
  epci: (name) => `Intercommunality: ${name}`,
  commune: (name, code) => `Commune: ${name} (${code})`,
  inEpci: (name) => `Intercommunality: ${name}`,
  period: (from, to) => `Period: ${from} – ${to}`,
  types: (list) => `Resources: ${list}`,
  themes: (list) => `Themes: ${list}`,
  funder: (name, side) => `Funder: ${name} (${side})`,
  publicView: 'Public view: small counts are masked',
  noFilter: 'No filter: all resources, all themes',
  source: (dataset) => `Source: Symbiose, dataset “${dataset}”`,
  exported: (date) => `Exported on ${date}`,
  link: (url) => `Online view: ${url}`,
  sheetKicker: 'Commune sheet',
  sheetMap: (commune) => `Map centred on ${commune}`,
};

export const exportMessages: Readonly<Record<'fr' | 'en', ExportMessages>> = { fr, en };
