import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

/**
 * Law: whatever a client throws at a command endpoint, the API answers with a 201 or a
 * 4xx problem (never a 5xx), every refusal is application/problem+json whose `status` is
 * the HTTP status, and a refused request leaves the store's global head where it was.
 *
 * The story is seeded first (programme SAMEN with site Vaals, its gemeente, dorpsraad and
 * fund, Anna and Bram, Anna's seat, a meeting, a commitment, an invoice and a payment), so
 * that random requests naming those ids get past validation into the deciders.
 */

type Body = Record<string, unknown>;

interface Endpoint {
  /** The route as the controller declares it. */
  readonly route: string;
  /** Ids of the story that the path parameter may name, if the route has one. */
  readonly knownIds?: readonly string[];
  /** A body the endpoint would accept (or refuse in a decider) for the known id. */
  readonly validBody: Body;
}

/** What one run sends: exactly this, byte for byte, so the counterexample reproduces. */
interface MalformedRequest {
  readonly path: string;
  readonly contentType: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

interface Reply {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly text: string;
}

// The story, as the seed records it.
const programmeSamen = {
  programmeId: 'samen',
  name: 'Programma SAMEN',
  startsOn: '2022-12-01',
  endsOn: '2024-11-25',
};
const gemeenteVaals = { partyId: 'gemeente-vaals', kind: 'municipality', name: 'Gemeente Vaals' };
const dorpsraadVaals = { partyId: 'dorpsraad-vaals', kind: 'initiative', name: 'Dorpsraad Vaals' };
const oranjeFonds = { partyId: 'oranje-fonds', kind: 'fund', name: 'Oranje Fonds' };
const anna = { personId: 'person-anna', name: 'Anna Jansen', email: 'anna@example.org' };
const bram = { personId: 'person-bram', name: 'Bram de Vries' };
const vaalsJoinsSamen = {
  siteId: 'vaals',
  name: 'Proeftuin Vaals',
  initiativePartyIds: ['dorpsraad-vaals'],
  gemeentePartyId: 'gemeente-vaals',
  funded: true,
};
const annaBeleidsadviseurInVaals = {
  roleId: 'vaals-beleidsadviseur',
  partyId: 'gemeente-vaals',
  programmeId: 'samen',
  siteId: 'vaals',
  title: 'Beleidsadviseur sociaal domein',
  personId: 'person-anna',
};
const collectiveMeetingInUtrecht = {
  meetingId: 'collectief-2023-03',
  programmeId: 'samen',
  kind: 'collective',
  title: 'Collectieve bijeenkomst: samen financieren',
  startsAt: '2023-03-14T10:00:00+01:00',
  place: 'Utrecht',
  expectedPartyIds: ['gemeente-vaals', 'dorpsraad-vaals'],
};
const vaalsPromisesABudgetLine = {
  commitmentId: 'vaals-begroting',
  programmeId: 'samen',
  siteId: 'vaals',
  byPartyId: 'gemeente-vaals',
  byRoleId: 'vaals-beleidsadviseur',
  responsiblePersonId: 'person-anna',
  toPartyIds: ['dorpsraad-vaals'],
  kind: 'change-policy',
  description: 'De dorpsraad opnemen in de gemeentebegroting',
  dueOn: '2024-01-01',
};
const dorpsraadInvoicesVaals = {
  invoiceId: 'factuur-2023-017',
  fromPartyId: 'dorpsraad-vaals',
  toPartyId: 'gemeente-vaals',
  amountInCents: 120_000,
  description: 'Advieswerk bij het wijkplan, 16 uur',
  submittedOn: '2023-06-30',
};
const oranjeFondsPaysTheDorpsraad = {
  paymentId: 'oranje-fonds-vaals-1',
  fromPartyId: 'oranje-fonds',
  toPartyId: 'dorpsraad-vaals',
  amountInCents: 1_500_000,
  purpose: 'programme-contribution',
  paidOn: '2023-04-03',
};

const STORY_IDS = [
  'samen',
  'vaals',
  'gemeente-vaals',
  'dorpsraad-vaals',
  'oranje-fonds',
  'person-anna',
  'person-bram',
  'vaals-beleidsadviseur',
  'collectief-2023-03',
  'vaals-begroting',
  'factuur-2023-017',
  'oranje-fonds-vaals-1',
];

const ENDPOINTS: readonly Endpoint[] = [
  {
    route: '/programmes',
    validBody: { programmeId: 'samen-twee', name: 'Programma SAMEN 2', startsOn: '2025-01-01', endsOn: '2026-12-31' },
  },
  {
    route: '/programmes/:programmeId/sites',
    knownIds: ['samen'],
    validBody: {
      siteId: 'kampen',
      name: 'Proeftuin Kampen',
      initiativePartyIds: ['dorpsraad-vaals'],
      gemeentePartyId: 'gemeente-vaals',
      funded: false,
    },
  },
  { route: '/parties', validBody: { partyId: 'wijkvereniging-brunnepe', kind: 'association', name: 'Brunnepe' } },
  {
    route: '/people',
    validBody: { personId: 'person-c41d', name: 'Sanne de Vries', email: 'sanne@example.org', phone: '+31 6 1234' },
  },
  {
    route: '/roles',
    validBody: {
      roleId: 'vaals-wijkcoordinator',
      partyId: 'gemeente-vaals',
      programmeId: 'samen',
      siteId: 'vaals',
      title: 'Wijkcoördinator',
      personId: 'person-bram',
    },
  },
  {
    route: '/roles/:roleId/vacate',
    knownIds: ['vaals-beleidsadviseur'],
    validBody: { personId: 'person-anna', reason: 'Andere baan bij de provincie' },
  },
  { route: '/roles/:roleId/successor', knownIds: ['vaals-beleidsadviseur'], validBody: { personId: 'person-bram' } },
  {
    route: '/roles/:roleId/handovers',
    knownIds: ['vaals-beleidsadviseur'],
    validBody: {
      fromPersonId: 'person-anna',
      toPersonId: 'person-bram',
      handedOverOn: '2023-09-15',
      transferredCommitmentIds: ['vaals-begroting'],
      introducedToPartners: true,
      note: 'Warme overdracht; de dorpsraad kent Bram nog niet.',
    },
  },
  {
    route: '/meetings',
    validBody: {
      meetingId: 'thema-2023-05',
      programmeId: 'samen',
      kind: 'thematic',
      title: 'Themabijeenkomst wonen',
      startsAt: '2023-05-10T14:00:00+02:00',
      place: 'Zwolle',
      hostSiteId: 'vaals',
      expectedPartyIds: ['gemeente-vaals', 'oranje-fonds'],
    },
  },
  {
    route: '/meetings/:meetingId/attendance',
    knownIds: ['collectief-2023-03'],
    validBody: { personId: 'person-anna', partyId: 'gemeente-vaals', status: 'present' },
  },
  {
    route: '/meetings/:meetingId/attendance/corrections',
    knownIds: ['collectief-2023-03'],
    validBody: { personId: 'person-anna', status: 'excused', reason: 'Had zich vooraf afgemeld per e-mail' },
  },
  {
    route: '/meetings/:meetingId/cancellation',
    knownIds: ['collectief-2023-03'],
    validBody: { reason: 'Te weinig aanmeldingen' },
  },
  {
    route: '/commitments',
    validBody: {
      commitmentId: 'oranje-fonds-vaals',
      programmeId: 'samen',
      siteId: 'vaals',
      byPartyId: 'oranje-fonds',
      responsiblePersonId: 'person-bram',
      toPartyIds: ['dorpsraad-vaals'],
      kind: 'fund',
      description: 'Drie jaar lang een bijdrage aan de dorpsraad',
      amountInCents: 2_500_000,
      dueOn: '2024-01-01',
    },
  },
  {
    route: '/commitments/:commitmentId/amendments',
    knownIds: ['vaals-begroting'],
    validBody: { description: 'Opnemen in de begroting 2025', dueOn: '2025-01-01', reason: 'Raadsbesluit uitgesteld' },
  },
  {
    route: '/commitments/:commitmentId/ownership',
    knownIds: ['vaals-begroting'],
    validBody: { toPersonId: 'person-bram', toRoleId: 'vaals-beleidsadviseur', reason: 'Anna vertrekt' },
  },
  {
    route: '/commitments/:commitmentId/fulfilment',
    knownIds: ['vaals-begroting'],
    validBody: { evidence: 'Begroting 2024, programma 6, post 6.1.3' },
  },
  {
    route: '/commitments/:commitmentId/breach',
    knownIds: ['vaals-begroting'],
    validBody: { reason: 'De gemeenteraad stemde tegen' },
  },
  {
    route: '/commitments/:commitmentId/withdrawal',
    knownIds: ['vaals-begroting'],
    validBody: { reason: 'Niet meer nodig' },
  },
  {
    route: '/payments',
    validBody: {
      paymentId: 'gemeente-vaals-factuur-017',
      fromPartyId: 'gemeente-vaals',
      toPartyId: 'dorpsraad-vaals',
      amountInCents: 120_000,
      purpose: 'invoice',
      paidOn: '2023-07-14',
      settlesInvoiceId: 'factuur-2023-017',
    },
  },
  {
    route: '/payments/:paymentId/reversal',
    knownIds: ['oranje-fonds-vaals-1'],
    validBody: { reason: 'Dubbel overgemaakt' },
  },
  {
    route: '/invoices',
    validBody: {
      invoiceId: 'factuur-2023-018',
      fromPartyId: 'dorpsraad-vaals',
      toPartyId: 'gemeente-vaals',
      amountInCents: 80_000,
      description: 'Zaalhuur wijkavond',
      submittedOn: '2023-07-01',
      commitmentId: 'vaals-begroting',
    },
  },
  {
    route: '/invoices/:invoiceId/payment',
    knownIds: ['factuur-2023-017'],
    validBody: { paymentId: 'oranje-fonds-vaals-1' },
  },
];

// ---- Values of the wrong kind, for any field ----

const chars = (codes: number[]) => fc.constantFrom(...codes.map((code) => String.fromCharCode(code)));
const controlCharacter = chars([0, 1, 7, 8, 11, 12, 14, 27, 31, 127, 0x85, 0x9f]);

const wrongNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, -0, 0.5, 1.5, 99.99, 1e21, -1e21, 2 ** 53 + 2, 1_000_000_001, Number.MAX_VALUE),
);
const wrongText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: controlCharacter, minLength: 1, maxLength: 4 }).map((control) => `Waarom${control}niet`),
  fc.integer({ min: 2_001, max: 12_000 }).map((length) => 'ë'.repeat(length)),
  fc.constantFrom('', ' ', '\t', '\n', '\u2028', '\uFEFF', '\uD800', '<script>alert(1)</script>', "'; DROP TABLE x"),
  fc.constantFrom('12', '1e3', ' 7 ', '0x10', 'true', 'null', '[]', '{}'),
);
const wrongDate = fc.oneof(
  fc.constantFrom(
    '2023-02-30',
    '2023-02-29',
    '2024-02-30',
    '2023-13-01',
    '2023-00-10',
    '2023-04-31',
    '0000-01-01',
    '0099-12-31',
    '9999-12-31',
    '99999-01-01',
    '2023-1-1',
    '2023-01-01T00:00:00Z',
    '2999-01-01T00:00:00Z',
    '9999-12-31T23:59:59+14:00',
    '2023-03-14T24:00:00+01:00',
    '2023-03-14T10:60:00+01:00',
    '2023-03-14T10:00:00+24:00',
    '2023-03-14T10:00:00',
    '2023-03-14 10:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    'gisteren',
  ),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);
