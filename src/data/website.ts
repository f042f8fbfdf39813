/*
 * An association's public website (`associations.site_web`, RNA `siteweb`): kept and shown only as
 * an http(s) address, so a link can never run script (`javascript:`) or open another scheme.
 */

/** A website that can be shown as a link: its address, and its host as the link's text. */
export interface PublicWebsite {
  readonly href: string;
  readonly host: string;
}

/**
 * The website read from a cell, or why it is not kept (without the cell's text). A register cell often lacks the scheme
 * (« www.club.fr »): `https://` is then assumed; any other scheme, spaces or no host is refused.
 */
export function readWebsite(text: string): { website: string | null; problem: string | null } {
  const cell = text.trim();
  if (!cell) return { website: null, problem: null };
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(cell) ? cell : `https://${cell}`;
  const website = publicWebsite(candidate);
  if (website) return { website: website.href, problem: null };
  // The cell is not quoted: a register's website field sometimes holds a person's own page or address.
  return { website: null, problem: 'adresse http(s) attendue' };
}

/** The website as a link when it parses as an http(s) address with a host; otherwise null. */
export function publicWebsite(value: string | null): PublicWebsite | null {
  if (!value || /\s/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  // A host of two labels or more, none empty (« https://./ » or « https://a..b/ » is no address).
  const labels = url.hostname.replace(/\.$/, '').split('.');
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || labels.length < 2 || labels.includes(''))
    return null;
  if (url.username || url.password) return null;
  return { href: url.href, host: url.hostname.replace(/^www\./, '') };
}
