import { describe, expect, it } from 'vitest';

import { pngCaption, wrapText, type CaptionFacts } from '../../../src/export/png-caption.ts';
import { en } from '../../../src/i18n/en.ts';
import { fr } from '../../../src/i18n/fr.ts';

const facts: CaptionFacts = {
  indicator: 'Valeur de la coopération',
  unit: '€',
  zone: { kind: 'territory', name: 'Val d’Urseuil' },
  period: { start: '2023-01-01', end: '2024-06-30' },
  types: [],
  families: [],
  funder: null,
  publicView: false,
  dataset: 'Val d’Urseuil (démo)',
  fictional: false,
  date: '2025-03-04',
  permalink: 'https://example.org/?indicateur=valeur-totale',
};

describe('pngCaption(facts, messages)', () => {
  it('titles the image with the indicator and its unit, then the zone, period and « no filter »', () => {
    expect(pngCaption(facts, fr)).toEqual({
      title: 'Valeur de la coopération (€)',
      header: [
        'Territoire : Val d’Urseuil · Période : janv. 2023 – juin 2024',
        'Sans filtre : toutes les ressources, tous les thèmes',
      ],
      footer: [
        'Source : Symbiose, jeu de données « Val d’Urseuil (démo) » · Exporté le 4 mars 2025',
        'Vue en ligne : https://example.org/?indicateur=valeur-totale',
      ],
    });
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
    expect(caption.title).toBe('Valeur de la coopération');
    expect(caption.header).toEqual([
      'Commune : Urseuil (00057) · Intercommunalité : CC du Val · Période : janv. 2023 – juin 2024',
      'Ressources : Locaux / Matériel · Thèmes : Sport, plein air / Culture, patrimoine · Financeur : Département (côté bénéficiaire) · Vue grand public : les petits effectifs sont masqués',
    ]);
  });

  it('names an intercommunalité, and adds the fictional notice under the link of a generated dataset', () => {
    const caption = pngCaption({ ...facts, zone: { kind: 'epci', name: 'CC du Val' }, fictional: true }, fr);
    expect(caption.header[0]).toBe('Intercommunalité : CC du Val · Période : janv. 2023 – juin 2024');
    expect(caption.footer).toEqual([
      'Source : Symbiose, jeu de données « Val d’Urseuil (démo) » · Exporté le 4 mars 2025',
      'Vue en ligne : https://example.org/?indicateur=valeur-totale',
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
      'Source: Symbiose, dataset “Val d’Urseuil (démo)” · Exported on 4 March 2025',
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
