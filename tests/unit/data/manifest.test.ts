import { describe, expect, it } from 'vitest';

import { parseManifest } from '../../../src/data/manifest.ts';
import { testManifest } from '../../support/manifest.ts';

const entry = (file: string) => ({ file, rows: 1, bytes: 10, sha256: 'a'.repeat(64) });
const valid = testManifest(
  {
    communes: entry('communes.arrow'),
    associations: entry('associations.arrow'),
    echanges: entry('echanges.arrow'),
    subventions: entry('subventions.arrow'),
    offres_besoins: entry('offres_besoins.arrow'),
  },
  entry('communes.geojson'),
);

describe('parseManifest(text)', () => {
  it('returns a valid manifest as is', () => {
    expect(parseManifest(JSON.stringify(valid))).toEqual(valid);
  });

  it('names the file when it is not JSON', () => {
    expect(() => parseManifest('{"id": ', 'data/demo/manifest.json')).toThrow(
      /^data\/demo\/manifest\.json n’est pas un JSON valide/,
    );
  });

  it('names the faulty field', () => {
    const broken = {
      ...valid,
      tables: { ...valid.tables, echanges: { ...entry('echanges.arrow'), sha256: 'xyz' } },
    };
    expect(() => parseManifest(JSON.stringify(broken))).toThrow(
      'manifest.json est invalide — tables.echanges.sha256 : empreinte sha256 attendue (64 caractères hexadécimaux).',
    );
  });

  it('refuses a file name with a directory part', () => {
    const escaping = {
      ...valid,
      geometry: { communes: { ...valid.geometry.communes, file: '../secret.geojson' } },
    };
    expect(() => parseManifest(JSON.stringify(escaping))).toThrow(
      'geometry.communes.file : nom de fichier simple attendu',
    );
  });

  it('refuses another major version of the format', () => {
    expect(() => parseManifest(JSON.stringify({ ...valid, schema_version: '2.0.0' }))).toThrow(
      'manifest.json : version de format 2.0.0 non prise en charge (attendue : 1.4.0).',
    );
  });
});
