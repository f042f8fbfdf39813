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
  import('../public-edition/PublicEdition.tsx')
    .then(({ PublicEdition }) => createRoot(root).render(<PublicEdition />))
    .catch((error: unknown) => {
      // The page's script could not load: said on the page, never a blank one.
      document.documentElement.dataset['state'] = 'error';
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.className = 'public-edition-error';
      message.textContent = `La page n’a pas pu se charger (${error instanceof Error ? error.message : String(error)}). Rechargez-la.`;
      root.replaceChildren(message);
    });
} else if (root) createRoot(root).render(<Observatory />);
