import { describe, expect, it } from 'vitest';

import { publicWebsite, readWebsite } from '../../../src/data/website.ts';

describe('publicWebsite(value)', () => {
  it('gives an http(s) address as a link whose text is the host without « www. »', () => {
    expect(publicWebsite('https://www.club-rando.fr/accueil')).toEqual({
      href: 'https://www.club-rando.fr/accueil',
      host: 'club-rando.fr',
    });
    expect(publicWebsite('http://asso.example')).toEqual({
      href: 'http://asso.example/',
      host: 'asso.example',
    });
  });

  it('refuses other schemes, spaces, credentials, hosts without a dot and text that is no address', () => {
    for (const value of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://asso.fr',
      'mailto:contact@asso.fr',
      'https://asso.fr/a b',
      'https://user:pw@asso.fr',
      'https://localhost',
      'www.asso.fr',
      '',
      null,
    ])
      expect(publicWebsite(value), String(value)).toBeNull();
  });
});

describe('readWebsite(cell)', () => {
  it('keeps an http(s) address, adds https:// to a bare host, leaves an empty cell empty', () => {
    expect(readWebsite(' https://asso.fr ')).toEqual({ website: 'https://asso.fr/', problem: null });
    expect(readWebsite('www.asso.fr/agenda')).toEqual({
      website: 'https://www.asso.fr/agenda',
      problem: null,
    });
    expect(readWebsite('  ')).toEqual({ website: null, problem: null });
  });

  it('says why another scheme or a text is not kept, without quoting it', () => {
    expect(readWebsite('javascript:alert(1)')).toEqual({
      website: null,
      problem: 'adresse http(s) attendue',
    });
    expect(readWebsite('voir notre page facebook').problem).toBe('adresse http(s) attendue');
  });
});
