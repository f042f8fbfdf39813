/**
 * Texts of the notice shown when the address asks for an impossible period (PeriodNotice): what
 * was wrong, and that the default period is shown instead. Months arrive formatted; a value that
 * is no date arrives as written (shortened).
 */
export interface PeriodMessages {
  /** « du » or « au » holds no month. */
  readonly notADate: (key: string, value: string) => string;
  readonly reversed: (from: string, to: string) => string;
  /** The period shares no month with the data's (`data`: « janv. 2024 – déc. 2024 »). */
  readonly outside: (value: string, data: string) => string;
  readonly close: string;
}

const fr: PeriodMessages = {
  notADate: (key, value) =>
    `Période impossible dans l’adresse : « ${value} » (${key}=) n’est pas une date ; période par défaut affichée.`,
  reversed: (from, to) =>
    `Période impossible dans l’adresse : le début (${from}) est après la fin (${to}) ; période par défaut affichée.`,
  outside: (value, data) =>
    `Période impossible dans l’adresse : aucune donnée en ${value} (les données couvrent ${data}) ; période par défaut affichée.`,
  close: 'Fermer',
};

const en: PeriodMessages = {
  notADate: (key, value) =>
    `Impossible period in the address: “${value}” (${key}=) is not a date; showing the default period.`,
  reversed: (from, to) =>
    `Impossible period in the address: the start (${from}) is after the end (${to}); showing the default period.`,
  outside: (value, data) =>
    `Impossible period in the address: no data in ${value} (the data cover ${data}); showing the default period.`,
  close: 'Close',
};

/** The period notice's texts, French first. */
export const periodMessages = { fr, en } as const satisfies Record<'fr' | 'en', PeriodMessages>;
