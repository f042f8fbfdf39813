import { describe, expect, it } from 'vitest';

import {
  COEFFICIENTS,
  parseCoefficientFile,
  type Coefficient,
} from '../../../src/data/method/coefficients.ts';

/** A shipped coefficient by id (the test fails loudly when it is missing). */
function coefficient(id: string): Coefficient {
  const found = COEFFICIENTS.coefficients.find((c) => c.id === id);
  if (!found) throw new Error(`no coefficient ${id}`);
  return found;
}

/** The shipped file with one coefficient replaced by `bad` (a plain object, fields may be missing). */
function fileWith(bad: Record<string, unknown>): unknown {
  return { ...COEFFICIENTS, coefficients: [bad] };
}

/** `c` without the field `key`. */
function without(c: Coefficient, key: keyof Coefficient): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...c };
  delete copy[key];
  return copy;
}

describe('the coefficient file’s schema', () => {
  const estimate = coefficient('heures_par_jour_locaux');
  const read = coefficient('cout_transport_km');

  it('accepts the shipped file and a single coefficient copied from it', () => {
    expect(estimate.statut).toBe('estime');
    expect(read.statut).toBe('lu');
    expect(read.bornes).toBe('lues');
    expect(parseCoefficientFile(fileWith({ ...estimate })).coefficients).toHaveLength(1);
    expect(parseCoefficientFile(fileWith({ ...read })).coefficients).toHaveLength(1);
  });

  it('rejects an estimate without a justification, or with a blank one', () => {
    expect(() => parseCoefficientFile(fileWith(without(estimate, 'justification')))).toThrow(
      'une estimation doit être justifiée',
    );
    expect(() => parseCoefficientFile(fileWith({ ...estimate, justification: '   ' }))).toThrow();
    // A read value may go without one.
    expect(() => parseCoefficientFile(fileWith(without(read, 'justification')))).not.toThrow();
  });

  it('rejects estimated bounds without a justification, even around a central value read in the source', () => {
    const readCentre = { ...without(read, 'justification'), bornes: 'estimees' };
    expect(() => parseCoefficientFile(fileWith(readCentre))).toThrow(
      'des bornes estimées doivent être justifiées',
    );
    expect(() => parseCoefficientFile(fileWith({ ...readCentre, justification: ' ' }))).toThrow(
      'des bornes estimées doivent être justifiées',
    );
    expect(() =>
      parseCoefficientFile(fileWith({ ...readCentre, justification: 'Haut fixé à +30 %.' })),
    ).not.toThrow();
    // Bounds must say which they are.
    expect(() => parseCoefficientFile(fileWith(without(read, 'bornes')))).toThrow(/"bornes"/);
    expect(() => parseCoefficientFile(fileWith({ ...read, bornes: 'justifiees' }))).toThrow(/"bornes"/);
  });

  it('rejects a coefficient without a reference, a year or an access date, or with an empty reference', () => {
    expect(() => parseCoefficientFile(fileWith(without(read, 'reference')))).toThrow(/"reference"/);
    expect(() => parseCoefficientFile(fileWith({ ...read, reference: ' ' }))).toThrow(/"reference"/);
    expect(() => parseCoefficientFile(fileWith(without(read, 'annee')))).toThrow(/"annee"/);
    expect(() => parseCoefficientFile(fileWith({ ...read, annee: 2025.5 }))).toThrow(/"annee"/);
    expect(() => parseCoefficientFile(fileWith(without(read, 'consultation')))).toThrow(/"consultation"/);
  });

  it('rejects an access date that does not exist, and accepts a version instead of a date', () => {
    expect(() => parseCoefficientFile(fileWith({ ...read, consultation: '2026-02-30' }))).toThrow(
      'date de consultation AAAA-MM-JJ invalide',
    );
    expect(() => parseCoefficientFile(fileWith({ ...read, consultation: '2026-11-26' }))).not.toThrow();
    expect(() =>
      parseCoefficientFile(fileWith({ ...read, consultation: 'Base Empreinte v23.6' })),
    ).not.toThrow();
  });

  it('rejects a source that only says « Estimation Symbiose »', () => {
    expect(() => parseCoefficientFile(fileWith({ ...estimate, source: 'Estimation Symbiose' }))).toThrow(
      'pas seulement « Estimation Symbiose »',
    );
    expect(() =>
      parseCoefficientFile(fileWith({ ...estimate, source: 'Estimation Symbiose (provisoire)' })),
    ).toThrow('pas seulement « Estimation Symbiose »');
  });

  it('requires the date of the values and the statement of which values apply to which period', () => {
    const noDate: Record<string, unknown> = { ...COEFFICIENTS };
    delete noDate.valeurs_au;
    const noApplication: Record<string, unknown> = { ...COEFFICIENTS };
    delete noApplication.application;
    expect(() => parseCoefficientFile(noDate)).toThrow(/"valeurs_au"/);
    expect(() => parseCoefficientFile(noApplication)).toThrow(/"application"/);
    expect(() => parseCoefficientFile({ ...COEFFICIENTS, valeurs_au: '2026-13-01' })).toThrow();
  });
});

