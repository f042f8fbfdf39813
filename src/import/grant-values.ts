/*
 * Values of grants files as publishers write them: beneficiaries' identifiers damaged by
 * spreadsheets, natures in every spelling, amounts with a letter spilled over from the column
 * before (fixed-width exports converted from PDF), postcodes that lost a leading zero.
 */
import { GRANT_NATURES } from '../data/schema/vocabularies.ts';
import { isValidSiret } from '../data/siret.ts';
import validator from 'validator';

import type { Read } from './values.ts';

/** A beneficiary identifier: a SIRET, a SIREN (to find another establishment), or why neither. */
export interface BeneficiaryId {
  readonly siret: string | null;
  readonly siren: string | null;
  /** Why the identifier is not kept (a warning: the row may still be kept by its name). */
  readonly problem?: string;
  /** A natural person's social security number: the row must not be kept (personal data). */
  readonly personal?: boolean;
}

/**
 * Reads a beneficiary's identifier: spaces, dots and a stray apostrophe removed; scientific
 * notation and numbers rounded by a spreadsheet (14 digits ending in 00000, 13 digits) are
 * damaged identifiers; 15 digits starting with 1 or 2 are a NIR.
 */
export function readSiretOrSiren(text: string): BeneficiaryId {
  const raw = text.trim();
  if (!raw) return { siret: null, siren: null };
  if (/^\d+([.,]\d+)?E\+?\d+$/i.test(raw))
    return {
      siret: null,
      siren: null,
      problem: `« ${raw} » abîmé par un tableur (notation scientifique) : chiffres perdus`,
    };
  const digits = raw.replace(/[\s\u00a0\u202f'.-]/g, '');
  if (/^[12]\d{14}$/.test(digits))
    return {
      siret: null,
      siren: null,
      personal: true,
      problem: 'numéro de sécurité sociale (NIR) : aide à une personne physique',
    };
  if (/^\d{14}$/.test(digits)) {
    if (digits.endsWith('00000'))
      return {
        siret: null,
        siren: null,
        problem: `SIRET ${digits} arrondi par un tableur (finit par 00000) : identifiant perdu`,
      };
    if (!isValidSiret(digits))
      return {
        siret: null,
        siren: digits.slice(0, 9),
        problem: `SIRET ${digits} invalide (clé de contrôle)`,
      };
    return { siret: digits, siren: digits.slice(0, 9) };
  }
  if (/^\d{13}$/.test(digits) && digits.endsWith('00000'))
    return {
      siret: null,
      siren: null,
      problem: `« ${raw} » : SIRET arrondi par un tableur et privé de son premier zéro`,
    };
  if (/^\d{9}$/.test(digits))
    return validator.isLuhnNumber(digits)
      ? {
          siret: null,
          siren: digits,
          problem: `SIREN ${digits} au lieu d’un SIRET : sert au rattachement, non repris comme SIRET`,
        }
      : { siret: null, siren: null, problem: `SIREN ${digits} invalide (clé de contrôle)` };
  return {
    siret: null,
    siren: null,
    problem: `« ${raw.slice(0, 40)} » : ni SIRET (14 chiffres) ni SIREN (9 chiffres)`,
  };
}

/** « en numéraire », « Aide en numeraire », « NUMERAIRE » → the schema's « aide en numéraire ». */
export function readNature(text: string): Read<(typeof GRANT_NATURES)[number]> {
  const raw = text.trim();
  if (!raw) return { value: null };
  const folded = raw
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
  const cash = /numeraire/.test(folded);
  const kind = /nature/.test(folded);
  const value = cash && kind ? GRANT_NATURES[2] : cash ? GRANT_NATURES[0] : kind ? GRANT_NATURES[1] : null;
  if (!value) return { value: null, error: `nature « ${text} » hors de : ${GRANT_NATURES.join(', ')}` };
  return value === raw ? { value } : { value, normalised: `nature « ${text} » lue « ${value} »` };
}

/**
 * One capital letter in front of a number (« M72000 », « N    82 584,28 »): the last letter of
 * the text column before, cut at a fixed width when the table was converted from a PDF. A word
 * (« EUR 2000 ») is not a spilled letter. Returns the letter and the rest.
 */
export function spilledLetters(text: string): { letters: string; rest: string } | null {
  const match = /^([A-ZÀ-ÖØ-Þ])\s*(\d[\d\s\u00a0\u202f.,]*)$/.exec(text.trim());
  return match ? { letters: match[1] ?? '', rest: match[2] ?? '' } : null;
}

/** A postcode as five digits: « 2290 » written as a number lost its leading zero. */
export function readPostcode(text: string): string | null {
  const digits = text.trim().replace(/\s/g, '');
  if (/^\d{5}$/.test(digits)) return digits;
  if (/^\d{4}$/.test(digits)) return `0${digits}`;
  return null;
}

/** « ANGERS CEDEX 01 » → « ANGERS »: the town of a postal address. */
export function townOf(text: string): string {
  return text
    .replace(/\s+cedex(\s+\d+)?\s*$/i, '')
    .replace(/\s+\d+(e|er|eme|ème)?\s+arrondissement?\w*$/i, '')
    .trim();
}

/** A checkbox-like cell of an in-kind column (« X », « oui »). */
export function isTicked(text: string): boolean {
  return /^(x|oui|o|1|vrai|true)$/i.test(text.trim());
}
