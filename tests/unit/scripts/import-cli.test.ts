import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import type { DatasetManifest } from '../../../src/data/manifest.ts';
import type { ImportReport } from '../../../src/import/report.ts';
import { IMPORT_FIXTURES } from '../../support/import-fixtures.ts';

/** Runs `npm run import` (its script) on the Node that runs the tests. */
function run(script: string, ...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
}

const fixture = (name: string) => join(IMPORT_FIXTURES, name);
const ALL_FILES = [
  ['--communes', fixture('communes-wgs84.geojson')],
  ['--associations', fixture('rna_waldec_fixture.csv')],
  ['--associations', fixture('rna_import_fixture.csv')],
  ['--waldec', fixture('waldec-nomenclature.csv')],
  ['--grants', fixture('subventions-titres-virgules-mixte.csv')],
  ['--grants', fixture('subventions-scdl-2-1.csv')],
  ['--exchanges', fixture('echanges.csv')],
  ['--offers', fixture('offres_besoins.csv')],
].flat();

const root = mkdtempSync(join(tmpdir(), 'symbiose-import-'));
const first = join(root, 'territoire-fixture');
const second = join(root, 'territoire-fixture-bis');
let firstRun: ReturnType<typeof run>;

beforeAll(() => {
  firstRun = run('scripts/import.ts', ...ALL_FILES, '--out', first, '--id', 'fixture');
  run('scripts/import.ts', ...ALL_FILES, '--out', second, '--id', 'fixture');
});

