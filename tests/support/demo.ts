import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DatasetManifest } from '../../src/data/manifest.ts';
import { generateDemoDataset } from '../../scripts/demo/generate.ts';
import { demoOptions, type DemoOptions } from '../../scripts/demo/options.ts';
import { DatasetWriter } from '../../scripts/lib/dataset-writer.ts';

/** Generates a demo dataset into a fresh temp folder, as `npm run demo` does. */
export async function generateDemo(
  overrides: Partial<DemoOptions> = {},
): Promise<{ folder: string; manifest: DatasetManifest; options: DemoOptions }> {
  const options = { ...demoOptions('demo'), ...overrides };
  const folder = join(await mkdtemp(join(tmpdir(), 'symbiose-demo-')), 'demo');
  const writer = await DatasetWriter.create(folder);
  const manifest = await generateDemoDataset(options, writer, () => {});
  await writer.commit(manifest);
  return { folder, manifest, options };
}
