/** Why a remote basemap could not be used (the page says it in the user's language). */
export type BasemapFailure =
  | { readonly kind: 'http'; readonly status: number }
  | { readonly kind: 'invalid-json' }
  | { readonly kind: 'invalid-style' }
  | { readonly kind: 'timeout'; readonly seconds: number }
  | { readonly kind: 'network' }
  | { readonly kind: 'tiles' };

/** Texts of a remote basemap: asking before loading one from a link, and saying why one failed. */
export interface BasemapMessages {
  readonly consentTitle: string;
  /** The server's origin arrives as text (never HTML); it is shown apart, in <code>. */
  readonly consentBody: string;
  readonly load: string;
  readonly ignore: string;
  readonly notAllowed: string;
  readonly unreachable: (reason: string) => string;
  readonly reason: (failure: BasemapFailure) => string;
}

const fr: BasemapMessages = {
  consentTitle: 'Ce lien demande un fond de carte extérieur',
  consentBody:
    'Le charger fera appeler ce serveur par votre navigateur (il verra votre adresse IP et la zone regardée) :',
  load: 'Charger ce fond',
  ignore: 'Ignorer',
  notAllowed:
    'La politique de sécurité de ce site n’autorise pas ce serveur ; l’éditeur du site peut l’ajouter à la construction.',
  unreachable: (reason) => `Fond de carte injoignable : ${reason} ; la carte reste utilisable sans fond.`,
  reason: (failure) => {
    switch (failure.kind) {
      case 'http':
        return `réponse HTTP ${failure.status}`;
      case 'invalid-json':
        return 'le style n’est pas un JSON valide';
      case 'invalid-style':
        return 'le style n’est pas un style MapLibre valide';
      case 'timeout':
        return `pas de réponse en ${failure.seconds} s`;
      case 'network':
        return 'serveur introuvable ou connexion refusée';
      case 'tiles':
        return 'les tuiles ne se chargent pas';
    }
  },
};

const en: BasemapMessages = {
  consentTitle: 'This link asks for an outside basemap',
  consentBody:
    'Loading it makes your browser call this server (it will see your IP address and the area you look at):',
  load: 'Load this basemap',
  ignore: 'Ignore',
  notAllowed:
    'This site’s security policy does not allow this server; the site’s publisher can add it to the build.',
  unreachable: (reason) => `Basemap unreachable: ${reason}; the map stays usable without a basemap.`,
  reason: (failure) => {
    switch (failure.kind) {
      case 'http':
        return `HTTP response ${failure.status}`;
      case 'invalid-json':
        return 'the style is not valid JSON';
      case 'invalid-style':
        return 'the style is not a valid MapLibre style';
      case 'timeout':
        return `no answer within ${failure.seconds} s`;
      case 'network':
        return 'server not found or connection refused';
      case 'tiles':
        return 'the tiles do not load';
    }
  },
};

/** The texts of a remote basemap, French first. */
export const basemapMessages = { fr, en } as const satisfies Record<'fr' | 'en', BasemapMessages>;