const wrongId = fc.oneof(
  fc.constantFrom(...STORY_IDS),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
  fc.constantFrom('Gemeente-Vaals', '-vaals', 'vaals_1', 'gemeënte', 'a'.repeat(81), 'samen\n', ' samen', '../samen'),
);
/** Objects whose conversion to a primitive throws or surprises (`String(x)`, `Number(x)`). */
const trickyObject = fc.oneof(
  fc.constantFrom<unknown>(
    { toString: 1 },
    { valueOf: 'x' },
    { toString: null, valueOf: null },
    { toJSON: 1 },
    { length: 3 },
    { then: 1 },
    [{ toString: 1 }],
  ),
  fc.dictionary(
    fc.constantFrom('toString', 'valueOf', 'constructor', 'hasOwnProperty', 'prototype', 'length', 'then'),
    fc.jsonValue({ maxDepth: 1 }),
  ),
);
const wrongStructure = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
  trickyObject,
  fc.constant(Array.from({ length: 201 }, (_, i) => `partij-${i}`)),
  fc.constant(['gemeente-vaals', 'gemeente-vaals']),
  fc.constant([]),
);
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: wrongNumber },
  { weight: 2, arbitrary: wrongText },
  { weight: 2, arbitrary: wrongDate },
  { weight: 2, arbitrary: wrongId },
  { weight: 2, arbitrary: wrongStructure },
  { weight: 2, arbitrary: trickyObject },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Leave the field out altogether. */
