import type { OfferRow, ResourceType } from '../../src/data/schema/index.ts';
import type { AssociationIndex } from './association-index.ts';
import { toIsoDate } from './calendar.ts';
import { drawResourceType, type PartnershipTable } from './partnerships.ts';
import type { Random } from './random.ts';

// prettier-ignore
const TEXTS: Readonly<Record<ResourceType, { offre: readonly string[]; besoin: readonly string[] }>> = {
  locaux: {
    offre: ['Salle de réunion disponible en semaine, le soir', 'Grande salle libre certains week-ends', 'Bureau partagé à louer à prix coûtant'],
    besoin: ['Recherche une salle pour nos répétitions le samedi', 'Besoin d’un local de stockage', 'Cherche une salle pour notre assemblée générale'],
  },
  materiel: {
    offre: ['Barnums et tables à prêter pour vos fêtes', 'Sonorisation disponible avec un bénévole', 'Vidéoprojecteur à prêter'],
    besoin: ['Besoin de chaises pour un spectacle', 'Recherche des tentes pour un vide-greniers', 'Cherche un ordinateur pour l’accueil'],
  },
  vehicule: {
    offre: ['Minibus 9 places disponible le week-end', 'Camion à prêter pour vos déménagements'],
    besoin: ['Recherche un minibus pour les déplacements des jeunes', 'Besoin d’un utilitaire pour une collecte'],
  },
  competences: {
    offre: ['Bénévole comptable disponible pour aider', 'Aide à la création d’affiches et de sites'],
    besoin: ['Cherche de l’aide pour nos demandes de subvention', 'Besoin d’un appui juridique pour nos statuts'],
  },
  personnel: {
    offre: ['Temps de salarié mutualisable (animation)'],
    besoin: ['Recherche un emploi partagé de coordination'],
  },
  information_formation: {
    offre: ['Formation premiers secours ouverte aux autres associations', 'Atelier « gérer ses bénévoles »'],
    besoin: ['Cherche une formation à la comptabilité associative'],
  },
  projet_commun: {
    offre: ['Proposons un festival commun à l’automne', 'Recherchons des partenaires pour la fête du sport'],
    besoin: ['Cherche des associations pour un forum commun'],
  },
  autre: { offre: ['Autres ressources à partager'], besoin: ['Autre besoin, nous contacter'] },
};

/**
 * Announcements of what associations offer and need, in batches. Needs of associations without
 * any partner mostly stay open: the unmet needs a local authority wants to see.
 */
export function* generateOffers(
  random: Random,
  associations: AssociationIndex,
  partnerships: PartnershipTable,
  period: { start: number; end: number; batchSize: number },
): Generator<OfferRow[]> {
  const connected = new Uint8Array(associations.size);
  for (let p = 0; p < partnerships.size; p++) {
    connected[partnerships.provider[p] ?? 0] = 1;
    connected[partnerships.receiver[p] ?? 0] = 1;
  }
  let batch: OfferRow[] = [];
  let count = 0;
  for (let i = 0; i < associations.size; i++) {
    if (associations.dormant[i] || (associations.activeTo[i] ?? 0) < period.end - 365) continue;
    const isConnected = connected[i] === 1;
    const isHub = associations.hubIndex[i] !== -1;
    const posts = isHub ? 3 : random.chance(isConnected ? 0.16 : 0.08) ? 1 : 0;
    for (let k = 0; k < posts; k++) {
      const direction = isHub || (isConnected && random.chance(0.55)) ? 'offre' : 'besoin';
      const type = drawResourceType(random, associations, i);
      const start = random.int(
        Math.max(period.start + 365, associations.activeFrom[i] ?? 0),
        period.end - 30,
      );
      const fulfilled = isConnected ? random.chance(0.6) : random.chance(0.15);
      const end = random.chance(0.5) ? Math.min(period.end + 180, start + random.int(60, 540)) : null;
      batch.push({
        id_annonce: `A${String(++count).padStart(7, '0')}`,
        association_id: associations.id(i),
        sens: direction,
        type_ressource: type,
        categorie_bien: null,
        description: random.pick(TEXTS[type][direction]),
        date_debut: toIsoDate(start),
        date_fin: end === null ? null : toIsoDate(end),
        statut: fulfilled ? 'pourvue' : end !== null && end < period.end ? 'expiree' : 'ouverte',
      });
      if (batch.length === period.batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