describe('the shipped coefficient file (method 2.0.0)', () => {
  it('is version 2.0.0 of 26 November 2026, with legal values at 1 January 2026 applied to every period', () => {
    expect([COEFFICIENTS.version, COEFFICIENTS.date, COEFFICIENTS.valeurs_au]).toEqual([
      '2.0.0',
      '2026-11-26',
      '2026-01-01',
    ]);
    expect(COEFFICIENTS.application).toContain('1er janvier 2026');
    expect(COEFFICIENTS.application).toContain('toutes les périodes');
    expect(COEFFICIENTS.application).toContain('sans déflation');
  });

  it('gives every coefficient a reference, a year and an access date or version', () => {
    for (const c of COEFFICIENTS.coefficients) {
      expect(c.reference.length, c.id).toBeGreaterThan(5);
      // The halls' consumptions come from an audit made before works of 2008: the oldest figures.
      expect(Number.isInteger(c.annee) && c.annee >= 2008 && c.annee <= 2026, c.id).toBe(true);
      expect(c.consultation.length, c.id).toBeGreaterThan(5);
    }
  });

  it('says « lu » of a read central value only, and « bornes estimées » of bounds the sources do not give', () => {
    // Bounds Symbiose set around a central value read in the source (the reviewer's examples).
    for (const id of [
      'facteur_detour', // 1,4 is in neither source
      'ef_fabrication.videoprojecteur', // twice the value read
      'duree_vie_jours.voiture', // 12 and 22 years around the 19 read
      'ef_fabrication.mobilier_chaise', // ±30 %
      'ef_fabrication.mobilier_table',
    ]) {
      expect([coefficient(id).statut, coefficient(id).bornes], id).toEqual(['lu', 'estimees']);
    }
    // Both bounds read: the lowest and highest of the tariffs read, the rows 3 CV and 7 CV.
    expect(coefficient('prix_locaux_jour').bornes).toBe('lues');
    expect(coefficient('cout_transport_km').bornes).toBe('lues');
    // Every bound set by Symbiose is justified (the schema refuses it otherwise).
    for (const c of COEFFICIENTS.coefficients.filter((c) => c.bornes === 'estimees')) {
      expect(c.justification?.length ?? 0, c.id).toBeGreaterThan(20);
    }
  });

  it('writes no note as boilerplate: no note text on more than 3 coefficients', () => {
    const counts = new Map<string, number>();
    for (const c of COEFFICIENTS.coefficients) {
      if (c.note) counts.set(c.note, (counts.get(c.note) ?? 0) + 1);
    }
    const repeated = [...counts].filter(([, count]) => count > 3);
    expect(repeated).toEqual([]);
    // The blanket sentence of the first draft is gone.
    expect(counts.has('Valeurs non vérifiées sur une source publique.')).toBe(false);
  });

  it('splits one observed hall consumption between the use and the rest of the year, over the same hours', () => {
    const duringUse = coefficient('energie_locaux_kwh_m2_h');
    const outsideUse = coefficient('ef_locaux_m2_an');
    const hours = coefficient('heures_reference_locaux');
    const factor = coefficient('ef_energie_kwh');
    // By hand, centre: E = 288 kWh/m²·year, H = 1 500 h, a quarter outside use.
    // During use: 0,75 × 288 ÷ 1 500 = 0,144 kWh/m²·h; outside use: 0,25 × 288 × 0,15 = 10,8 kgCO₂e/m²·year.
    expect(hours.central).toBe(1500);
    expect(duringUse.central).toBe(0.144);
    expect(outsideUse.central).toBe(10.8);
    // Both parts add up to the observed 288 kWh/m²·year, counted once: 0,144 × 1 500 + 10,8 ÷ 0,15 = 216 + 72.
    const kwhYear = duringUse.central * hours.central + outsideUse.central / factor.central;
    expect(Math.round(kwhYear * 1000) / 1000).toBe(288);
  });

  it('cites no coefficient with « Estimation Symbiose » alone, and justifies every estimate', () => {
    for (const c of COEFFICIENTS.coefficients) {
      expect(c.source.trim(), c.id).not.toBe('Estimation Symbiose');
      expect(c.source, c.id).not.toMatch(/^Estimation Symbiose\b/);
      if (c.statut === 'estime') expect(c.justification?.length ?? 0, c.id).toBeGreaterThan(20);
    }
  });

  it('keeps low ≤ central ≤ high for every read coefficient', () => {
    const read = COEFFICIENTS.coefficients.filter((c) => c.statut === 'lu');
    expect(read.length).toBeGreaterThan(10);
    for (const c of read) expect(c.bas <= c.central && c.central <= c.haut, c.id).toBe(true);
  });

  it('values a volunteer hour from the gross hourly SMIC of 1 January 2026 (12,02 €)', () => {
    const hour = coefficient('valeur_heure_benevole');
    // By hand: 12,02 €/h × 35 h × 52 weeks ÷ 12 months = 1 823,03 €, the announced monthly SMIC.
    expect(Math.round(((12.02 * 35 * 52) / 12) * 100) / 100).toBe(1823.03);
    expect(hour.bas).toBe(12.02);
    expect(hour.source).toContain('12,02 € au 1er janvier 2026');
    expect(hour.source).toContain('Décret n° 2025-1228');
    // Central: the « SMIC chargé », 12,02 × 1,311 = 15,758 → 15,76; high: 1,5 × 15,758 = 23,637 → 23,64.
    expect([hour.central, hour.haut]).toEqual([15.76, 23.64]);
  });

  it('costs a full-time job with the same SMIC and the same employer-charge convention as the volunteer hour', () => {
    const job = coefficient('cout_etp_an');
    const hour = coefficient('valeur_heure_benevole');
    // Low bound: the gross annual SMIC of 2026, without employer charges, like the hour's low bound:
    // 12,02 × 35 h × 52 weeks = 21 876,40 → 21 876 €.
    expect(job.bas).toBe(Math.floor(hour.bas * 35 * 52));
    expect(job.bas).toBe(21876);
    // Central: 26 320 € (2009) × 48 060 ÷ 34 308 (social security ceilings) = 36 870 €, × 1,311 → 48 340 €,
    // the factor that turns the SMIC into the hour's central value (15,76 ÷ 12,02 ≈ 1,311).
    expect(Math.round((((26320 * 48060) / 34308) * 1.311) / 10) * 10).toBe(job.central);
    expect(Math.round((hour.central / hour.bas) * 1000) / 1000).toBe(1.311);
    // High: 24,2 €/h × 1 820 h × 48 060 ÷ 34 308 × 1,311 = 80 887 → 80 890 €.
    expect(Math.round((((24.2 * 1820 * 48060) / 34308) * 1.311) / 10) * 10).toBe(job.haut);
    expect(job.annee).toBe(2026);
    for (const text of [job.justification ?? '', hour.justification ?? '']) {
      expect(text).toContain('Même convention de cotisations patronales');
    }
  });

  it('costs a kilometre with the mileage scale in force, rows 3 CV, 5 CV and 7 CV and more', () => {
    const km = coefficient('cout_transport_km');
    expect([km.bas, km.central, km.haut]).toEqual([0.529, 0.636, 0.697]);
    expect(km.reference).toContain('5 CV d × 0,636');
    expect(km.statut).toBe('lu');
    // The primary text is named; the pages it was read on are the second reference.
    expect(km.source).toContain('BOI-BAREME-000001');
    expect(km.note).toContain('non ouverts');
  });

  it('keeps the one-day hall price within the tariffs read (100 to 280 €), centred on their median', () => {
    const day = coefficient('prix_locaux_jour');
    // The eight tariffs read: 100, 130, 140, 150, 200, 250, 260, 280 € → median (150 + 200) / 2 = 175.
    expect([day.bas, day.central, day.haut]).toEqual([100, 175, 280]);
  });

  it('renames the gift share (part_valeur_occasion → part_vie_restante_don)', () => {
    const ids = COEFFICIENTS.coefficients.map((c) => c.id);
    expect(ids).not.toContain('part_valeur_occasion');
    expect(coefficient('part_vie_restante_don').libelle).toContain('fabrication');
  });
});