describe('npm run import on the fixtures', () => {
  it('writes the dataset folder and a readable summary', () => {
    expect(firstRun.status).toBe(0);
    expect(readdirSync(first).sort()).toEqual([
      'associations.arrow',
      'communes.arrow',
      'communes.geojson',
      'echanges.arrow',
      'enquetes.arrow',
      'lieux.arrow',
      'manifest.json',
      'offres_besoins.arrow',
      'rapport-import.json',
      'rejets',
      'subventions.arrow',
    ]);
    expect(firstRun.stderr).toContain('rna_waldec_fixture.csv — RNA rna_waldec, CSV « ; », utf-8 avec BOM');
    expect(firstRun.stderr).toContain('  9 lues = 5 gardées + 4 rejetées');
    // 11 physical lines (11 line feeds): the header, and 9 records of which one spans two lines.
    expect(firstRun.stderr).toContain(
      '  11 lignes = 1 d’en-tête + 0 de titre + 0 vides + 10 d’enregistrements (9 enregistrements, 1 retours à la ligne dans des champs entre guillemets)',
    );
    expect(firstRun.stderr).toContain(
      '  rejet : 1 siège(s) hors des communes importées (colonne « adrs_codeinsee »), ex. ligne 7 : siège à Paris (75056), hors des communes importées',
    );
    expect(firstRun.stderr).toContain(
      'Jeu de données : communes 3, associations 8, echanges 2, subventions 8, offres_besoins 1, lieux 0, enquetes 0',
    );
    expect(firstRun.stderr).toContain(
      'Conservation des lignes (lues = gardées + rejetées, lignes du fichier toutes comptées) : vérifiée pour chaque fichier',
    );
    expect(firstRun.stderr).toContain(
      `Pour le voir : copiez le dossier dans public/data/fixture, puis PUBLIC_SYMBIOSE_DATASET=fixture npm start   (ou : npm run indicators -- --data ${first})`,
    );
  });

  it('reports every file with rows read = kept + rejected', () => {
    const report = JSON.parse(readFileSync(join(first, 'rapport-import.json'), 'utf8')) as ImportReport;
    expect(report.conserved).toBe(true);
    expect(report.files.map((f) => [f.file, f.rowsRead, f.rowsKept, f.rowsRejected])).toEqual([
      ['communes-wgs84.geojson', 7, 5, 2],
      ['waldec-nomenclature.csv', 4, 4, 0],
      ['rna_waldec_fixture.csv', 9, 5, 4],
      ['rna_import_fixture.csv', 5, 3, 2],
      ['subventions-titres-virgules-mixte.csv', 6, 4, 2],
      ['subventions-scdl-2-1.csv', 5, 4, 1],
      ['echanges.csv', 5, 2, 3],
      ['offres_besoins.csv', 2, 1, 1],
    ]);
    expect(report.tables).toEqual({
      communes: 3,
      associations: 8,
      echanges: 2,
      subventions: 8,
      offres_besoins: 1,
      lieux: 0,
      enquetes: 0,
    });
  });

  it('gives back the rejected rows to fix, with their line and reasons, seats outside the territory aside', () => {
    expect(readdirSync(join(first, 'rejets')).sort()).toEqual([
      'rejets-echanges.csv',
      'rejets-offres_besoins.csv',
      'rejets-rna_import_fixture.csv',
      'rejets-rna_waldec_fixture.csv',
      'rejets-subventions-scdl-2-1.csv',
      'rejets-subventions-titres-virgules-mixte.csv',
    ]);
    const offers = readFileSync(join(first, 'rejets', 'rejets-offres_besoins.csv'), 'utf8');
    expect(offers).toBe(
      '\ufeffligne;motifs;id_annonce;association_id;sens;type_ressource;categorie_bien;description;date_debut;date_fin;statut\r\n' +
        '3;association_id : association W999999999 absente des associations importées (association-unknown);A-002;W999999999;besoin;locaux;;Salle pour répéter;2024-02-01;2024-06-30;ouverte\r\n',
    );
    // Of the RNA fixture's 4 rejected rows, the seat in Paris is outside the territory: nothing to fix.
    const rna = readFileSync(join(first, 'rejets', 'rejets-rna_waldec_fixture.csv'), 'utf8')
      .trim()
      .split('\r\n');
    expect(rna.slice(1).map((line) => line.split(';')[0])).toEqual(['8', '9', '10']);
  });

  it('sets the period from the exchanges’ months and names the territory from the COG', () => {
    const manifest = JSON.parse(readFileSync(join(first, 'manifest.json'), 'utf8')) as DatasetManifest;
    expect(manifest.period).toEqual({ start: '2024-03-01', end: '2024-04-30' });
    expect(manifest.name).toBe('Ain, Rhône (3 communes)');
    expect(manifest.fictional).toBe(false);
    expect(manifest.bbox).toEqual([4.82, 45.74, 5.64, 45.88]);
    expect(manifest.tables.associations.rows).toBe(8);
  });

  it('writes byte-identical files from the same input', () => {
    const files = (folder: string): string[] =>
      readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(folder.length + 1))
        .sort();
    expect(files(second)).toEqual(files(first));
    for (const file of files(first))
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
  });

  it('gives a dataset `npm run indicators` reads: 2 exchanges received by Lyon, none elsewhere', () => {
    const indicators = run(
      'scripts/indicators.ts',
      '--data',
      first,
      '--level',
      'commune',
      '--format',
      'json',
    );
    expect(indicators.status).toBe(0);
    const zones = (JSON.parse(indicators.stdout) as { zones: Record<string, unknown>[] }).zones;
    expect(zones.map((z) => [z['zone'], z['nom'], z['echanges']])).toEqual([
      ['01015', 'Arboys en Bugey', 0],
      ['01262', 'Montluel', 0],
      ['69123', 'Lyon', 2],
    ]);
  });
});