const OMIT = Symbol('omit');

/**
 * Wrong values for a field, biased towards near misses of its own kind (a number for a
 * number, a date for a date) and towards objects that break conversion to a primitive.
 */
function wrongValueFor(valid: unknown): fc.Arbitrary<unknown> {
  const nearMiss =
    typeof valid === 'number'
      ? wrongNumber
      : typeof valid === 'boolean'
        ? fc.constantFrom<unknown>('true', 'false', 1, 0, 'ja', [true])
        : Array.isArray(valid)
          ? wrongStructure
          : typeof valid === 'string' && /^\d{4}-\d{2}-\d{2}/.test(valid)
            ? wrongDate
            : typeof valid === 'string' && /^[a-z0-9-]+$/.test(valid)
              ? wrongId
              : wrongText;
  return fc.oneof(
    { weight: 3, arbitrary: nearMiss },
    { weight: 2, arbitrary: trickyObject },
    { weight: 2, arbitrary: wrongValue },
    { weight: 1, arbitrary: fc.constant(OMIT) },
  );
}

/** A valid body with one to three fields replaced, removed or added. */
function almostValid(valid: Body): fc.Arbitrary<Body> {
  const change = (field: string, value: fc.Arbitrary<unknown>, weight: number) => ({
    weight,
    arbitrary: value.map((wrong): [string, unknown] => [field, wrong]),
  });
  const changes = fc.oneof(
    // Non-string fields weigh more: they are where the API converts and type-checks.
    ...Object.entries(valid).map(([field, value]) =>
      change(field, wrongValueFor(value), typeof value === 'string' ? 4 : 8),
    ),
    change('occurredAt', wrongValueFor('2023-03-14T10:00:00+01:00'), 2),
    ...['onbekend', 'constructor', 'toString'].map((field) => change(field, wrongValue, 1)),
  );
  return fc.uniqueArray(changes, { minLength: 1, maxLength: 3, selector: ([field]) => field }).map((chosen) => {
    const body: Body = { ...valid };
    for (const [field, value] of chosen) {
      if (value === OMIT) delete body[field];
      // defineProperty: an own data property even for names like "constructor".
      else Object.defineProperty(body, field, { value, enumerable: true, writable: true, configurable: true });
    }
    return body;
  });
}

