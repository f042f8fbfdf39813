// First: before any library is evaluated (see the module).
import '../../security/no-string-code.ts';

import { createRoot } from 'react-dom/client';

import { Observatory } from '../Observatory.tsx';

/**
 * Draws the observatory into the page's `#observatory` element. A bundled module the page loads
 * by `src`, in place of an Astro island, whose loader is an inline script: the site's
 * Content-Security-Policy allows no inline script (src/security/content-policy.ts).
 */
const root = document.getElementById('observatory');
if (root?.dataset['edition'] === 'public') {
  // A public build (scripts/lib/public-build.ts marks the page): only the public product, no engine.
  void import('../public-edition/PublicEdition.tsx').then(({ PublicEdition }) =>
    createRoot(root).render(<PublicEdition />),
  );
} else if (root) createRoot(root).render(<Observatory />);
