import { COMMITMENT_KINDS } from '@samen/commitments';
import { PAYMENT_PURPOSES } from '@samen/money';
import { commitmentAudit, invoiceWaits, tenuresOf, type LedgerViews } from '@samen/views';
import type { PageInput } from '../pages/page-input';
import { programmeOf } from '../pages/page-input';
import { VISIBILITY_TEXT } from '../pages/reflections.page';
import type { FactForm, Option } from './fact-form';

const PURPOSE_TEXT: Record<(typeof PAYMENT_PURPOSES)[number], readonly [string, string]> = {
  'programme-contribution': ['bijdrage aan het programma', 'programme contribution'],
  'annual-subsidy': ['jaarlijkse subsidie', 'annual subsidy'],
  'multi-year-budget': ['meerjarige begrotingspost', 'multi-year budget line'],
  'attendance-fee': ['vergoeding voor aanwezigheid', 'attendance fee'],
  invoice: ['betaling van een factuur', 'invoice payment'],
};

export const COMMITMENT_KIND_TEXT: Record<(typeof COMMITMENT_KINDS)[number], readonly [string, string]> = {
  attend: ['aanwezig zijn bij collectieve bijeenkomsten', 'attend collective meetings'],
  fund: ['financieren', 'fund'],
  house: ['huisvesten', 'house'],
  support: ['ondersteunen', 'support'],
  deliver: ['leveren', 'deliver'],
  'change-policy': ['beleid veranderen', 'change policy'],
  'attendance-fee': ['vergoeding per bijeenkomst', 'fee per meeting attended'],
};

