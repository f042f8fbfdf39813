/**
 * Rows of a CSV file written without quotes although cells contain the separator (as some
 * SCDL files written by hand: « 25 000,00 » and sentences with commas, comma-separated): the
 * row has more cells than the header. The cells are put back together by shape — SIRETs,
 * dates, amounts, « aide en numéraire », oui/non are anchors; free-text columns take one or
 * more pieces — and the row is kept only when such an alignment exists.
 */

/** How a column's cell looks, for realigning pieces. */
export type Shape = 'text' | 'token' | 'siret' | 'rna' | 'date' | 'amount' | 'nature' | 'boolean' | 'number';

const SHAPES: Readonly<Record<Exclude<Shape, 'text' | 'amount'>, RegExp>> = {
  token: /^[^,]*$/,
  siret: /^$|^[\d\s\u00a0\u202f'.]{14,22}$/,
  rna: /^$|^W\d{9}$/i,
  date: /^$|^\d{4}(-\d{2}-\d{2})?$|^\d{1,2}\/\d{1,2}\/\d{4}$/,
  nature: /^\s*(aide\s+)?en\s+(numéraire|nature)/i,
  boolean: /^$|^(oui|non|true|false|vrai|faux|[01on])$/i,
  number: /^$|^\d+([.,]\d+)?\s*%?$/,
};

const INTEGER_PART = /^\d{1,3}([\s\u00a0\u202f]\d{3})*$|^\d+$/;
const DECIMALS = /^\d{1,2}$/;

/**
 * Splits `pieces` (a row cut at every separator) into one cell per column, or null when no
 * alignment fits. Among several, free-text columns earlier in the row take as few pieces as
 * possible (a name is usually shorter than the sentence after it).
 */
export function realignRow(
  pieces: readonly string[],
  shapes: readonly Shape[],
  separator: string,
): string[] | null {
  const n = pieces.length;
  const failed = new Set<string>();
  const solve = (column: number, start: number): string[] | null => {
    if (column === shapes.length) return start === n ? [] : null;
    if (start >= n) return null;
    const key = `${column}:${start}`;
    if (failed.has(key)) return null;
    const shape = shapes[column] as Shape;
    const remainingColumns = shapes.length - column - 1;
    const spans: number[] = [];
    if (shape === 'text') for (let span = 1; start + span + remainingColumns <= n; span++) spans.push(span);
    else if (shape === 'amount') spans.push(1, 2);
    else spans.push(1);
    for (const span of spans) {
      if (start + span > n) continue;
      const part = pieces.slice(start, start + span);
      let cell: string | null = null;
      if (shape === 'text') cell = part.join(separator);
      else if (shape === 'amount') {
        const [whole = '', decimals] = part;
        if (span === 1 && (INTEGER_PART.test(whole.trim()) || /^\d+\.\d+$/.test(whole.trim()))) cell = whole;
        if (span === 2 && INTEGER_PART.test(whole.trim()) && DECIMALS.test((decimals ?? '').trim()))
          cell = `${whole},${decimals}`;
      } else if (SHAPES[shape].test((part[0] ?? '').trim())) cell = part[0] ?? '';
      if (cell === null) continue;
      const rest = solve(column + 1, start + span);
      if (rest) return [cell, ...rest];
    }
    failed.add(key);
    return null;
  };
  return solve(0, 0);
}
