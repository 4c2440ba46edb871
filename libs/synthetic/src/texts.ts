import type { Random } from './random';

/**
 * Invented names and the short texts people type. Parties carry numbered names
 * ("Gemeente 017") so nobody mistakes synthetic data for a real place; people get a common
 * Dutch first name and a surname assembled from syllables, so no real person is named.
 */
const FIRST_NAMES = [
  'Anna',
  'Bram',
  'Carla',
  'Daan',
  'Eva',
  'Fleur',
  'Gijs',
  'Hanna',
  'Ilse',
  'Jesse',
  'Karin',
  'Lars',
  'Maud',
  'Niels',
  'Olga',
  'Pim',
  'Rianne',
  'Sem',
  'Tessa',
  'Ugo',
  'Vera',
  'Wout',
  'Yara',
  'Zoë',
  'Amir',
  'Bilal',
  'Chantal',
  'Dewi',
  'Esra',
  'Fatima',
  'Gerrit',
  'Hatice',
  'Imke',
  'Joost',
  'Kees',
  'Lieke',
  'Mohamed',
  'Noor',
  'Oscar',
  'Priya',
  'Ruud',
  'Sanne',
  'Thijs',
  'Ursula',
  'Vincent',
  'Willemijn',
  'Yusuf',
  'Zeynep',
];
const PARTICLES = ['', '', '', 'van ', 'de ', 'van der ', 'ter ', 'van den '];
const SURNAME_HEADS = [
  'Brak',
  'Dol',
  'Elsen',
  'Gor',
  'Hul',
  'Kem',
  'Lin',
  'Mor',
  'Nol',
  'Pel',
  'Ros',
  'Stip',
  'Tal',
  'Vor',
  'Wes',
  'Zom',
];
const SURNAME_TAILS = [
  'hove',
  'ink',
  'kamp',
  'meijer',
  'stra',
  'ering',
  'dijk',
  'veld',
  'mans',
  'horst',
  'acker',
  'broek',
];

export function personName(random: Random): string {
  const surname = random.pick(SURNAME_HEADS) + random.pick(SURNAME_TAILS);
  return `${random.pick(FIRST_NAMES)} ${random.pick(PARTICLES)}${surname}`;
}

/** Addresses on example.org, a domain reserved for examples: mail to them goes nowhere. */
export function emailOf(name: string, personId: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .toLowerCase()
    .replace(/ +/g, '.');
  return `${local}.${personId.slice(2)}@example.org`;
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const GEMEENTE_ROLE_TITLES = [
  'Beleidsadviseur sociaal domein',
  'Wijkmanager',
  'Ambtelijk opdrachtgever',
  'Projectleider participatie',
];
export const INITIATIVE_ROLE_TITLE = 'Trekker bewonersinitiatief';
export const FUND_ROLE_TITLE = 'Fondsadviseur';
export const WELFARE_ROLE_TITLE = 'Opbouwwerker';
export const ASSOCIATION_ROLE_TITLE = 'Adviseur lokale democratie';
export const TEAM_ROLE_TITLES = ['Kernteamlid', 'Aanjager'];

export const DEPARTURE_REASONS = [
  'Andere baan bij een andere gemeente',
  'Andere baan bij de provincie',
  'Reorganisatie van de afdeling',
  'Met pensioen',
  'Langdurig ziek',
  'Einde detachering',
  'Tijdelijk contract niet verlengd',
  'Interne overstap naar een ander domein',
  'Verhuisd naar een andere regio',
];
export const BURST_REASONS = [
  'Reorganisatie van de afdeling',
  'Bezuinigingsronde',
  'Nieuw college, nieuwe prioriteiten',
];
export const HANDOVER_NOTES = [
  'Dossier overgedragen; partners nog niet voorgesteld.',
  'Warme overdracht met kennismaking bij de proeftuin.',
  'Alleen een overdrachtsdocument achtergelaten.',
  'Overdracht via de teamleider; opvolger nog zoekende.',
  'Lopende afspraken samen doorgenomen met de opvolger.',
  'Kort telefonisch overgedragen, daarna niet meer bereikbaar.',
];
export const TRANSFER_REASONS = [
  'Opgepakt door de opvolger na vertrek zonder overdracht',
  'Taak belegd bij een collega',
  'Herverdeling binnen het team',
];

export const COMMITMENT_DESCRIPTIONS = {
  attend: 'Zowel bewonersinitiatief als gemeente komen naar de collectieve bijeenkomsten',
  fund: 'Bijdrage aan de gezamenlijke pot van de proeftuin',
  house: 'Vergaderruimte in het wijkcentrum, kosteloos',
  support: 'Ondersteuning door een opbouwwerker, vier uur per week',
  deliver: 'Wijkplan opleveren en delen met de gemeente',
  'change-policy': 'Het initiatief opnemen in de gemeentelijke begroting',
  'attendance-fee': 'Vergoeding per bijgewoonde bijeenkomst voor het bewonersinitiatief',
} as const;

export const FULFIL_EVIDENCE = [
  'Bevestigd in het verslag van de bijeenkomst',
  'Zichtbaar in de jaarrekening',
  'Besluit gedeeld met de proeftuin',
  'Opgeleverd en besproken in het kernteam',
];
export const BREAK_REASONS = [
  'De gemeenteraad stemde tegen',
  'Geen capaciteit meer na vertrek van de contactpersoon',
  'Prioriteiten verschoven',
  'Niet gelukt binnen de looptijd',
];
export const WITHDRAW_REASONS = ['Niet meer nodig', 'Financiering elders gevonden', 'Proeftuin koos een andere aanpak'];
export const AMEND_REASONS = ['Raadsbesluit uitgesteld', 'Meer tijd nodig', 'Extra activiteiten goedgekeurd'];
export const REVERSAL_REASONS = ['Dubbel overgemaakt', 'Verkeerd rekeningnummer', 'Bedrag onjuist'];
export const CORRECTION_REASONS = [
  'Had zich vooraf afgemeld per e-mail',
  'Was er toch, stond niet op de lijst',
  'Verkeerd aangevinkt',
];
export const CANCEL_REASONS = [
  'Te weinig aanmeldingen',
  'Zaal niet beschikbaar',
  'Samengevoegd met een andere bijeenkomst',
];
export const THEMES = [
  'samen financieren',
  'de rol van de gemeente',
  'vrijwilligers vasthouden',
  'verantwoorden zonder gedoe',
  'de wijk aan het woord',
  'van project naar structuur',
];