describe('npm run import on bad input', () => {
  it('stops on a missing required column, names file, line and column, and leaves no folder', () => {
    const out = join(root, 'sans-montant');
    const result = run(
      'scripts/import.ts',
      '--communes',
      fixture('communes-wgs84.geojson'),
      '--associations',
      fixture('rna_waldec_fixture.csv'),
      '--grants',
      fixture('subventions-sans-montant.csv'),
      '--out',
      out,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'Erreur : subventions-sans-montant.csv, ligne 1 : montant introuvable : aucune des colonnes montant (ou Mandaté, Fonctionnement, Investissement, Avantages en nature) dans l’en-tête (missing-required-header)',
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['territoire-fixture', 'territoire-fixture-bis']);
  });

  it('stops on an unreadable file and on a commune file that is not GeoJSON', () => {
    const missing = run(
      'scripts/import.ts',
      '--communes',
      fixture('absent.geojson'),
      '--associations',
      fixture('rna_waldec_fixture.csv'),
      '--out',
      join(root, 'x'),
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      `Erreur : Fichier d’entrée « ${fixture('absent.geojson')} » introuvable (ENOENT) : vérifiez le chemin.`,
    );
    const notGeojson = run(
      'scripts/import.ts',
      '--communes',
      fixture('rna_waldec_fixture.csv'),
      '--associations',
      fixture('rna_waldec_fixture.csv'),
      '--out',
      join(root, 'y'),
    );
    expect(notGeojson.status).toBe(1);
    expect(notGeojson.stderr).toMatch(/Erreur : rna_waldec_fixture\.csv : JSON illisible/);
    expect(existsSync(join(root, 'x')) || existsSync(join(root, 'y'))).toBe(false);
  });

  it('refuses `--out .` in a project and a user’s folder, leaving both byte-identical', () => {
    const project = mkdtempSync(join(tmpdir(), 'symbiose-projet-'));
    mkdirSync(join(project, '.git'));
    writeFileSync(join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(project, 'package.json'), '{"name":"projet"}\n');
    mkdirSync(join(project, 'notes'));
    writeFileSync(join(project, 'notes', 'à-garder.txt'), 'mes notes\n');
    const tree = (folder: string) =>
      readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => `${join(e.parentPath, e.name)}:${readFileSync(join(e.parentPath, e.name), 'utf8')}`)
        .sort();
    const before = tree(project);
    const inputs = [
      '--communes',
      fixture('communes-wgs84.geojson'),
      '--associations',
      fixture('rna_waldec_fixture.csv'),
    ];
    const script = join(process.cwd(), 'scripts', 'import.ts');
    const here = spawnSync(process.execPath, [script, ...inputs, '--out', '.', '--id', 'x'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(here.status).toBe(1);
    expect(here.stderr).toContain(
      `Erreur : --out « . » (${project}) : ce dossier existe et n’est pas un jeu de données écrit par Symbiose (il contient .git, notes, package.json) : indiquez un dossier nouveau ou vide.`,
    );
    const notes = run('scripts/import.ts', ...inputs, '--out', join(project, 'notes'));
    expect(notes.status).toBe(1);
    expect(notes.stderr).toContain(
      'n’est pas un jeu de données écrit par Symbiose (il contient à-garder.txt)',
    );
    expect(tree(project)).toEqual(before);
    expect(readdirSync(project).sort()).toEqual(['.git', 'notes', 'package.json']);
  });

  it('stops on a file of which no row is kept, unless --allow-empty', () => {
    const inputs = [
      '--communes',
      fixture('communes-lambert93.geojson'),
      '--associations',
      fixture('rna_import_fixture.csv'),
    ];
    const out = join(root, 'vide');
    const refused = run('scripts/import.ts', ...inputs, '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^Erreur : rna_import_fixture\.csv : aucune de ses 5 lignes n’est gardée — motifs les plus fréquents : 4 siège\(s\) hors des communes importées/m,
    );
    expect(existsSync(out)).toBe(false);
    const allowed = run('scripts/import.ts', ...inputs, '--out', out, '--allow-empty', '--quiet');
    expect(allowed.status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'rapport-import.json'), 'utf8')) as ImportReport;
    expect(report.tables['associations']).toBe(0);
  });

  it('explains its usage when an option is missing', () => {
    const result = run('scripts/import.ts', '--communes', fixture('communes-wgs84.geojson'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Erreur : --associations <rna.csv> est obligatoire.');
    expect(result.stderr).toContain('Usage : npm run import --');
  });
});
