/**
 * Appends the Luhn check digit that makes `digits` a valid SIREN/SIRET-style number: the one
 * digit that brings the Luhn sum (every second digit doubled, starting with the last of `digits`)
 * to a multiple of ten.
 */
export function withLuhnDigit(digits: string): string {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    const digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) throw new Error(`No Luhn check digit for ${digits}`);
    const value = double ? digit * 2 : digit;
    sum += value > 9 ? value - 9 : value;
  }
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

/** A fictional SIREN (9 digits, Luhn-valid) from an 8-digit body. */
export function fictionalSiren(body: number): string {
  return withLuhnDigit(String(body).padStart(8, '0').slice(-8));
}

/** A fictional SIRET (14 digits, Luhn-valid): a SIREN and an establishment number. */
export function fictionalSiret(siren: string, establishment = 1): string {
  return withLuhnDigit(`${siren}${String(establishment).padStart(4, '0')}`);
}

/**
 * A fictional RNA number: `W` and 9 digits. Real numbers start with the declaring prefecture's
 * code; ours start with `000`, which no prefecture uses, below a million associations.
 */
export function fictionalRna(sequence: number): string {
  return `W${String(sequence).padStart(9, '0')}`;
}

/**
 * Commune code of the index-th commune: 5 digits, whose first two (the département) are `00`,
 * a code no real département has, below a thousand communes.
 */
export function fictionalInseeCode(index: number): string {
  return String(index + 1).padStart(5, '0');
}