/**
 * A valid body naming other things: ids of the story in the wrong place, or ids never
 * recorded. It passes validation, so the deciders answer (404, 409, 422, or rarely 201).
 */
function otherIds(valid: Body): fc.Arbitrary<Body> {
  const idFields = Object.keys(valid).filter((name) => /Id$/.test(name));
  if (idFields.length === 0) return fc.constant(valid);
  const id = fc.oneof(fc.constantFrom(...STORY_IDS), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/));
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom(...idFields), id), { minLength: 1, maxLength: 2, selector: ([name]) => name })
    .map((changes) => ({ ...valid, ...Object.fromEntries(changes) }));
}

/** Text that is not the JSON of an object: broken, hostile or just odd. */
const notJson = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    '{',
    '}',
    '{"reason": ',
    "{'reason': 'x'}",
    '{reason: "x"}',
    '[1,]',
    '{"reason":"x",}',
    'NaN',
    'undefined',
    'null',
    'true',
    '""',
    '"samen"',
    '42',
    '[]',
    '{"reason":"x"}garbage',
    '\uFEFF{"reason":"x"}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"reason":"\\ud800"}',
    '{"reason":"\\u0000"}',
    '{"amountInCents":1e999}',
    '{"amountInCents":-0}',
    '{"reason":"a","reason":"b"}',
    '\u0000',
    '<?xml version="1.0"?><reason>x</reason>',
    'reason=x&personId=person-anna',
  ),
  fc.integer({ min: 1_000, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1_000, max: 10_000 }).map((depth) => `{"reason":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`),
  fc.constant(JSON.stringify({ reason: 'x'.repeat(300 * 1024) })),
);

const wrongContentType = fc.constantFrom(
  'text/plain',
  'text/plain; charset=utf-8',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/jsonx',
  'application/problem+json',
  'APPLICATION/JSON',
  'application/json;;;',
  '',
  '*/*',
);

interface BodyChoice {
  readonly contentType: string | null;
  readonly body: string | undefined;
}
const json = (body: string | undefined): BodyChoice => ({ contentType: 'application/json', body });

