/*
 * The template's content, format aside: the exchanges sheet has one column per field the importer
 * reads (the schema's non-derived columns, titled in French) with a hint row, and every vocabulary
 * and yes/no column gets a drop-down; the associations sheet lists the territory's associations.
 */
import { describe, expect, it } from 'vitest';

import { EXCHANGES_TABLE } from '../../../src/data/schema/index.ts';
import { templateAssociations } from '../../../src/kit/dataset-associations.ts';
import { isHintRow } from '../../../src/kit/template-layout.ts';
import { buildTemplateModel } from '../../../src/kit/template-model.ts';
import type { SheetModel, ValidationRule } from '../../../src/kit/sheet-model.ts';

const ASSOCIATIONS = [
  { id: 'W901000003', name: 'Ressourcerie', communeCode: '90010', communeName: 'Belfort' },
  { id: 'W901000001', name: 'Club de randonnée', communeCode: '90010', communeName: 'Belfort' },
  { id: 'W901000002', name: 'Comité des fêtes', communeCode: '90001', communeName: 'Andelnans' },
];
const model = buildTemplateModel({ territory: 'Territoire test', associations: ASSOCIATIONS, rows: 10 });
const sheet = (name: string) => model.sheets.find((s) => s.name === name) as SheetModel;

/** The validation rule of each column of a sheet, by header, in a compact form. */
function rules(of: SheetModel): Record<string, string> {
  const out: Record<string, string> = {};
  const show = (rule: ValidationRule) => {
    switch (rule.kind) {
      case 'list':
        return `liste ${rule.source.sheet}!${rule.source.column}:${rule.source.firstRow}-${rule.source.lastRow}`;
      case 'number':
        return `${rule.integer ? 'entier' : 'nombre'} ${rule.minimum}..${rule.maximum}`;
      case 'date':
        return `date ≥ ${rule.minimum}`;
      case 'text-length':
        return `texte ≤ ${rule.maximum}`;
    }
  };
  of.columns.forEach((column, i) => {
    if (column.validation) out[String(of.rows[0]?.cells[i])] = show(column.validation.rule);
  });
  return out;
}

