import { describe, expect, it } from 'vitest';

import {
  associationsLine,
  captionAssociations,
  methodLine,
  pngCaption,
  wrapText,
  type CaptionFacts,
} from '../../../src/export/png-caption.ts';
import { COEFFICIENTS } from '../../../src/data/method/coefficients.ts';
import type { ZoneIndicators, ZoneParts } from '../../../src/indicators/registry.ts';
import { en } from '../../../src/i18n/en.ts';
import { fr } from '../../../src/i18n/fr.ts';

const facts: CaptionFacts = {
  indicator: 'Coût évité net',
  unit: '€',
  zone: { kind: 'territory', name: 'Val d’Urseuil' },
  period: { start: '2023-01-01', end: '2024-06-30' },
  types: [],
  families: [],
  funder: null,
  quality: 'declare',
  associations: null,
  publicView: false,
  dataset: 'Val d’Urseuil (démo)',
  fictional: false,
  date: '2025-03-04',
  permalink: 'https://example.org/?indicateur=cout-evite-net',
};

/** Thousands in French: a narrow no-break space. */
const NNBSP = '\u202f';

describe('pngCaption(facts, messages)', () => {
  it('titles the image with the indicator and its unit, then the zone, period and « no filter »; the method version in the footer', () => {
    expect(COEFFICIENTS.version).toBe('2.0.0');
    expect(pngCaption(facts, fr)).toEqual({
      title: 'Coût évité net (€)',
      header: [
        'Territoire : Val d’Urseuil · Période : janv. 2023 – juin 2024',
        'Sans filtre : toutes les ressources, tous les thèmes',
      ],
      footer: [
        'Source : Symbiose, jeu de données « Val d’Urseuil (démo) » · Méthode Symbiose v2.0.0 · Exporté le 4 mars 2025',
        'Vue en ligne : https://example.org/?indicateur=cout-evite-net',
      ],
    });
    expect(methodLine(fr)).toBe('Méthode Symbiose v2.0.0');
    expect(methodLine(en)).toBe('Symbiose method v2.0.0');
  });

  it('says the zone’s active and isolated associations under the zone, and the quality filter among the filters', () => {
    const caption = pngCaption(
      {
        ...facts,
        quality: 'confirme',
        associations: { active: 1234, surveyed: 300, isolated: 56 },
      },
      fr,
    );
    expect(caption.header).toEqual([
      'Territoire : Val d’Urseuil · Période : janv. 2023 – juin 2024',
      `Associations actives : 1${NNBSP}234 · isolées : 56 sur 300 enquêtées`,
      'Qualité : échanges confirmés ou vérifiés',
    ]);
    expect(pngCaption({ ...facts, quality: 'verifie' }, en).header[1]).toBe(
      'Quality: verified exchanges only',
    );
  });

  it('counts isolated associations as surveyed less cooperating, unknown where none is surveyed', () => {
    const parts = (active: number, surveyed: number, cooperating: number | null) =>
      ({
        associations_actives: { central: active, bas: active, haut: active },
        associations_couvertes: { central: surveyed, bas: surveyed, haut: surveyed },
        associations_cooperantes: { central: cooperating, bas: cooperating, haut: cooperating },
      }) as unknown as ZoneParts;
    const zone = (p: ZoneParts): ZoneIndicators => ({
      zone: '00001',
      zone_nom: 'Alpha',
      parts: p,
      values: {},
    });
    // 12 active, 8 surveyed, 5 of them with a partner: 8 − 5 = 3 isolated.
    expect(captionAssociations(zone(parts(12, 8, 5)), false)).toEqual({
      active: 12,
      surveyed: 8,
      isolated: 3,
    });
    expect(captionAssociations(zone(parts(12, 8, 5)), true)).toBeNull();
    expect(captionAssociations(null, false)).toBeNull();
    const unknown = captionAssociations(zone(parts(12, 0, null)), false);
    expect(unknown).toEqual({ active: 12, surveyed: 0, isolated: null });
    expect(associationsLine(unknown, fr)).toBe(
      'Associations actives : 12 · isolées : non renseigné (aucune enquêtée)',
    );
    expect(associationsLine({ active: 12, surveyed: 8, isolated: 3 }, en)).toBe(
      'Active associations: 12 · isolated: 3 of 8 surveyed',
    );
  });

  it('names the selected commune with its code and intercommunalité, and every active filter', () => {
    const caption = pngCaption(
      {
        ...facts,
        unit: null,
        zone: { kind: 'commune', name: 'Urseuil', code: '00057', epci: 'CC du Val' },
        types: ['locaux', 'materiel'],
        families: ['sport', 'culture'],
        funder: { name: 'Département', side: 'beneficiaire' },
        publicView: true,
      },
      fr,
    );
    expect(caption.title).toBe('Coût évité net');
    expect(caption.header).toEqual([
      'Commune : Urseuil (00057) · Intercommunalité : CC du Val · Période : janv. 2023 – juin 2024',
      'Ressources : Locaux / Matériel · Thèmes : Sport, plein air / Culture, patrimoine · Financeur : Département (côté bénéficiaire) · Vue grand public : les petits effectifs sont masqués',
    ]);
  });

  it('names an intercommunalité, and adds the fictional notice under the link of a generated dataset', () => {
    const caption = pngCaption({ ...facts, zone: { kind: 'epci', name: 'CC du Val' }, fictional: true }, fr);
    expect(caption.header[0]).toBe('Intercommunalité : CC du Val · Période : janv. 2023 – juin 2024');
    expect(caption.footer).toEqual([
      'Source : Symbiose, jeu de données « Val d’Urseuil (démo) » · Méthode Symbiose v2.0.0 · Exporté le 4 mars 2025',
      'Vue en ligne : https://example.org/?indicateur=cout-evite-net',
      'Territoire fictif : toutes les données de cette carte sont générées pour la démonstration.',
    ]);
  });

  it('speaks English on an English page', () => {
    const caption = pngCaption({ ...facts, types: ['vehicule'] }, en);
    expect(caption.header).toEqual([
      'Territory: Val d’Urseuil · Period: Jan 2023 – Jun 2024',
      `Resources: ${en.resourceTypes.vehicule}`,
    ]);
    expect(caption.footer[0]).toBe(
      'Source: Symbiose, dataset “Val d’Urseuil (démo)” · Symbiose method v2.0.0 · Exported on 4 March 2025',
    );
  });
});

describe('wrapText(text, width, measure)', () => {
  const chars = (text: string) => text.length;

  it('breaks at spaces so that no line is wider than the width', () => {
    expect(wrapText('une carte que signerait un cartographe', 12, chars)).toEqual([
      'une carte',
      'que',
      'signerait un',
      'cartographe',
    ]);
  });

  it('cuts a word wider than the line (a long link) where it overflows', () => {
    expect(wrapText('Lien : https://example.org/abc', 10, chars)).toEqual([
      'Lien :',
      'https://ex',
      'ample.org/',
      'abc',
    ]);
  });
});
