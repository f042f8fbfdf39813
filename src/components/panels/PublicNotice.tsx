import { useMessages } from '../../hooks/use-messages.ts';

/** What the public view shows and hides, and why (statistical secrecy, consent to publish). */
export function PublicNotice({ maskedCommunes }: { maskedCommunes: number }) {
  const m = useMessages();
  return (
    <section
      className="panel-section public-notice"
      aria-labelledby="public-title"
      data-testid="public-notice"
    >
      <h3 id="public-title">{m.public.heading}</h3>
      <p>{m.public.notice}</p>
      <p data-testid="masked-count">{m.public.maskedCommunes(maskedCommunes)}</p>
    </section>
  );
}