describe('buildTemplateModel', () => {
  it('orders the sheets: instructions first, then exchanges, associations and the hidden lists', () => {
    expect(model.sheets.map((s) => [s.name, s.hidden, s.frozenRows])).toEqual([
      ['Mode d’emploi', false, 0],
      ['Échanges', false, 2],
      ['Associations', false, 1],
      ['Listes', true, 1],
    ]);
  });

  it('heads the exchanges sheet with the French title of every field the importer reads, then hints', () => {
    const exchanges = sheet('Échanges');
    const fields = EXCHANGES_TABLE.columns.filter((c) => !('derived' in c && c.derived));
    expect(fields).toHaveLength(30); // 32 columns less the two derived ids
    expect(exchanges.rows[0]?.cells).toEqual(fields.map((c) => c.title));
    const hints = exchanges.rows[1]?.cells as string[];
    expect(isHintRow(hints)).toBe(true);
    expect(hints[0]).toBe(
      'Obligatoire — texte — Identifiant unique de l’échange chez le producteur (lettres, chiffres, - et _, 64 caractères au plus). (ex. E2024-0001)',
    );
    expect(hints[1]).toBe(
      'Obligatoire — date AAAA-MM-JJ — Premier jour de l’échange, au format AAAA-MM-JJ. (ex. 2024-05-18)',
    );
    expect(hints[15]).toBe('Facultatif — nombre ≥ 0, en m² — Surface des locaux mis à disposition.');
    expect(exchanges.input).toEqual({ first: 3, last: 12 });
  });

  it('gives every vocabulary and yes/no column a drop-down, partners the associations, numbers their bounds', () => {
    // Lists sheet columns: 0 type_ressource (8 values, rows 2–9), 1 categorie_bien (11), 2 modalite (4),
    // 3 unite (8), 4 mode_transport (7), 5 aurait_achete (3), 6 oui_non (2), 7 statut_donnee (3).
    expect(rules(sheet('Échanges'))).toEqual({
      'Date de début': 'date ≥ 2000-01-01',
      'Date de fin': 'date ≥ 2000-01-01',
      'RNA du fournisseur': 'liste Associations!0:2-4',
      'RNA du bénéficiaire': 'liste Associations!0:2-4',
      'Type de ressource': 'liste Listes!0:2-9',
      'Catégorie de bien': 'liste Listes!1:2-12',
      Modalité: 'liste Listes!2:2-5',
      Libellé: 'texte ≤ 256',
      Quantité: 'nombre 0..1000000000',
      Unité: 'liste Listes!3:2-9',
      'Surface (m²)': 'nombre 0..1000000',
      'Durée (heures)': 'nombre 0..100000',
      'Masse (kg)': 'nombre 0..10000000',
      'Distance (km)': 'nombre 0..40075',
      'Mode de transport': 'liste Listes!4:2-8',
      'Heures bénévoles': 'nombre 0..10000000',
      'ETP partagés': 'nombre 0..10000',
      Bénéficiaires: 'entier 0..100000000',
      'Valeur de marché (€)': 'nombre 0..1000000000',
      'Contrepartie (€)': 'nombre 0..1000000000',
      'Aurait acheté': 'liste Listes!5:2-4',
      Récurrent: 'liste Listes!6:2-3',
      'Statut de la donnée': 'liste Listes!7:2-4',
      'Consentement à la publication': 'liste Listes!6:2-3',
    });
    const severities = sheet('Échanges').columns.map((c) => c.validation?.severity ?? '-');
    // Partners and goods categories warn (other values are possible); everything else refuses.
    expect(severities.filter((s) => s === 'warning')).toHaveLength(3);
    expect(sheet('Listes').rows.map((r) => r.cells[6])).toEqual([
      'oui_non',
      'oui',
      'non',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('lists the associations by commune then name, with « Sollicitée » and its date to fill', () => {
    const associations = sheet('Associations');
    expect(associations.rows.map((r) => r.cells)).toEqual([
      ['N° RNA', 'Nom', 'Code commune', 'Commune', 'Sollicitée', 'Date de sollicitation'],
      ['W901000002', 'Comité des fêtes', '90001', 'Andelnans', null, null],
      ['W901000001', 'Club de randonnée', '90010', 'Belfort', null, null],
      ['W901000003', 'Ressourcerie', '90010', 'Belfort', null, null],
    ]);
    expect(rules(associations)).toEqual({
      Sollicitée: 'liste Listes!6:2-3',
      'Date de sollicitation': 'date ≥ 2000-01-01',
    });
    expect(associations.input).toEqual({ first: 2, last: 4 });
  });

  it('explains every column in the guide, with three examples, one field per row', () => {
    const guide = sheet('Mode d’emploi');
    expect(guide.rows[0]?.cells).toEqual(['Recueil des échanges entre associations — Territoire test']);
    const header = guide.rows.findIndex((r) => r.cells[0] === 'Colonne');
    const fields = guide.rows.slice(header + 1);
    expect(fields).toHaveLength(30);
    expect(fields[0]?.cells.slice(0, 2)).toEqual(["Identifiant de l'échange", 'oui']);
    expect(fields.map((r) => r.cells[3] ?? null).filter(Boolean)).toHaveLength(21); // example 1 fills 21 fields
  });

  it('refuses a number of rows to prepare outside 1–100,000', () => {
    expect(() => buildTemplateModel({ territory: 't', associations: [], rows: 0 })).toThrow(RangeError);
  });
});

describe('templateAssociations', () => {
  it('lists the living associations of a dataset with their commune’s name', () => {
    expect(
      templateAssociations(
        [
          { id: 'W901000001', nom: 'Club', commune_code: '90010', statut: 'active' },
          { id: 'W901000002', nom: 'Ancien club', commune_code: '90010', statut: 'dissoute' },
          { id: 'W901000003', nom: 'Chorale', commune_code: '90999', statut: 'active' },
        ],
        [{ code_insee: '90010', nom: 'Belfort' }],
      ),
    ).toEqual([
      { id: 'W901000001', name: 'Club', communeCode: '90010', communeName: 'Belfort' },
      // A commune missing from the table keeps its code as its name.
      { id: 'W901000003', name: 'Chorale', communeCode: '90999', communeName: '90999' },
    ]);
  });
});
