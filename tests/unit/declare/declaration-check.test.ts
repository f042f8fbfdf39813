import { describe, expect, it } from 'vitest';

import { checkDraft, type DraftIssue } from '../../../src/declare/declaration-check.ts';
import { exchangesCsv } from '../../../src/declare/declaration-files.ts';
import {
  exchangeCells,
  type DeclaredAssociation,
  type ExchangeCells,
  type ExchangeDraft,
} from '../../../src/declare/declaration-rows.ts';
import { AssociationIndexBuilder } from '../../../src/import/association-index.ts';
import { importExchanges } from '../../../src/import/schema-csv.ts';
import { sourceFromBytes } from '../../../src/import/source.ts';
import { officialCog } from '../../support/import-fixtures.ts';
import { HELP, LOAN, PARTNER, SELF, SIRET_ONLY, TODAY } from './drafts.ts';

type Draft = ExchangeDraft<DeclaredAssociation>;
const ID = 'W901000123-20261126-0930-01';

/** The problems of a draft as [field, severity, code, French, English]. */
async function problems(
  draft: Draft,
  self: typeof SELF | null = SELF,
  declared: readonly ExchangeCells[] = [],
  id = ID,
) {
  const found: DraftIssue[] = await checkDraft(self, draft, id, TODAY, declared);
  return found.map((i) => [i.field, i.severity, i.code, i.text.fr, i.text.en]);
}

describe('checkDraft (the importer’s checks on the row the file would hold)', () => {
  it('finds nothing wrong with complete exchanges of either direction', async () => {
    expect(await problems(LOAN)).toEqual([]);
    expect(await problems(HELP)).toEqual([]);
  });

  it('asks for the choices only the form knows, without repeating them as empty identifiers', async () => {
    expect(await problems({ ...LOAN, partner: null, direction: null }, null)).toEqual([
      [
        'self',
        'error',
        'form-required',
        'Choisissez d’abord votre association dans le registre.',
        'First choose your association in the register.',
      ],
      [
        'partner',
        'error',
        'form-required',
        'Choisissez l’association partenaire dans le registre.',
        'Choose the partner association in the register.',
      ],
      [
        'direction',
        'error',
        'form-required',
        'Indiquez si votre association a fourni ou reçu la ressource.',
        'Say whether your association provided or received the resource.',
      ],
    ]);
  });

  it('reports the importer’s errors next to their fields, in French and English', async () => {
    const draft: Draft = {
      ...LOAN,
      date_debut: '2025-03-10',
      date_fin: '2025-03-01',
      details: { ...LOAN.details, quantite: '-2,5', masse_kg: 'lourd', surface_m2: '40' },
      consent: null,
    };
    // The importer's order: cells it could not type, then each column's constraints, then the custom checks.
    expect(await problems(draft)).toEqual([
      ['masse_kg', 'error', 'type-error', 'nombre illisible « lourd »', 'unreadable number “lourd”'],
      ['quantite', 'error', 'constraint-error', 'valeur inférieure au minimum 0', 'below the minimum 0'],
      ['consent', 'error', 'constraint-error', 'valeur obligatoire manquante', 'required value missing'],
      [
        'date_fin',
        'error',
        'compare-columns-value',
        '« date_fin » doit être >= « date_debut »',
        '“date_fin” must be >= “date_debut”',
      ],
    ]);
  });

  it('refuses a date the importer finds implausible, a missing type and a fractional head count', async () => {
    expect(await problems({ ...LOAN, date_debut: '1999-12-31', date_fin: '' })).toEqual([
      [
        'date_debut',
        'error',
        'date-implausible',
        'date 1999-12-31 hors de 2000-01-01 – 2027-11-26 : erreur de saisie probable',
        'date 1999-12-31 outside 2000-01-01 – 2027-11-26: probably a typing error',
      ],
    ]);
    expect(await problems({ ...LOAN, type: null })).toEqual([
      ['type', 'error', 'constraint-error', 'valeur obligatoire manquante', 'required value missing'],
    ]);
    expect(await problems({ ...HELP, details: { ...HELP.details, beneficiaires: '12,5' } })).toEqual([
      ['beneficiaires', 'error', 'type-error', 'nombre entier attendu', 'whole number expected'],
    ]);
  });

  it('refuses an exchange of the association with itself, on the partner field', async () => {
    expect(await problems({ ...LOAN, partner: { id: SELF.id, siret: null } })).toEqual([
      [
        'partner',
        'error',
        'self-exchange',
        'échange de l’association W901000123 avec elle-même',
        'association W901000123 cannot exchange with itself',
      ],
    ]);
  });

  it('refuses a description a spreadsheet would run as a formula', async () => {
    const draft = { ...LOAN, details: { ...LOAN.details, libelle: '=HYPERLINK("x")' } };
    expect((await problems(draft)).map((p) => p.slice(0, 3))).toEqual([['libelle', 'error', 'form-formula']]);
  });

  it('keeps the importer’s warnings as warnings: the exchange can still be added', async () => {
    // masse_kg 60 000 is above the plausible 50 000 kg for one exchange (exchanges.ts).
    expect(await problems({ ...LOAN, details: { ...LOAN.details, masse_kg: '60 000' } })).toEqual([
      [
        'masse_kg',
        'warning',
        'value-implausible',
        'masse_kg = 60000 : au-delà de 50\u202f000, inhabituel pour un seul échange — gardé, à vérifier',
        '60000 is above 50\u202f000, unusual for one exchange — kept, please check',
      ],
    ]);
  });

  it('warns, next to the shared FTE, when a staff loan gives two amounts that disagree', async () => {
    // 2025-01-01 – 2025-06-30: 181 days = 181 ÷ 30.4375 = 5.9466 months; × 0.5 FTE = 2.9733
    // FTE-months against 6 declared: more than 10 % apart. 3 FTE-months would agree (within 0.3).
    const staff: Draft = {
      partner: PARTNER,
      direction: 'fourni',
      type: 'personnel',
      date_debut: '2025-01-01',
      date_fin: '2025-06-30',
      details: { quantite: '6', libelle: 'Animatrice à mi-temps', etp_partages: '0,5' },
      consent: true,
    };
    expect(await problems(staff)).toEqual([
      [
        'etp_partages',
        'warning',
        'staff-mismatch',
        `échange ${ID} : quantite = 6 ETP-mois mais etp_partages × durée = 0,5 × 5,95 mois (2025-01-01 – 2025-06-30) = 2,97 ETP-mois, écart de plus de 10 % — la méthode retient quantite (6 ETP-mois) ; gardé, à vérifier`,
        `exchange ${ID}: quantity = 6 FTE-months but shared FTE × duration = 0,5 × 5,95 months (2025-01-01 – 2025-06-30) = 2,97 FTE-months, more than 10% apart — the method uses the quantity (6 FTE-months); kept, please check`,
      ],
    ]);
    expect(await problems({ ...staff, details: { ...staff.details, quantite: '3' } })).toEqual([]);
  });

  it('brings an identifier problem back to the partner, whichever side of the row it is on', async () => {
    // An association the file cannot name (no RNA number, no SIRET): the importer's one-of-required.
    const nameless = { id: 'ASSO-9', siret: null };
    expect(await problems({ ...LOAN, partner: nameless })).toEqual([
      [
        'partner',
        'error',
        'one-of-required',
        '« beneficiaire_rna » ou « beneficiaire_siret » doit être renseigné',
        '“beneficiaire_rna” or “beneficiaire_siret” is required',
      ],
    ]);
    expect(
      (await problems({ ...LOAN, direction: 'recu', partner: nameless })).map((p) => [p[0], p[3]]),
    ).toEqual([['partner', '« fournisseur_rna » ou « fournisseur_siret » doit être renseigné']]);
  });
});

