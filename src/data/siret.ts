import validator from 'validator';

/** SIREN of La Poste, whose establishments do not follow the Luhn rule (INSEE exception). */
const LA_POSTE_SIREN = '356000000';

/**
 * Whether a 14-digit SIRET is valid: Luhn checksum, or for La Poste's establishments a digit sum
 * divisible by 5 (the rule Validata's `siret` check applies).
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== '35600000000048') {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  return validator.isLuhnNumber(siret);
}
