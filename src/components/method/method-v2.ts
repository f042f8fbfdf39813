/**
 * What the method page's v2 sections read from the code: indicators by id (a missing one fails
 * the build), the coefficients of a parameter, the label of a coefficient parameter, and the
 * version log parsed into blocks of text (never rendered as HTML).
 */
import { COEFFICIENTS, type Coefficient } from '../../data/method/coefficients.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { RichText } from '../../i18n/sections/method-page.ts';
import { coefficientLabelEn } from '../../i18n/sections/method-coefficients.ts';
import { indicatorById, type IndicatorDefinition } from '../../indicators/registry.ts';

/** The indicators of `ids`, in that order; throws on an unknown id (the page would link nowhere). */
export function indicatorsOf(ids: readonly string[]): IndicatorDefinition[] {
  return ids.map((id) => {
    const indicator = indicatorById(id);
    if (!indicator) throw new Error(`The method page names an unknown indicator: ${id}`);
    return indicator;
  });
}

/** The coefficients of one parameter (`parametre`), in file order; throws when there is none. */
export function coefficientsOf(parametre: string): Coefficient[] {
  const found = COEFFICIENTS.coefficients.filter((c) => c.parametre === parametre);
  if (found.length === 0) throw new Error(`No coefficient for parameter ${parametre}`);
  return found;
}

/** The coefficient `id`; throws when the file has none. */
export function coefficientOf(id: string): Coefficient {
  const found = COEFFICIENTS.coefficients.find((c) => c.id === id);
  if (!found) throw new Error(`No coefficient ${id}`);
  return found;
}

/**
 * A coefficient parameter named for people: the label of its first coefficient in the file (in
 * English when there is one), without the part that names one key in parentheses.
 */
export function parameterLabel(parametre: string, lang: 'fr' | 'en'): string {
  const [first] = coefficientsOf(parametre);
  if (!first) return parametre;
  return lang === 'fr' ? first.libelle : (coefficientLabelEn(first) ?? first.libelle);
}

/** A block of the version log. */
export type ChangelogBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly text: RichText }
  | { readonly kind: 'list'; readonly items: readonly RichText[] }
  | { readonly kind: 'table'; readonly header: readonly RichText[]; readonly rows: readonly RichText[][] }
  | { readonly kind: 'paragraph'; readonly text: RichText };

/** Inline Markdown as text: `code` set apart, links and emphasis reduced to their words. */
export function inlineText(line: string): RichText {
  const plain = line
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*]+)\*/g, '$1$2');
  return plain
    .split(/(`[^`]+`)/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('`') && part.endsWith('`') ? { code: part.slice(1, -1) } : part));
}

/** The cells of a Markdown table row (`| a | b |`). */
function cells(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** A Markdown table's separator row (`| --- | :-: |`). */
const TABLE_RULE = /^\|(\s*:?-+:?\s*\|)+$/;

/**
 * The version log (Markdown: headings, bullet lists, tables, paragraphs) as blocks; the first
 * heading, the file's title, is left out (the page's section has its own). Continuation lines
 * join their item or paragraph.
 */
export function parseChangelog(markdown: string): ChangelogBlock[] {
  const blocks: ChangelogBlock[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  let table: string[][] = [];
  let titleSeen = false;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: inlineText(paragraph.join(' ')) });
    if (items.length > 0) blocks.push({ kind: 'list', items: items.map(inlineText) });
    const [header, ...rows] = table;
    if (header) {
      blocks.push({
        kind: 'table',
        header: header.map(inlineText),
        rows: rows.map((row) => row.map(inlineText)),
      });
    }
    paragraph = [];
    items = [];
    table = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^[-*+]\s+(.*)$/.exec(line);
    if (line === '') {
      flush();
    } else if (line.startsWith('|')) {
      if (paragraph.length > 0 || items.length > 0) flush();
      if (!TABLE_RULE.test(line.replace(/\s/g, ''))) table.push(cells(line));
    } else if (heading) {
      flush();
      const level = heading[1]?.length ?? 1;
      if (level === 1 && !titleSeen) titleSeen = true;
      else blocks.push({ kind: 'heading', level, text: inlineText(heading[2] ?? '') });
    } else if (item) {
      if (paragraph.length > 0 || table.length > 0) flush();
      items.push(item[1] ?? '');
    } else if (items.length > 0) {
      items[items.length - 1] += ` ${line}`;
    } else {
      if (table.length > 0) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** A coefficient's value as the coefficient table writes it: its own decimals, at most four. */
export function coefficientValue(value: number, lang: 'fr' | 'en'): string {
  const decimals = Number.isInteger(value) ? 0 : Math.min(4, String(value).split('.')[1]?.length ?? 0);
  return formatNumber(value, decimals, lang === 'fr' ? 'fr-FR' : 'en-GB');
}
