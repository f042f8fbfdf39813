/*
 * What the exported map image says around the map, as lines of plain text: the indicator and
 * the zone (territory, intercommunalité or selected commune), the period, the zone's active and
 * isolated associations, the active filters (data quality among them), then the source, the
 * method version, the date of export, the permalink and, for a generated dataset, the fictional
 * notice. Pure: the hook that draws the image measures, wraps and paints these lines. The printed
 * commune sheet reads its header from the same lines (`zoneLine`, `periodLine`,
 * `associationsLine`, `filterLines`) and its footer's method version from `methodLine`. Names
 * (zone, intercommunalité, funder, dataset) are isolated (src/i18n/isolate.ts): the canvas lays
 * text out with the Unicode bidirectional algorithm, and no mark or override in a name may
 * reorder the rest of its line; the caption is drawn as text, never parsed as markup.
 */
import { COEFFICIENTS } from '../data/method/coefficients.ts';
import type { ResourceType } from '../data/schema/index.ts';
import { formatDate, formatMonth, formatNumber } from '../i18n/format.ts';
import type { Messages } from '../i18n/messages.ts';
import { exportMessages } from '../i18n/sections/exports.ts';
import { methodV2FigureMessages } from '../i18n/sections/method-v2-figures.ts';
import { isolatedCount } from '../dashboard/commune-table.ts';
import type { QualityTier, Side } from '../indicators/filters.ts';
import type { ZoneIndicators } from '../indicators/registry.ts';
import { isolate } from '../i18n/isolate.ts';

/** Colour of the title band at the top of the image (white text over it). */
export const PNG_TITLE_BAND = '#1f3a5f';
/** Colour of the footer band under the map. */
export const PNG_FOOTER_BAND = '#f2f4f7';

/** The zone the view is about: the whole territory, an intercommunalité, or the selected commune. */
export type CaptionZone =
  | { readonly kind: 'territory'; readonly name: string }
  | { readonly kind: 'epci'; readonly name: string }
  | {
      readonly kind: 'commune';
      readonly name: string;
      readonly code: string;
      /** Its intercommunalité's name, if it has one. */
      readonly epci: string | null;
    };

/**
 * Associations of the caption's zone: active ones (the register), surveyed ones and, among these,
 * those without any declared partner in the period (null where none is surveyed).
 */
export interface CaptionAssociations {
  readonly active: number;
  readonly surveyed: number | null;
  readonly isolated: number | null;
}

/** The associations of a zone for a caption; null when the zone is unknown or masked. */
export function captionAssociations(
  zone: ZoneIndicators | null,
  masked: boolean,
): CaptionAssociations | null {
  const active = zone?.parts.associations_actives.central ?? null;
  if (!zone || masked || active === null) return null;
  return {
    active,
    surveyed: zone.parts.associations_couvertes.central,
    isolated: isolatedCount(zone.parts),
  };
}

/** The facts of the view the caption tells, already named (labels, names) but not yet worded. */
export interface CaptionFacts {
  /** The indicator as shown (per 1,000 inhabitants or not), in the page's language. */
  readonly indicator: string;
  /** Its unit when the name does not say it, else null. */
  readonly unit: string | null;
  readonly zone: CaptionZone;
  /** First and last month or day (ISO) of the period; null when unknown. */
  readonly period: { readonly start: string; readonly end: string } | null;
  readonly types: readonly ResourceType[];
  /** Display families of themes (sport, culture…). */
  readonly families: readonly string[];
  readonly funder: { readonly name: string; readonly side: Side } | null;
  /** Lowest quality tier of the exchanges kept (`declare`: all of them, no filter). */
  readonly quality: QualityTier;
  /** The zone's associations; null when unknown or masked (public view). */
  readonly associations: CaptionAssociations | null;
  readonly publicView: boolean;
  /** The dataset's name, and whether it is generated for the demonstration. */
  readonly dataset: string;
  readonly fictional: boolean;
  /** Day of the export, ISO (`YYYY-MM-DD`). */
  readonly date: string;
  readonly permalink: string;
}

