import { describe, expect, it } from 'vitest';

import { demoSensitivity } from '../../../scripts/lib/demo-sensitivity.ts';

describe('demoSensitivity(ids, folder)', () => {
  it('is null when the folder holds no dataset: the method page says so, the build goes on', async () => {
    await expect(demoSensitivity(['cout-evite-net'], 'tests/no-such-dataset')).resolves.toBeNull();
  });
});
