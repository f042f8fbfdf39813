import { useMessages } from '../../hooks/use-messages.ts';
import { declareTexts, type DeclareMessages } from '../../i18n/sections/declare.ts';

/** The declaration's texts in the language the user chose, and that language. */
export function useDeclareTexts(): DeclareMessages & { readonly lang: 'fr' | 'en' } {
  const { lang } = useMessages();
  return { ...declareTexts[lang], lang };
}