/** The lines above the map (the first is the title) and under it. */
export interface PngCaption {
  readonly title: string;
  readonly header: readonly string[];
  readonly footer: readonly string[];
}

/** « Commune : Urseuil (00057) · Intercommunalité : … », « Territoire : … ». */
export function zoneLine(zone: CaptionZone, m: Messages): string {
  const x = exportMessages[m.lang];
  const name = isolate(zone.name);
  switch (zone.kind) {
    case 'territory':
      return x.territory(name);
    case 'epci':
      return x.epci(name);
    case 'commune':
      return zone.epci
        ? `${x.commune(name, zone.code)} · ${x.inEpci(isolate(zone.epci))}`
        : x.commune(name, zone.code);
  }
}

/** « Période : janv. 2023 – juin 2024 », or null when the period is unknown. */
export function periodLine(period: CaptionFacts['period'], m: Messages): string | null {
  if (!period) return null;
  return exportMessages[m.lang].period(
    formatMonth(period.start, m.locale),
    formatMonth(period.end, m.locale),
  );
}

/**
 * « Associations actives : 1 234 · isolées : 56 sur 300 enquêtées », or null when the zone's
 * associations are unknown or masked.
 */
export function associationsLine(associations: CaptionAssociations | null, m: Messages): string | null {
  if (!associations) return null;
  const v = methodV2FigureMessages[m.lang];
  const n = (value: number) => formatNumber(value, 0, m.locale);
  const { active, surveyed, isolated } = associations;
  return surveyed && isolated !== null
    ? v.associationsLine(n(active), n(isolated), n(surveyed))
    : v.associationsLineUnknown(n(active));
}

/** « Méthode Symbiose v2.0.0 »: the version of the method (its coefficient file) the figures follow. */
export function methodLine(m: Messages): string {
  return methodV2FigureMessages[m.lang].methodVersion(COEFFICIENTS.version);
}

/**
 * One line per active filter (resources, themes, funder, data quality, public view), « Sans
 * filtre » when none; names joined by « / » (theme names hold commas).
 */
export function filterLines(
  facts: Pick<CaptionFacts, 'types' | 'families' | 'funder' | 'quality' | 'publicView'>,
  m: Messages,
): string[] {
  const x = exportMessages[m.lang];
  const v = methodV2FigureMessages[m.lang];
  const families: Readonly<Record<string, string>> = m.themeFamilies;
  const lines = [
    facts.types.length > 0 ? x.types(facts.types.map((t) => m.resourceTypes[t]).join(' / ')) : null,
    facts.families.length > 0 ? x.themes(facts.families.map((f) => families[f] ?? f).join(' / ')) : null,
    facts.funder ? x.funder(isolate(facts.funder.name), m.filters.sides[facts.funder.side]) : null,
    facts.quality !== 'declare' ? v.qualityLine(v.qualityShort[facts.quality]) : null,
  ].filter((line) => line !== null);
  if (lines.length === 0) lines.push(x.noFilter);
  if (facts.publicView) lines.push(x.publicView);
  return lines;
}

/** The caption of the exported image, line by line. */
export function pngCaption(facts: CaptionFacts, m: Messages): PngCaption {
  const x = exportMessages[m.lang];
  const title = facts.unit ? `${facts.indicator} (${facts.unit})` : facts.indicator;
  const period = periodLine(facts.period, m);
  const associations = associationsLine(facts.associations, m);
  return {
    title,
    header: [
      period ? `${zoneLine(facts.zone, m)} · ${period}` : zoneLine(facts.zone, m),
      ...(associations ? [associations] : []),
      filterLines(facts, m).join(' · '),
    ],
    footer: [
      `${x.source(isolate(facts.dataset))} · ${methodLine(m)} · ${x.exported(formatDate(facts.date, m.locale))}`,
      x.link(facts.permalink),
      ...(facts.fictional ? [m.fictionalNotice] : []),
    ],
  };
}

/**
 * `text` cut into lines no wider than `width` as `measure` reads them, at spaces; a word wider
 * than the line (a long link) is cut where it overflows.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (measure(line) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}