describe('checkDraft after the exchanges already in the list', () => {
  const FIRST = 'W901000123-20261126-0930-01';
  const SECOND = 'W901000123-20261126-0930-02';
  /** The sound system lent (LOAN) and the help received (HELP), already added. */
  const declared = [
    exchangeCells(SELF, LOAN, FIRST),
    exchangeCells(SELF, HELP, 'W901000123-20261126-0930-03'),
  ];
  /** The same loan typed again: other quantity, description in other case, accents and spaces. */
  const again: Draft = {
    ...LOAN,
    details: { ...LOAN.details, quantite: '3', libelle: '  PRET de la SONO "ampli 2",   cables ' },
  };
  /** Chairs lent the same day to the same partner: other goods. */
  const chairs: Draft = {
    ...LOAN,
    details: {
      ...LOAN.details,
      categorie_bien: 'mobilier_chaise',
      quantite: '60',
      libelle: 'Prêt de 60 chaises',
    },
  };
  const duplicate = (id: string) => [
    'libelle',
    'error',
    'duplicate-key',
    `Cet échange est déjà dans la liste (${id}) : même partenaire, même date de début, même ressource. S’il s’agit d’une autre ressource, décrivez-la ici.`,
    `This exchange is already in the list (${id}): same partner, start date and resource. If it is another resource, describe it here.`,
  ];

  it('refuses the same exchange again, next to the description, naming the one in the list', async () => {
    expect(await problems(again, SELF, declared, SECOND)).toEqual([duplicate(FIRST)]);
    // Received from an association known by its SIRET only: found all the same.
    expect(await problems(HELP, SELF, declared, SECOND)).toEqual([duplicate('W901000123-20261126-0930-03')]);
  });

  it('accepts other goods the same day, the same goods another day or the other way round', async () => {
    expect(await problems(chairs, SELF, declared, SECOND)).toEqual([]);
    expect(await problems({ ...again, date_debut: '2025-03-11' }, SELF, declared, SECOND)).toEqual([]);
    expect(await problems({ ...again, direction: 'recu' }, SELF, declared, SECOND)).toEqual([]);
  });

  it('refuses exactly what the importer rejects from the file the list becomes', async () => {
    const rows = [
      ...declared,
      exchangeCells(SELF, chairs, SECOND),
      exchangeCells(SELF, again, 'W901000123-20261126-0930-04'),
    ];
    const ends = [SELF, PARTNER, SIRET_ONLY];
    const { report } = await importExchanges(
      sourceFromBytes('declaration.csv', new TextEncoder().encode(exchangesCsv(rows))),
      { index: AssociationIndexBuilder.of(ends), cog: await officialCog(), today: TODAY },
      async () => {},
    );
    // Lines 2–5: the loan, the help, the chairs, the loan again.
    expect([report.rowsRead, report.rowsKept]).toEqual([4, 3]);
    expect(report.rejected.map((r) => [r.row, r.id, r.reasons.map((i) => i.code)])).toEqual([
      [5, 'W901000123-20261126-0930-04', ['duplicate-key']],
    ]);
  });
});
