import type { FoundValue, StorageFailure, StoredProblem, StoredRecord } from '../../data/saved-territory.ts';

/** Texts of the territory kept in the browser (its bar, the share dialog's warning). */
export interface SavedMessages {
  /** The territory shown is stored; `date` is when it was imported. */
  readonly storedShown: (date: string) => string;
  readonly saving: string;
  /** Start-up message while the stored territory loads. */
  readonly opening: (name: string) => string;
  readonly notSaved: (reason: string) => string;
  /** Rows added to the stored territory could not be stored with it. */
  readonly additionNotSaved: (reason: string) => string;
  /** The territory shown is not the one stored (nothing was written, e.g. another tab replaced it). */
  readonly notKept: string;
  /** The storage could not be read at start-up: a territory it holds was not opened. */
  readonly unreadable: (failure: StorageFailure, detail: string) => string;
  /** The page shows the demo while a territory is stored. */
  readonly storedAside: (name: string, date: string) => string;
  readonly corrupt: (problem: string) => string;
  readonly foreignLink: string;
  readonly shareLocal: string;
  readonly open: string;
  readonly showDemo: string;
  readonly remove: string;
  readonly confirmRemove: string;
  readonly confirmYes: string;
  readonly cancel: string;
  readonly busy: string;
  readonly actionFailed: (detail: string) => string;
  readonly failure: (failure: StorageFailure, detail: string) => string;
  readonly problem: (problem: StoredProblem) => string;
  readonly label: string;
}

/** Names of a stored record's fields: a list's items (`item`, numbered from 1) or a value's. */
interface FieldNames {
  readonly item: Readonly<Record<string, string>>;
  readonly value: Readonly<Record<string, string>>;
  readonly whole: string;
}

/** Where a damaged value is, in words: `['additions', 0, 'tables', 1, 'bytes']` → « ajout 1, table 2, octets ». */
function fieldLabel(path: readonly (string | number)[], names: FieldNames): string {
  const parts: string[] = [];
  path.forEach((key, at) => {
    const next = path[at + 1];
    if (typeof key === 'number') {
      const previous = path[at - 1];
      parts.push(`${(typeof previous === 'string' && names.item[previous]) || '#'} ${key + 1}`);
    } else if (typeof next !== 'number' || !names.item[key]) parts.push(names.value[key] ?? key);
  });
  return parts.length > 0 ? parts.join(', ') : names.whole;
}

const RECORD_FR: Record<StoredRecord, string> = {
  resume: 'résumé',
  fichiers: 'fichiers du jeu de données',
  ajouts: 'lignes ajoutées',
};
const FIELD_FR: FieldNames = {
  item: { files: 'fichier', additions: 'ajout', tables: 'table', sources: 'source' },
  value: {
    files: 'liste des fichiers',
    additions: 'liste des ajouts',
    tables: 'liste des tables',
    sources: 'liste des sources',
    format: 'version',
    id: 'identifiant',
    name: 'nom',
    savedAt: 'date d’import',
    table: 'nom de table',
    bytes: 'octets',
    sha256: 'empreinte sha256',
  },
  whole: 'enregistrement entier',
};
const FOUND_FR: Record<FoundValue, string> = {
  absent: 'manquant',
  null: 'vide (null)',
  text: 'texte inattendu',
  number: 'nombre inattendu',
  boolean: 'booléen inattendu',
  list: 'liste inattendue',
  bytes: 'octets inattendus',
  object: 'objet inattendu',
  other: 'valeur inattendue',
};