/** The parties a reader may record for: a member for its own party, the programme team for all. */
function ownParties(input: PageInput): Option[] {
  const { principal } = input.context;
  const parties = [...input.views.directory.parties.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return parties
    .filter((p) => principal?.kind !== 'party-member' || p.partyId === principal.partyId)
    .map((p) => ({ value: p.partyId, label: p.name }));
}

function allParties(input: PageInput): Option[] {
  return [...input.views.directory.parties.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map((p) => ({ value: p.partyId, label: p.name }));
}

function sites(input: PageInput): Option[] {
  const programme = programmeOf(input);
  return [...input.views.directory.sites.values()]
    .filter((s) => s.programmeId === programme?.programmeId)
    .map((s) => ({ value: s.siteId, label: s.name }));
}

function openCommitments(input: PageInput, kinds?: readonly string[]): Option[] {
  const { commitments } = commitmentAudit(
    input.views.directory,
    input.views.commitments,
    { programmeId: programmeOf(input)?.programmeId, status: 'open' },
    { asOf: Infinity, knownAt: Infinity },
    input.now,
  );
  return commitments
    .filter((c) => !kinds || kinds.includes(c.kind))
    .map((c) => ({ value: c.commitmentId, label: `${c.byPartyName}: ${c.description}` }));
}

function waitingInvoices(input: PageInput): Option[] {
  return invoiceWaits(
    input.views,
    { programmeId: programmeOf(input)?.programmeId },
    { asOf: Infinity, knownAt: Infinity },
    input.now,
  )
    .invoices.filter((i) => i.waiting)
    .map((i) => ({
      value: i.invoiceId,
      label: `${i.fromName} → ${i.toName}, ${(i.amountInCents / 100).toFixed(2).replace('.', ',')} euro`,
    }));
}

/** The people who held a seat at the parties the reader may record for, by name or seat. */
export function peopleOfParties(views: LedgerViews, partyIds: ReadonlySet<string>): Map<string, string> {
  const people = new Map<string, string>();
  for (const partyId of partyIds) {
    for (const roleId of views.directory.rolesOfParty.get(partyId) ?? []) {
      for (const fact of views.continuity.seats.get(roleId) ?? []) {
        if (fact.kind === 'assigned' || fact.kind === 'appointed') people.set(fact.personId, partyId);
      }
    }
  }
  return people;
}

function people(input: PageInput, partyIds?: ReadonlySet<string>): Option[] {
  const chosen = peopleOfParties(input.views, partyIds ?? new Set(ownParties(input).map((o) => o.value)));
  return [...chosen].map(([personId, partyId]) => ({
    value: personId,
    label: input.people?.label(personId, input.views.directory.parties.get(partyId)?.name) ?? personId,
  }));
}

/** The party of the role a handover form is about. */
function partyOfRole(input: PageInput): Set<string> {
  const role = input.subject ? input.views.directory.roles.get(input.subject) : undefined;
  return new Set(role ? [role.partyId] : []);
}

/** Who hands the seat over: its holder, or while it is vacant the one who left it last. */
function lastHolder(input: PageInput): Option[] {
  // The latest tenure: the holder's, or while vacant that of the one who left.
  const holder = tenuresOf(input.subject ? (input.views.continuity.seats.get(input.subject) ?? []) : []).at(
    -1,
  )?.personId;
  const partyId = input.subject ? input.views.directory.roles.get(input.subject)?.partyId : undefined;
  const partyName = partyId ? input.views.directory.parties.get(partyId)?.name : undefined;
  return holder ? [{ value: holder, label: input.people?.label(holder, partyName) ?? holder }] : [];
}

/** The open commitments bound to the role a handover form is about. */
function seatCommitments(input: PageInput): Option[] {
  const bound = new Set(input.subject ? (input.views.continuity.commitmentsBySeat.get(input.subject) ?? []) : []);
  return openCommitments(input).filter((o) => bound.has(o.value));
}

/** What a reflection can be about: the programme, one of its sites, or one of its latest meetings. */
function subjects(input: PageInput): Option[] {
  const programme = programmeOf(input);
  if (!programme) return [];
  const meetings = [...input.views.directory.meetings.values()]
    .filter((m) => m.programmeId === programme.programmeId)
    .sort((a, b) => b.startsAt - a.startsAt)
    .slice(0, 40);
  return [
    {
      value: `programme:${programme.programmeId}`,
      label: input.context.t(`Het programma: ${programme.name}`, `The programme: ${programme.name}`),
    },
    ...sites(input).map((s) => ({ value: `site:${s.value}`, label: s.label })),
    ...meetings.map((m) => ({
      value: `meeting:${m.meetingId}`,
      label: `${m.title} (${new Date(m.startsAt).toISOString().slice(0, 10)})`,
    })),
  ];
}

const visibilities = (input: PageInput): Option[] =>
  (['shared', 'initiatives', 'funders-aggregate'] as const).map((kind) => {
    const [nl, en] = VISIBILITY_TEXT[kind];
    return { value: kind, label: input.context.t(nl, en) };
  });

const purposes = (input: PageInput): Option[] =>
  PAYMENT_PURPOSES.map((p) => ({ value: p, label: input.context.t(...PURPOSE_TEXT[p]) }));

/** The facts recorded most, as forms: each posts to the API's own route on the reader's behalf. */
export const FACT_FORMS: Readonly<Record<string, FactForm>> = {
  betaling: {
    title: ['Betaling vastleggen', 'Record a payment'],
    route: () => '/payments',
    fields: [
      { name: 'fromPartyId', label: ['Betaler', 'Payer'], kind: 'select', required: true, options: ownParties },
      { name: 'toPartyId', label: ['Ontvanger', 'Payee'], kind: 'select', required: true, options: allParties },
      {
        name: 'amountInCents',
        label: ['Bedrag', 'Amount'],
        kind: 'euros',
        required: true,
        hint: ['In euro, bijvoorbeeld 1.250,00', 'In euros, for example 1.250,00'],
      },
      { name: 'purpose', label: ['Doel', 'Purpose'], kind: 'select', required: true, options: purposes },
      { name: 'paidOn', label: ['Betaald op', 'Paid on'], kind: 'date', required: true },
      {
        name: 'settlesCommitmentId',
        label: ['Voor toezegging', 'For commitment'],
        kind: 'select',
        options: (i) => openCommitments(i, ['fund', 'attendance-fee']),
      },
      {
        name: 'settlesInvoiceId',
        label: ['Voldoet factuur', 'Settles invoice'],
        kind: 'select',
        options: waitingInvoices,
      },
    ],
    after: (context) => context.href('/app/geld'),
  },
  factuur: {
    title: ['Factuur vastleggen', 'Record an invoice'],
    intro: [
      'Een initiatief factureert zijn tijd, bijvoorbeeld advieswerk voor de gemeente.',
      'An initiative bills its time, for example advisory work for the gemeente.',
    ],
    route: () => '/invoices',
    fields: [
      {
        name: 'fromPartyId',
        label: ['Wie factureert', 'Who bills'],
        kind: 'select',
        required: true,
        options: ownParties,
      },
      { name: 'toPartyId', label: ['Aan wie', 'Billed to'], kind: 'select', required: true, options: allParties },
      {
        name: 'amountInCents',
        label: ['Bedrag', 'Amount'],
        kind: 'euros',
        required: true,
        hint: ['In euro, bijvoorbeeld 1.250,00', 'In euros, for example 1.250,00'],
      },
      { name: 'description', label: ['Waarvoor', 'For what'], kind: 'textarea', required: true, maxLength: 2000 },
      { name: 'submittedOn', label: ['Ingediend op', 'Submitted on'], kind: 'date', required: true },
      {
        name: 'commitmentId',
        label: ['Bij toezegging', 'Under commitment'],
        kind: 'select',
        options: (i) => openCommitments(i),
      },
    ],
    after: (context) => context.href('/app/geld'),
  },
  toezegging: {
    title: ['Toezegging vastleggen', 'Record a commitment'],
    route: () => '/commitments',
    fixed: (input) => ({ programmeId: programmeOf(input)?.programmeId }),
    fields: [
      {
        name: 'byPartyId',
        label: ['Wie zegt toe', 'Who commits'],
        kind: 'select',
        required: true,
        options: ownParties,
      },
      {
        name: 'responsiblePersonId',
        label: ['Verantwoordelijke', 'Responsible person'],
        kind: 'select',
        required: true,
        options: (i) => people(i),
      },
      { name: 'toPartyIds', label: ['Aan wie', 'To whom'], kind: 'choices', required: true, options: allParties },
      { name: 'siteId', label: ['Proeftuin', 'Site'], kind: 'select', options: sites },
      {
        name: 'kind',
        label: ['Soort', 'Kind'],
        kind: 'select',
        required: true,
        options: (i) => COMMITMENT_KINDS.map((k) => ({ value: k, label: i.context.t(...COMMITMENT_KIND_TEXT[k]) })),
      },
      {
        name: 'description',
        label: ['Wat is toegezegd', 'What was promised'],
        kind: 'textarea',
        required: true,
        maxLength: 2000,
      },
      {
        name: 'amountInCents',
        label: ['Bedrag', 'Amount'],
        kind: 'euros',
        hint: ['Verplicht bij financieren en vergoedingen', 'Required for funding and fees'],
      },
      { name: 'dueOn', label: ['Uiterlijk', 'Due on'], kind: 'date' },
    ],
    after: (context) => context.href('/app/afspraken'),
  },
  nakomen: {
    title: ['Toezegging nagekomen', 'Commitment fulfilled'],
    needsSubject: true,
    route: (id) => `/commitments/${encodeURIComponent(id!)}/fulfilment`,
    fields: [
      {
        name: 'evidence',
        label: ['Waaruit blijkt het', 'Evidence'],
        kind: 'textarea',
        required: true,
        maxLength: 2000,
      },
    ],
    after: (context, id) => context.href(`/app/afspraken/${encodeURIComponent(id!)}`),
  },
  intrekken: {
    title: ['Toezegging intrekken', 'Withdraw a commitment'],
    needsSubject: true,
    route: (id) => `/commitments/${encodeURIComponent(id!)}/withdrawal`,
    fields: [{ name: 'reason', label: ['Waarom', 'Why'], kind: 'textarea', required: true, maxLength: 1000 }],
    after: (context, id) => context.href(`/app/afspraken/${encodeURIComponent(id!)}`),
  },
  overdracht: {
    title: ['Overdracht vastleggen', 'Record a handover'],
    needsSubject: true,
    route: (roleId) => `/roles/${encodeURIComponent(roleId!)}/handovers`,
    intro: [
      'Wie vertrekt, draagt de functie en de open afspraken over aan een opvolger, of aan de partij zelf als er nog niemand is.',
      'Who leaves hands the role and its open commitments to a successor, or to the party itself while there is nobody yet.',
    ],
    fields: [
      {
        name: 'fromPersonId',
        label: ['Van wie', 'From whom'],
        kind: 'select',
        required: true,
        options: lastHolder,
      },
      {
        name: 'toPersonId',
        label: ['Aan wie', 'To whom'],
        kind: 'select',
        required: true,
        options: (i) => [
          { value: '∅', label: i.context.t('nog niemand (aan de partij zelf)', 'nobody yet (to the party itself)') },
          ...people(i, partyOfRole(i)),
        ],
      },
      { name: 'handedOverOn', label: ['Datum van overdracht', 'Date of handover'], kind: 'date', required: true },
      {
        name: 'transferredCommitmentIds',
        label: ['Welke open afspraken gaan mee', 'Which open commitments move'],
        kind: 'choices',
        options: seatCommitments,
      },
      {
        name: 'introducedToPartners',
        label: ['De opvolger is voorgesteld aan de partners', 'The successor was introduced to the partners'],
        kind: 'yes-no',
      },
      {
        name: 'note',
        label: [
          'Notitie (alleen voor het kernteam en de eigen partij)',
          'Note (for the programme team and the own party only)',
        ],
        kind: 'textarea',
        maxLength: 4000,
      },
    ],
    after: (context) => context.href('/app/overdrachten'),
  },
  reflectie: {
    title: ['Reflectie vastleggen', 'Record a reflection'],
    intro: [
      'Wat gebeurde er, en wat leerden jullie ervan? Kies wie het mag lezen: zo kan ook wat misging gedeeld worden.',
      'What happened, and what did you learn? Choose who may read it: that way what went wrong can be shared too.',
    ],
    route: () => '/reflections',
    fixed: (input) => ({ programmeId: programmeOf(input)?.programmeId }),
    fields: [
      { name: 'byPartyId', label: ['Namens', 'For'], kind: 'select', required: true, options: ownParties },
      // Not `subject`: that name carries what a form is about (the commitment to fulfil).
      { name: 'about', label: ['Waarover', 'About'], kind: 'select', required: true, options: subjects },
      {
        name: 'whatHappened',
        label: ['Wat er gebeurde', 'What happened'],
        kind: 'textarea',
        required: true,
        maxLength: 4000,
      },
      {
        name: 'learned',
        label: ['Wat we ervan leerden', 'What was learned'],
        kind: 'textarea',
        required: true,
        maxLength: 4000,
      },
      {
        name: 'themes',
        label: ["Thema's", 'Themes'],
        kind: 'text',
        required: true,
        maxLength: 500,
        hint: [
          'Gescheiden door komma’s, bijvoorbeeld: intervisie, vertrouwen',
          'Separated by commas, for example: intervisie, vertrouwen',
        ],
      },
      {
        name: 'visibility',
        label: ['Wie mag het lezen', 'Who may read it'],
        kind: 'select',
        required: true,
        options: visibilities,
      },
    ],
    shape: (body) => {
      const { about, ...rest } = body;
      const [kind, ...id] = String(about).split(':');
      return {
        ...rest,
        subject: { kind, id: id.join(':') },
        themes: String(body.themes)
          .split(',')
          .map((theme) =>
            theme
              .trim()
              .toLowerCase()
              .replace(/\s+/g, '-')
              .replace(/[^a-z0-9._:-]/g, ''),
          )
          .filter((theme) => theme !== ''),
        visibility: { kind: body.visibility },
      };
    },
    after: (context) => context.href('/app/reflecties'),
  },
};
