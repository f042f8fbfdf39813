import type { ResourceType } from '../data/schema/index.ts';
import type { ThemeFamily } from '../data/waldec.ts';
import type { LineAccounting } from '../import/report.ts';
import type { Locale } from './format.ts';

/** Every text of the interface, in one language. */
export interface Messages {
  readonly locale: Locale;
  readonly lang: 'fr' | 'en';
  readonly appTitle: string;
  readonly appSubtitle: string;
  readonly fictionalNotice: string;
  readonly methodLink: string;
  readonly switchLanguage: string;
  readonly loading: {
    readonly engine: string;
    readonly data: (label: string) => string;
    readonly map: string;
  };
  readonly error: { readonly title: string; readonly retry: string };
  /** The served dataset is beyond what a browser loads: the page shows its build's figures. */
  readonly overview: {
    readonly title: string;
    /** Follows the title on one line, its punctuation included. */
    readonly summary: string;
    readonly body: string;
    readonly howTo: string;
  };
  readonly audiences: Readonly<
    Record<'collectivite' | 'financeur' | 'public', { label: string; hint: string }>
  >;
  readonly display: { readonly label: string; readonly map: string; readonly table: string };
  readonly filters: {
    readonly heading: string;
    readonly indicator: string;
    readonly perInhabitant: string;
    readonly period: string;
    readonly play: string;
    readonly pause: string;
    readonly types: string;
    readonly themes: string;
    readonly epci: string;
    readonly allEpci: string;
    readonly funder: string;
    readonly chooseFunder: string;
    readonly allProgrammes: (funder: string) => string;
    readonly unknownFunder: (funder: string) => string;
    readonly side: string;
    readonly sides: { readonly beneficiaire: string; readonly fournisseur: string };
    readonly reset: string;
    readonly all: string;
  };
  readonly search: {
    readonly label: string;
    readonly placeholder: string;
    /** While the names it searches are still read. */
    readonly loading: string;
    readonly none: string;
    readonly commune: string;
    readonly association: string;
  };
  readonly legend: {
    readonly heading: string;
    readonly associations: string;
    readonly zero: string;
    readonly noData: string;
    readonly secret: string;
    readonly note: string;
    readonly flows: (measure: 'echanges' | 'valeur') => string;
  };
  readonly map: {
    readonly label: (indicator: string) => string;
    readonly basemap: string;
    readonly basemapHint: string;
    readonly basemapApply: string;
    readonly basemapNone: string;
    readonly flowTooltip: (
      a: string,
      b: string,
      count: number,
      aToB: number,
      bToA: number,
      value: string,
    ) => string;
    readonly linkTooltip: (count: number) => string;
    readonly openFull: string;
  };
  readonly families: {
    readonly cooperation: string;
    readonly economy: string;
    readonly environment: string;
    readonly register: string;
    readonly signals: string;
  };
  readonly territory: {
    readonly heading: string;
    readonly communes: string;
    readonly population: string;
    readonly activeAssociations: string;
    readonly clickHint: string;
    readonly byType: string;
  };
  readonly commune: {
    readonly close: string;
    readonly population: string;
    readonly associations: string;
    readonly noPopulation: string;
    readonly code: string;
    readonly portraitCaption: (name: string) => string;
    readonly indicatorColumn: string;
    readonly epciColumn: string;
    readonly territoryColumn: string;
    readonly rank: (rank: number, total: number) => string;
    readonly rankNote: string;
    readonly compareWith: string;
    readonly noCompare: string;
    readonly partnerCommunes: string;
    readonly exchanges: (count: number) => string;
    readonly noPartner: string;
    readonly itsAssociations: string;
    readonly givenReceived: (given: number, received: number) => string;
    readonly resourceMix: string;
    readonly print: string;
    readonly fictional: string;
  };
  readonly association: {
    readonly close: string;
    readonly theme: string;
    readonly commune: string;
    readonly created: string;
    readonly status: string;
    readonly statuses: Readonly<Record<string, string>>;
    readonly partners: string;
    readonly partner: string;
    readonly totals: (given: number, received: number) => string;
    readonly given: string;
    readonly received: string;
    readonly noPartner: string;
    readonly notSurveyed: string;
    readonly publicNote: string;
  };
  /** Which associations the declared exchanges cover, and what is missing. */
  readonly coverage: {
    /** What a figure with no data behind it reads: never 0. */
    readonly notProvided: string;
    readonly title: string;
    /** No association surveyed: cooperation figures are not provided. */
    readonly none: string;
    readonly partial: (share: string, covered: string, active: string) => string;
    readonly howTo: string;
    readonly importFiles: string;
    readonly dismiss: string;
    readonly portraitLabel: string;
    readonly portraitValue: (covered: string, active: string, share: string) => string;
    readonly portraitNone: string;
    /** In lists of associations: its exchanges are unknown, not 0. */
    readonly notSurveyed: string;
    /** The families resting on declared exchanges, where none is covered. */
    readonly familiesMissing: string;
    /** A chart of exchanges where none is covered. */
    readonly chartMissing: string;
  };
  readonly authority: {
    readonly heading: string;
    readonly isolated: (count: string, share: string) => string;
    readonly notSurveyed: (count: string) => string;
    readonly isolationUnknown: string;
    readonly fewLinks: string;
    readonly linkedCommunes: (count: number) => string;
    readonly needs: string;
    readonly noNeeds: string;
    readonly since: (date: string) => string;
    readonly more: (count: number) => string;
    /** In place of a list whose answer is still being computed. */
    readonly pending: string;
    readonly growth: string;
    readonly growthLine: (before: number, after: number) => string;
    readonly noGrowth: string;
  };
  readonly funder: {
    readonly heading: string;
    readonly choose: string;
    readonly granted: string;
    /** An amount with no value behind it (in-kind support not valued). */
    readonly inKindOnly: string;
    readonly funded: string;
    readonly context: string;
    readonly association: string;
    readonly grant: string;
  };
  readonly public: {
    readonly heading: string;
    readonly notice: string;
    readonly secret: string;
    readonly communeSecret: string;
    readonly maskedCommunes: (count: number) => string;
    readonly maskedQuarters: (count: number) => string;
    readonly maskedTypes: (count: number) => string;
  };
  readonly table: {
    readonly caption: (indicator: string, period: string) => string;
    readonly commune: string;
    readonly epci: string;
    readonly population: string;
    readonly sortBy: (column: string) => string;
  };
  readonly importer: {
    readonly button: string;
    readonly heading: string;
    readonly intro: string;
    readonly privacy: string;
    readonly drop: string;
    readonly pick: string;
    readonly kinds: Readonly<Record<string, string>>;
    readonly unknownKind: string;
    readonly kindLabel: (file: string) => string;
    readonly remove: string;
    readonly modeTerritory: string;
    readonly modeAdd: string;
    readonly needTerritory: string;
    readonly run: string;
    readonly reading: (step: string) => string;
    readonly failed: (reason: string) => string;
    readonly done: string;
    readonly doneAdd: string;
    readonly file: string;
    readonly format: string;
    readonly read: string;
    readonly kept: string;
    readonly rejected: string;
    readonly warnings: string;
    readonly conserved: string;
    readonly notConserved: string;
    readonly rejectedRows: (file: string) => string;
    readonly line: string;
    readonly field: string;
    readonly reason: string;
    readonly more: (count: number) => string;
    readonly notes: string;
    readonly lines: (lines: LineAccounting, format: (n: number) => string) => string;
    readonly problems: string;
    readonly downloadRejected: (file: string, count: number) => string;
    readonly downloadReport: string;
    readonly tables: (summary: string) => string;
    readonly close: string;
    readonly again: string;
    readonly importedName: (name: string) => string;
  };
  readonly share: {
    readonly button: string;
    readonly heading: string;
    readonly link: string;
    readonly copy: string;
    readonly copied: string;
    readonly embed: string;
    readonly csvFr: string;
    readonly csvData: string;
    readonly png: string;
    readonly print: string;
    readonly close: string;
    readonly note: string;
    readonly pngFailed: (reason: string) => string;
  };
  readonly print: {
    readonly source: (dataset: string) => string;
    readonly method: (url: string) => string;
    readonly printed: (date: string) => string;
    readonly link: string;
  };
  readonly chart: {
    readonly title: string;
    readonly communeTitle: string;
    readonly series: string;
    readonly description: (from: string, to: string) => string;
    readonly none: string;
  };
  readonly period: string;
  readonly resourceTypes: Readonly<Record<ResourceType, string>>;
  readonly themeFamilies: Readonly<Record<ThemeFamily, string>>;
}