const RECORD_EN: Record<StoredRecord, string> = {
  resume: 'summary',
  fichiers: 'dataset files',
  ajouts: 'added rows',
};
const FIELD_EN: FieldNames = {
  item: { files: 'file', additions: 'addition', tables: 'table', sources: 'source' },
  value: {
    files: 'file list',
    additions: 'addition list',
    tables: 'table list',
    sources: 'source list',
    format: 'version',
    id: 'identifier',
    name: 'name',
    savedAt: 'import date',
    table: 'table name',
    bytes: 'bytes',
    sha256: 'sha256 checksum',
  },
  whole: 'whole record',
};
const FOUND_EN: Record<FoundValue, string> = {
  absent: 'missing',
  null: 'empty (null)',
  text: 'unexpected text',
  number: 'unexpected number',
  boolean: 'unexpected boolean',
  list: 'unexpected list',
  bytes: 'unexpected bytes',
  object: 'unexpected object',
  other: 'unexpected value',
};

const fr: SavedMessages = {
  storedShown: (date) => `Territoire importé le ${date} — enregistré dans ce navigateur.`,
  saving: 'Territoire importé — enregistrement dans ce navigateur…',
  opening: (name) => `Ouverture du territoire enregistré dans ce navigateur : ${name}…`,
  notSaved: (reason) =>
    `Territoire importé — non enregistré dans ce navigateur : ${reason} Il sera perdu au rechargement de la page ; la carte fonctionne normalement d’ici là.`,
  additionNotSaved: (reason) =>
    `Lignes ajoutées — non enregistrées dans ce navigateur : ${reason} Elles restent affichées jusqu’au rechargement de la page ; le territoire enregistré s’ouvrira alors sans elles.`,
  notKept:
    'Territoire importé — il n’est pas enregistré dans ce navigateur : il sera perdu au rechargement de la page.',
  unreadable: (failure, detail) =>
    `Le stockage de ce navigateur n’a pas pu être lu : ${
      failure === 'unavailable'
        ? 'il n’est pas disponible ou ne répond pas (navigation privée, stockage désactivé).'
        : `le navigateur a renvoyé une erreur (${detail}).`
    } Un territoire qui y serait enregistré n’a pas été ouvert ; la démo est affichée à la place. Vous pouvez le supprimer de ce navigateur puis importer à nouveau vos fichiers.`,
  storedAside: (name, date) =>
    `Le territoire « ${name} », importé le ${date}, est enregistré dans ce navigateur.`,
  corrupt: (problem) =>
    `Le territoire enregistré dans ce navigateur ne peut pas être ouvert : ${problem} La démo est affichée à la place ; vous pouvez le supprimer puis importer à nouveau vos fichiers.`,
  foreignLink:
    'Ce lien montre un territoire importé dans un autre navigateur : ses données sont restées sur l’ordinateur de la personne qui l’a importé, elles ne sont pas publiées. Voici la démo.',
  shareLocal:
    'Ce lien mène au territoire importé dans ce navigateur : il ne fonctionne que dans ce navigateur, car ses données ne sont pas publiées. Ailleurs, il affichera la démo avec un avertissement.',
  open: 'Ouvrir ce territoire',
  showDemo: 'Voir la démo',
  remove: 'Supprimer ce territoire',
  confirmRemove:
    'Supprimer ce territoire de ce navigateur ? Vos fichiers d’origine ne sont pas touchés ; pour le revoir, il faudra les importer à nouveau.',
  confirmYes: 'Oui, supprimer',
  cancel: 'Annuler',
  busy: 'Chargement…',
  actionFailed: (detail) => `L’opération a échoué : ${detail}`,
  failure: (failure, detail) =>
    failure === 'quota'
      ? 'l’espace de stockage du navigateur est plein (supprimez des données de sites ou un autre territoire).'
      : failure === 'unavailable'
        ? 'le stockage du navigateur n’est pas disponible (navigation privée ou stockage désactivé).'
        : `le navigateur a refusé l’enregistrement (${detail}).`,
  problem: (p) => {
    switch (p.kind) {
      case 'format':
        return 'son enregistrement n’est pas d’un format connu.';
      case 'damaged':
        return `son enregistrement est abîmé (${RECORD_FR[p.record]} — ${fieldLabel(p.path, FIELD_FR)} : ${FOUND_FR[p.found]}).`;
      case 'partial':
        return 'son enregistrement est incomplet.';
      case 'manifest':
        return `son manifeste est invalide (${p.detail}).`;
      case 'missing':
        return `le fichier ${p.file} manque.`;
      case 'size':
        return `le fichier ${p.file} fait ${p.bytes} octets au lieu de ${p.expected}.`;
      case 'checksum':
        return `le fichier ${p.file} ne correspond plus à son empreinte sha256 (données abîmées).`;
      case 'load':
        return `son chargement a échoué (${p.detail}).`;
    }
  },
  label: 'Territoire enregistré dans ce navigateur',
};

