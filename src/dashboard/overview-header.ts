import type { FunderViewMessages } from '../i18n/sections/funder-view.ts';

/** What the overview's header needs to know about the view. */
export interface OverviewHeaderInput {
  /** The page is set up for a funder. */
  readonly funderView: boolean;
  /** The chosen funder (or programme) as named on screen; null when none is chosen. */
  readonly funderName: string | null;
  /** The chosen intercommunalité, or null for the whole territory. */
  readonly epciName: string | null;
  readonly territoryName: string;
  /** Associations the chosen funder funded in the period (whole territory); null when unknown. */
  readonly funded: number | null;
  /** Those of the zone still active at the period's end, as the indicators count them. */
  readonly activeFunded: number | null;
  readonly text: {
    /** Kicker of the territory and of an intercommunalité. */
    readonly territory: string;
    readonly epci: string;
    readonly funder: FunderViewMessages;
    readonly number: (value: number) => string;
  };
}

/** The overview's kicker, title, note, and whether the zone's own figures (communes, inhabitants, associations) show. */
export interface OverviewHeader {
  readonly kicker: string;
  readonly title: string;
  readonly note: string | null;
  readonly territoryFigures: boolean;
}

/**
 * The header of the overview: the territory or intercommunalité; for a funder, the funder named
 * with what its figures cover — its funded associations, never the zone's active ones without
 * saying so — or « Tous financeurs » and how to choose one.
 */
export function overviewHeader(input: OverviewHeaderInput): OverviewHeader {
  const { text, epciName } = input;
  if (!input.funderView) {
    return {
      kicker: epciName ? text.epci : text.territory,
      title: epciName ?? input.territoryName,
      note: null,
      territoryFigures: true,
    };
  }
  const kicker = epciName ? `${text.funder.kicker} · ${epciName}` : text.funder.kicker;
  if (!input.funderName) {
    return { kicker, title: text.funder.allFunders, note: text.funder.howToChoose, territoryFigures: true };
  }
  const active = input.activeFunded;
  let note: string | null = null;
  if (active !== null) {
    note =
      input.funded !== null && !epciName
        ? text.funder.scope(text.number(input.funded), text.number(active))
        : text.funder.scopeActive(text.number(active));
  }
  return { kicker, title: input.funderName, note, territoryFigures: false };
}