function bodyFor(endpoint: Endpoint): fc.Arbitrary<BodyChoice> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(json(JSON.stringify(endpoint.validBody))) },
    { weight: 3, arbitrary: otherIds(endpoint.validBody).map((body) => json(JSON.stringify(body))) },
    { weight: 7, arbitrary: almostValid(endpoint.validBody).map((body) => json(JSON.stringify(body))) },
    { weight: 2, arbitrary: fc.anything().map((value) => json(JSON.stringify(value))) },
    { weight: 2, arbitrary: fc.jsonValue().map((value) => json(JSON.stringify(value))) },
    { weight: 3, arbitrary: notJson.map(json) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.option(wrongContentType, { nil: null }), fc.oneof(fc.constant(endpoint.validBody), fc.string()))
        .map(([contentType, body]) => ({
          contentType,
          body: typeof body === 'string' ? body : JSON.stringify(body),
        })),
    },
  );
}

// ---- Path parameters ----

/** Characters Node's HTTP client will put in a request line, but not ones that end the path. */
const rawSegment = fc.string({
  unit: fc
    .integer({ min: 0x21, max: 0xff })
    .filter((code) => ![0x23, 0x2f, 0x3f, 0x7f].includes(code))
    .map((code) => String.fromCharCode(code)),
  minLength: 1,
  maxLength: 40,
});
const junkSegment = fc.oneof(
  rawSegment,
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.integer({ min: 81, max: 1_500 }).map((length) => 'a'.repeat(length)),
  fc.integer({ min: 81, max: 600 }).map((length) => encodeURIComponent('ë'.repeat(length))),
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E',
    '..%2f..%2fetc%2fpasswd',
    '%',
    '%zz',
    '%e',
    '%C0%AF',
    '%00',
    '%FF%FE',
    '%ED%A0%80',
    'samen%20',
    'SAMEN',
    '-samen',
    'samen%0A',
    '%F0%9F%92%A9',
    'gem%C3%ABente',
    '$samen',
    '~',
  ),
);

function pathFor(endpoint: Endpoint): fc.Arbitrary<string> {
  const known = endpoint.knownIds;
  if (!known) return fc.constant(endpoint.route);
  const parameter = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constantFrom(...STORY_IDS) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/) },
    { weight: 4, arbitrary: junkSegment },
  );
  return parameter.map((id) => endpoint.route.replace(/:[A-Za-z]+/, id));
}

// ---- Headers ----

/** Header values Node's HTTP client will send: tab, visible ASCII, spaces and Latin-1. */
const sendableHeaderValue = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((code) => code !== 0x7f)
    .map((code) => String.fromCharCode(code)),
  maxLength: 40,
});
const idempotencyKey = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[\x21-\x7e]{1,100}$/) },
  { weight: 1, arbitrary: fc.constantFrom('retry-1', 'retry-2') },
  { weight: 2, arbitrary: sendableHeaderValue },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'sleutel met spaties', 'ä', 'k'.repeat(101), 'x'.repeat(5_000)) },
);
const ifMatch = fc.oneof(
  { weight: 3, arbitrary: fc.nat({ max: 12 }).map((revision) => `"${revision}"`) },
  { weight: 1, arbitrary: fc.nat({ max: 12 }).map(String) },
  { weight: 1, arbitrary: sendableHeaderValue },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '*',
      '-1',
      '"-1"',
      'W/"1"',
      '"1", "2"',
      '"abc"',
      '""',
      '"3',
      '999999999999999',
      '9999999999999999',
      '1e3',
      '0x1',
    ),
  },
);
const correlationId = fc.oneof(
  fc.stringMatching(/^[\x21-\x7e]{1,100}$/),
  sendableHeaderValue,
  fc.constantFrom('$correlatie', ''),
);

/** Mostly absent, so that many requests get past the headers to the body and the deciders. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weight: number) =>
  fc.oneof({ weight, arbitrary }, { weight: 4, arbitrary: fc.constant(undefined) });

const headers = fc
  .record({
    'idempotency-key': sometimes(idempotencyKey, 2),
    'if-match': sometimes(ifMatch, 2),
    'x-correlation-id': sometimes(correlationId, 1),
  })
  .map((chosen) => {
    const present: Record<string, string> = {};
    for (const [name, value] of Object.entries(chosen)) if (value !== undefined) present[name] = value;
    return present;
  });

/**
 * JSON of a string with everything outside printable ASCII escaped, so no byte hides;
 * very long ones are cut in the middle (the seed and path fast-check prints replay them).
 */
