import type { RichText } from './method-page.ts';
import { methodV2En } from './method-v2-en.ts';
import { methodV2Fr } from './method-v2-fr.ts';

/*
 * Texts of the method page's v2 sections (src/components/method/*Section.astro): what Symbiose
 * publishes, what would have happened without the exchange, data quality, uncertainty with the
 * demo territory's tornado, time, and the versions of the method. French first. Rules, tiers,
 * coefficients, thresholds and SQL come from the code and are passed in, never typed here.
 */

/** A term and its explanation (a row of a definition list). */
export interface Term {
  readonly term: string;
  readonly detail: RichText;
}

/** The separate figures of « Ce que publie Symbiose », by indicator id. */
export type PublishedFigure =
  'cout-evite-net' | 'valeur-benevolat' | 'valeur-personnel' | 'valeur-marche-declaree';

/** Answers to « would have bought » (`aurait_achete`; `inconnu`: no answer), as in the coefficient file. */
export type Answer = 'oui' | 'partiel' | 'non' | 'inconnu';

/** Quality tiers (`statut_donnee`). */
export type Tier = 'declare' | 'confirme' | 'verifie';

export interface MethodV2Texts {
  /** The method version in the page's header, and the link to the version log. */
  readonly version: (version: string) => string;
  readonly versionTitle: string;
  readonly published: {
    readonly title: string;
    readonly intro: string;
    readonly columns: {
      readonly figure: string;
      readonly nature: string;
      readonly base: string;
      readonly caution: string;
    };
    readonly figures: Readonly<
      Record<PublishedFigure, { readonly nature: string; readonly base: string; readonly caution: string }>
    >;
    /** Said under the staff row, before the link to the re-invoiced part. */
    readonly reinvoiced: string;
    readonly noSum: string;
    readonly wordsTitle: string;
    readonly outputsTerm: string;
    readonly outputs: string;
    readonly effectsTerm: string;
    readonly effects: string;
    readonly valuationsTerm: string;
    readonly valuations: string;
    readonly impactTerm: string;
    readonly impact: string;
  };
  readonly counterfactual: {
    readonly title: string;
    readonly intro: RichText;
    readonly caption: (rules: number) => string;
    readonly columns: {
      readonly rule: string;
      readonly types: string;
      readonly modalities: string;
      readonly alternative: string;
    };
    readonly anyModality: string;
    readonly modalities: Readonly<Record<string, string>>;
    readonly sql: string;
    readonly sqlColumns: {
      readonly cost: string;
      readonly manufacturing: string;
      readonly premises: string;
      readonly matter: string;
    };
    readonly sqlNote: RichText;
    readonly commonTitle: string;
    readonly substitution: Term;
    readonly answersCaption: string;
    readonly answerColumns: { readonly answer: string; readonly central: string; readonly range: string };
    readonly answers: Readonly<Record<Answer, string>>;
    readonly declared: Term;
    readonly transport: Term;
    readonly energy: Term;
    readonly coefficients: string;
  };
  readonly quality: {
    readonly title: string;
    readonly intro: RichText;
    readonly caption: string;
    readonly columns: {
      readonly tier: string;
      readonly meaning: string;
      readonly factor: string;
      readonly range: string;
    };
    readonly tiers: Readonly<Record<Tier, string>>;
    readonly factorTerm: string;
    readonly factor: RichText;
    /** The dashboard's quality filter (its label and choices come from method-v2-figures.ts). */
    readonly filterTerm: (label: string) => string;
    readonly filter: string;
    readonly indicatorsTerm: string;
  };
  readonly uncertainty: {
    readonly title: string;
    readonly terms: {
      readonly intervals: Term;
      readonly envelope: Term;
      readonly why: Term;
      readonly oneAtATime: Term;
      readonly dominance: (threshold: string) => Term;
    };
  };
  readonly tornado: {
    readonly title: string;
    readonly intro: (name: string, period: string) => string;
    readonly missing: RichText;
    readonly value: string;
    readonly range: string;
    readonly caption: (figure: string) => string;
    readonly columns: { readonly parameter: string; readonly swing: string; readonly values: string };
    readonly centralLine: string;
    readonly zero: string;
    readonly strongest: (parameter: string, range: string) => string;
    readonly none: string;
    readonly exchanges: (share: string, count: string) => string;
    readonly dominated: (threshold: string) => string;
    readonly notDominated: (threshold: string) => string;
  };
  readonly time: {
    readonly title: string;
    readonly belongs: Term;
    readonly proRata: Term;
    readonly proRataSql: string;
    readonly counts: Term;
    readonly recurrent: Term;
    readonly valuesTerm: (date: string) => string;
  };
  readonly changelog: {
    readonly title: string;
    readonly intro: (version: string, date: string) => string;
    /** The summary of the folded log (written in French). */
    readonly log: string;
  };
}

export const methodV2Texts: Readonly<Record<'fr' | 'en', MethodV2Texts>> = { fr: methodV2Fr, en: methodV2En };
