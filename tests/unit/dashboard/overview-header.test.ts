import { describe, expect, it } from 'vitest';

import { overviewHeader, type OverviewHeaderInput } from '../../../src/dashboard/overview-header.ts';
import { formatNumber } from '../../../src/i18n/format.ts';
import { funderViewMessages } from '../../../src/i18n/sections/funder-view.ts';

const base: OverviewHeaderInput = {
  funderView: false,
  funderName: null,
  epciName: null,
  territoryName: 'Pays d’Essai',
  funded: null,
  activeFunded: 12,
  text: {
    territory: 'Territoire',
    epci: 'Intercommunalité',
    funder: funderViewMessages.fr,
    number: (value) => formatNumber(value),
  },
};

describe('overviewHeader(input)', () => {
  it('names the territory, or the intercommunalité, with its own figures', () => {
    expect(overviewHeader(base)).toEqual({
      kicker: 'Territoire',
      title: 'Pays d’Essai',
      note: null,
      territoryFigures: true,
    });
    expect(overviewHeader({ ...base, epciName: 'CC du Val' })).toEqual({
      kicker: 'Intercommunalité',
      title: 'CC du Val',
      note: null,
      territoryFigures: true,
    });
  });

  it('says « Tous financeurs » and how to choose one when no funder is chosen', () => {
    expect(overviewHeader({ ...base, funderView: true })).toEqual({
      kicker: 'Financeur',
      title: 'Tous financeurs',
      note: 'Choisissez un financeur ou l’un de ses programmes dans le filtre « Financeur » : la carte et les chiffres porteront alors sur les associations qu’il finance.',
      territoryFigures: true,
    });
  });

  it('names the chosen funder and says its figures cover the associations it funds, not the territory', () => {
    expect(
      overviewHeader({
        ...base,
        funderView: true,
        funderName: 'Fondation Essai',
        funded: 1409,
        activeFunded: 1385,
      }),
    ).toEqual({
      kicker: 'Financeur',
      title: 'Fondation Essai',
      note: 'Les chiffres qui suivent portent sur les 1\u202f409 associations financées sur la période (dont 1\u202f385 encore actives à la fin de la période) et sur leurs échanges, pas sur tout le territoire.',
      territoryFigures: false,
    });
  });

  it('in an intercommunalité, counts only its active funded associations', () => {
    expect(
      overviewHeader({
        ...base,
        funderView: true,
        funderName: 'Fondation Essai',
        epciName: 'CC du Val',
        funded: 40,
        activeFunded: 7,
      }),
    ).toEqual({
      kicker: 'Financeur · CC du Val',
      title: 'Fondation Essai',
      note: 'Les chiffres qui suivent portent sur les associations financées sur la période (7 encore actives à la fin de la période) et sur leurs échanges, pas sur toute l’intercommunalité.',
      territoryFigures: false,
    });
  });
});