function visible(text: string): string {
  const escaped = JSON.stringify(text).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (escaped.length <= 2_000) return escaped;
  return `${escaped.slice(0, 1_000)} … (${text.length} characters in all) … ${escaped.slice(-200)}`;
}

/**
 * How a counterexample prints: the request line, headers and body with invisible
 * characters escaped. Path characters U+0080 to U+00FF go on the wire as single bytes.
 */
function printable(request: MalformedRequest): MalformedRequest {
  const { path, contentType, headers, body } = request;
  const print = () =>
    [
      `POST ${visible(path)}`,
      `content-type: ${contentType === null ? '(none)' : visible(contentType)}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${visible(value)}`),
      `body: ${body === undefined ? '(none)' : visible(body)}`,
    ].join('\n');
  return Object.defineProperty(request, fc.toStringMethod, { value: print });
}

/** One endpoint per run; each endpoint's arbitrary is built once, not per run. */
const malformedRequest: fc.Arbitrary<MalformedRequest> = fc.oneof(
  ...ENDPOINTS.map((endpoint) =>
    fc
      .record({ path: pathFor(endpoint), choice: bodyFor(endpoint), headers })
      .map(({ path, choice, headers }) =>
        printable({ path, contentType: choice.contentType, headers, body: choice.body }),
      ),
  ),
);

/** POSTs exactly the bytes asked for: no URL normalisation, no content-type of its own. */
function send(api: LedgerApi, { path, contentType, headers, body }: MalformedRequest): Promise<Reply> {
  const base = new URL(api.base);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path,
        agent: false,
        headers: { ...headers, ...(contentType !== null && { 'content-type': contentType }) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'],
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The laws this answer breaks, in words; none for an acceptance or a proper refusal. */
function brokenLaws(
  answer: { status: number; contentType: string | undefined; body: unknown },
  headBefore: bigint | undefined,
  headAfter: bigint | undefined,
): string[] {
  if (answer.status === 201) return [];
  const broken: string[] = [];
  if (answer.status >= 500) broken.push(`answered ${answer.status}, a server error`);
  else if (answer.status < 400) broken.push(`answered ${answer.status}, neither 201 nor a refusal`);
  if (!/^application\/problem\+json/.test(answer.contentType ?? '')) {
    broken.push(`refused as ${answer.contentType ?? 'no content type'}, not application/problem+json`);
  } else if ((answer.body as { status?: unknown } | null)?.status !== answer.status) {
    broken.push("the problem's status is not the HTTP status");
  }
  if (headAfter !== headBefore) broken.push(`refused, yet the head moved from ${headBefore} to ${headAfter}`);
  return broken;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

describe('command endpoints under malformed input', () => {
  let api: LedgerApi;

  beforeAll(async () => {
    api = await startLedgerApi();
    const seed: [string, Body][] = [
      ['/programmes', programmeSamen],
      ['/parties', gemeenteVaals],
      ['/parties', dorpsraadVaals],
      ['/parties', oranjeFonds],
      ['/people', anna],
      ['/people', bram],
      ['/programmes/samen/sites', vaalsJoinsSamen],
      ['/roles', annaBeleidsadviseurInVaals],
      ['/meetings', collectiveMeetingInUtrecht],
      ['/commitments', vaalsPromisesABudgetLine],
      ['/invoices', dorpsraadInvoicesVaals],
      ['/payments', oranjeFondsPaysTheDorpsraad],
    ];
    for (const [path, body] of seed) {
      const answer = await api.post(path, body);
      expect({ path, status: answer.status, body: answer.body }).toMatchObject({ path, status: 201 });
    }
  }, 20_000);

  afterAll(() => api?.close());

  it('answers every request with a 201 or a 4xx problem, and a refused one appends nothing', async () => {
    await fc.assert(
      fc.asyncProperty(malformedRequest, async (request) => {
        const before = await api.store.headPosition();
        const reply = await send(api, request);
        const after = await api.store.headPosition();
        const answer = { status: reply.status, contentType: reply.contentType, body: parsed(reply.text) };
        expect({ answer, broken: brokenLaws(answer, before, after) }).toEqual({ answer, broken: [] });
      }),
      { numRuns: 600, interruptAfterTimeLimit: 30_000, markInterruptAsFailure: false },
    );
  }, 45_000);
});
