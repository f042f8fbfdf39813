import { useStore } from '@nanostores/react';

import { en } from '../i18n/en.ts';
import { fr } from '../i18n/fr.ts';
import type { Messages } from '../i18n/messages.ts';
import { $view } from '../state/view.ts';

/** The interface texts in the language the user chose. */
export function useMessages(): Messages {
  return useStore($view).lang === 'en' ? en : fr;
}