const en: SavedMessages = {
  storedShown: (date) => `Territory imported on ${date} — saved in this browser.`,
  saving: 'Imported territory — saving it in this browser…',
  opening: (name) => `Opening the territory saved in this browser: ${name}…`,
  notSaved: (reason) =>
    `Imported territory — not saved in this browser: ${reason} It will be lost when the page reloads; the map works as usual until then.`,
  additionNotSaved: (reason) =>
    `Added rows — not saved in this browser: ${reason} They stay shown until the page reloads; the saved territory will then open without them.`,
  notKept: 'Imported territory — it is not saved in this browser: it will be lost when the page reloads.',
  unreadable: (failure, detail) =>
    `This browser’s storage could not be read: ${
      failure === 'unavailable'
        ? 'it is not available or does not answer (private browsing, storage disabled).'
        : `the browser returned an error (${detail}).`
    } A territory saved in it was not opened; the demo is shown instead. You may delete it from this browser and import your files again.`,
  storedAside: (name, date) => `The territory “${name}”, imported on ${date}, is saved in this browser.`,
  corrupt: (problem) =>
    `The territory saved in this browser cannot be opened: ${problem} The demo is shown instead; you may delete it and import your files again.`,
  foreignLink:
    'This link shows a territory imported in another browser: its data stayed on the computer of the person who imported it and is not published. Here is the demo.',
  shareLocal:
    'This link leads to the territory imported in this browser: it only works in this browser, because its data is not published. Elsewhere it shows the demo with a warning.',
  open: 'Open this territory',
  showDemo: 'See the demo',
  remove: 'Delete this territory',
  confirmRemove:
    'Delete this territory from this browser? Your original files are not touched; to see it again, import them again.',
  confirmYes: 'Yes, delete',
  cancel: 'Cancel',
  busy: 'Loading…',
  actionFailed: (detail) => `The operation failed: ${detail}`,
  failure: (failure, detail) =>
    failure === 'quota'
      ? 'the browser’s storage is full (delete site data or another territory).'
      : failure === 'unavailable'
        ? 'the browser’s storage is not available (private browsing or storage disabled).'
        : `the browser refused to save it (${detail}).`,
  problem: (p) => {
    switch (p.kind) {
      case 'format':
        return 'its record is not in a known format.';
      case 'damaged':
        return `its record is damaged (${RECORD_EN[p.record]} — ${fieldLabel(p.path, FIELD_EN)}: ${FOUND_EN[p.found]}).`;
      case 'partial':
        return 'its record is incomplete.';
      case 'manifest':
        return `its manifest is invalid (${p.detail}).`;
      case 'missing':
        return `the file ${p.file} is missing.`;
      case 'size':
        return `the file ${p.file} is ${p.bytes} bytes instead of ${p.expected}.`;
      case 'checksum':
        return `the file ${p.file} no longer matches its sha256 checksum (damaged data).`;
      case 'load':
        return `loading it failed (${p.detail}).`;
    }
  },
  label: 'Territory saved in this browser',
};

/** The saved-territory texts, French first. */
export const savedMessages = { fr, en } as const satisfies Record<'fr' | 'en', SavedMessages>;
