/**
 * `npm run bench:import` — speed and memory of the importer on synthetic RNA files of growing
 * size (fictional associations in the importer's fixture communes, with the official files'
 * quirks: BOM, all quoted, line breaks inside cells, `0001-01-01`, seats outside the territory).
 * Prints medians of 3 runs and ratios against the smallest size; nothing is asserted.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { importDataset, type ImportFile } from '../src/import/import-dataset.ts';
import { loadCog } from './lib/cog-node.ts';
import { writeDataset } from './import.ts';

const SIZES = (process.argv[2] ?? '10000,100000,300000').split(',').map(Number);
const HEADER =
  'id;id_ex;siret;rup_mi;gestion;date_creat;date_decla;date_publi;date_disso;nature;groupement;titre;titre_court;objet;objet_social1;objet_social2;adrs_complement;adrs_numvoie;adrs_repetition;adrs_typevoie;adrs_libvoie;adrs_distrib;adrs_codeinsee;adrs_codepostal;adrs_libcommune;adrg_declarant;adrg_complemid;adrg_complemgeo;adrg_libvoie;adrg_distrib;adrg_codepostal;adrg_achemine;adrg_pays;dir_civilite;siteweb;publiweb;observation;position;maj_time';
const CODES = ['01015', '01262', '69383', '01340', '01120', '75056'];
const THEMES = ['011000', '006040', '007000', '014000', '024000', ''];

function file(name: string, bytes: Uint8Array): ImportFile {
  return { name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function syntheticRna(rows: number): ImportFile {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const objet = i % 20 === 0 ? 'Activités\r\nsur deux lignes' : 'Activités de loisirs pour tous';
    const cells = [
      `W${String(10_000_000 + i).padStart(9, '0')}`,
      '',
      '',
      '',
      '011S',
      `20${String(i % 25).padStart(2, '0')}-03-01`,
      '2024-01-10',
      '2010-05-29',
      i % 7 === 0 ? '2020-03-01' : '0001-01-01',
      'D',
      'S',
      `ASSOCIATION NUMÉRO ${i}`,
      '',
      objet,
      THEMES[i % THEMES.length] ?? '',
      '',
      '',
      '12',
      ' ',
      'RUE',
      'DES ÉCOLES',
      '_',
      CODES[i % CODES.length] ?? '',
      '01300',
      'Commune',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'PM',
      '',
      '',
      '',
      i % 7 === 0 ? 'D' : 'A',
      '2025-08-29 10:00:00',
    ];
    lines.push(cells.map((c) => `"${c}"`).join(';'));
  }
  return file(
    `rna_synthetique_${rows}.csv`,
    new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\n')}\n`)])),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const communes = file('communes-wgs84.geojson', readFileSync('tests/fixtures/import/communes-wgs84.geojson'));
const cog = await loadCog();
const out = await mkdtemp(join(tmpdir(), 'symbiose-bench-import-'));
const results: { rows: number; mb: number; importMs: number; writeMs: number; rss: number }[] = [];
for (const rows of SIZES) {
  const rna = syntheticRna(rows);
  const imports: number[] = [];
  const writes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const dataset = importDataset({ communes, associations: [rna] }, cog, { id: 'bench' });
    const t1 = performance.now();
    await writeDataset(join(out, `bench-${rows}`), dataset);
    writes.push(performance.now() - t1);
    imports.push(t1 - t0);
  }
  results.push({
    rows,
    mb: rna.bytes.byteLength / 1e6,
    importMs: median(imports),
    writeMs: median(writes),
    rss: process.memoryUsage().rss / 1e6,
  });
}
await rm(out, { recursive: true, force: true });
const base = results[0];
console.log('RNA rows | file MB | import (parse, check, place) | rows/s | write dataset | RSS after');
for (const r of results) {
  const ratio = base ? ` (×${(r.importMs / base.importMs).toFixed(1)})` : '';
  console.log(
    `${r.rows.toLocaleString('en')} | ${r.mb.toFixed(1)} | ${Math.round(r.importMs).toLocaleString('en')} ms${ratio} | ${Math.round((r.rows / r.importMs) * 1000).toLocaleString('en')} | ${Math.round(r.writeMs).toLocaleString('en')} ms | ${Math.round(r.rss)} MB`,
  );
}
