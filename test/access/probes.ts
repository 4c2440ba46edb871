/** Who may call a route, written down here independently of the declarations in the code. */
export type Expected =
  | 'public'
  | 'views'
  | 'audit'
  | 'programme-team'
  | 'any-party'
  | { own: 'gemeente-vaals' | 'initiatief-vaals' }
  /**
   * A web page or a page's form: a bearer token never opens it (only a browser session does,
   * test/web), so every caller here is sent to sign-in, and nothing is done.
   */
  | 'web'
  /** Signing in: refused (403) to any post without the visitor's CSRF token. */
  | 'web-form';

export interface Probe {
  readonly path: string;
  readonly body?: object;
  readonly expected: Expected;
}

const VAALS = { own: 'gemeente-vaals' } as const;

/** One request per route, aimed at the fixture's things; bodies only name the parties. */
export const PROBES: Record<string, Probe> = {
  'GET /health': { path: '/health', expected: 'public' },
  'GET /public/programmes/:programmeId/attendance-rates': {
    path: '/public/programmes/samen/attendance-rates',
    expected: 'public',
  },
  'GET /history/:entity/:id': { path: '/history/role/r-vaals', expected: 'audit' },
  'GET /audit/chain': { path: '/audit/chain', expected: 'audit' },
  'GET /views/presence': { path: '/views/presence', expected: 'views' },
  'GET /views/presence/rates': { path: '/views/presence/rates', expected: 'views' },
  'GET /views/presence/gaps': { path: '/views/presence/gaps', expected: 'views' },
  'GET /views/continuity': { path: '/views/continuity', expected: 'views' },
  'GET /views/continuity/orphans': { path: '/views/continuity/orphans', expected: 'views' },
  'GET /views/commitments': { path: '/views/commitments', expected: 'views' },
  'GET /views/commitments/parties': { path: '/views/commitments/parties', expected: 'views' },
  'GET /views/commitments/:commitmentId': { path: '/views/commitments/c-vaals', expected: 'views' },
  'GET /views/money': { path: '/views/money', expected: 'views' },
  'GET /views/money/attendance-fees': { path: '/views/money/attendance-fees', expected: 'views' },
  'GET /views/money/invoices': { path: '/views/money/invoices', expected: 'views' },
  'GET /views/handovers': { path: '/views/handovers', expected: 'views' },
  'GET /views/timeline': { path: '/views/timeline', expected: 'views' },
  'GET /views/timeline/changes': { path: '/views/timeline/changes?from=2023-01-01&to=2023-12-31', expected: 'views' },
  'GET /views/reflections': { path: '/views/reflections', expected: 'views' },
  'GET /views/reflections/counts': { path: '/views/reflections/counts', expected: 'views' },
  'POST /programmes': { path: '/programmes', body: {}, expected: 'programme-team' },
  'POST /programmes/:programmeId/sites': { path: '/programmes/samen/sites', body: {}, expected: 'programme-team' },
  'POST /parties': { path: '/parties', body: {}, expected: 'programme-team' },
  'POST /people': { path: '/people', body: {}, expected: 'any-party' },
  'POST /roles': { path: '/roles', body: { partyId: 'gemeente-vaals' }, expected: VAALS },
  'POST /roles/:roleId/vacate': { path: '/roles/r-vaals/vacate', body: {}, expected: VAALS },
  'POST /roles/:roleId/successor': { path: '/roles/r-vaals/successor', body: {}, expected: VAALS },
  'POST /roles/:roleId/handovers': { path: '/roles/r-vaals/handovers', body: {}, expected: VAALS },
  'POST /meetings': { path: '/meetings', body: {}, expected: 'programme-team' },
  'POST /meetings/:meetingId/attendance': {
    path: '/meetings/m1/attendance',
    body: { partyId: 'gemeente-vaals' },
    expected: VAALS,
  },
  'POST /meetings/:meetingId/attendance/corrections': {
    path: '/meetings/m1/attendance/corrections',
    body: { personId: 'p-0001' },
    expected: VAALS,
  },
  'POST /meetings/:meetingId/cancellation': { path: '/meetings/m1/cancellation', body: {}, expected: 'programme-team' },
  'POST /commitments': { path: '/commitments', body: { byPartyId: 'gemeente-vaals' }, expected: VAALS },
  'POST /commitments/:commitmentId/amendments': { path: '/commitments/c-vaals/amendments', body: {}, expected: VAALS },
  'POST /commitments/:commitmentId/ownership': { path: '/commitments/c-vaals/ownership', body: {}, expected: VAALS },
  'POST /commitments/:commitmentId/fulfilment': { path: '/commitments/c-vaals/fulfilment', body: {}, expected: VAALS },
  'POST /commitments/:commitmentId/breach': { path: '/commitments/c-vaals/breach', body: {}, expected: VAALS },
  'POST /commitments/:commitmentId/withdrawal': { path: '/commitments/c-vaals/withdrawal', body: {}, expected: VAALS },
  'POST /payments': { path: '/payments', body: { fromPartyId: 'gemeente-vaals' }, expected: VAALS },
  'POST /payments/:paymentId/reversal': { path: '/payments/pay-vaals/reversal', body: {}, expected: VAALS },
  'POST /invoices': {
    path: '/invoices',
    body: { fromPartyId: 'initiatief-vaals' },
    expected: { own: 'initiatief-vaals' },
  },
  'POST /invoices/:invoiceId/payment': { path: '/invoices/inv-1/payment', body: {}, expected: VAALS },
  'POST /reflections': { path: '/reflections', body: { byPartyId: 'gemeente-vaals' }, expected: VAALS },
  'POST /reflections/:reflectionId/visibility': {
    path: '/reflections/ref-vaals/visibility',
    body: {},
    expected: VAALS,
  },
  'GET /': { path: '/', expected: 'web' },
  'GET /app': { path: '/app', expected: 'web' },
  'GET /app/aanwezigheid': { path: '/app/aanwezigheid', expected: 'web' },
  'GET /app/continuiteit': { path: '/app/continuiteit', expected: 'web' },
  'GET /app/afspraken': { path: '/app/afspraken', expected: 'web' },
  'GET /app/afspraken/:id': { path: '/app/afspraken/c-vaals', expected: 'web' },
  'GET /app/geld': { path: '/app/geld', expected: 'web' },
  'GET /app/overdrachten': { path: '/app/overdrachten', expected: 'web' },
  'GET /app/tijdlijn': { path: '/app/tijdlijn', expected: 'web' },
  'GET /app/reflecties': { path: '/app/reflecties', expected: 'web' },
  'GET /app/toegang': { path: '/app/toegang', expected: 'web' },
  'GET /app/download/:page': { path: '/app/download/overdrachten', expected: 'web' },
  'GET /app/bijeenkomsten/:meetingId/aanwezigheid': { path: '/app/bijeenkomsten/m1/aanwezigheid', expected: 'web' },
  'GET /app/inloggen': { path: '/app/inloggen', expected: 'web' },
  'GET /app/vastleggen/:form': { path: '/app/vastleggen/betaling', expected: 'web' },
  'POST /app/vastleggen/:form': { path: '/app/vastleggen/betaling', body: {}, expected: 'web' },
  'GET /app/openbaar/:programmeId': { path: '/app/openbaar/samen', expected: 'public' },
  'GET /app/static/:name': { path: '/app/static/ledger.css', expected: 'public' },
  'POST /app/inloggen': { path: '/app/inloggen', body: {}, expected: 'web-form' },
  // Without a session there is nothing to sign out of: the reader lands on the sign-in page.
  'POST /app/uitloggen': { path: '/app/uitloggen', body: {}, expected: 'web' },
  'POST /app/toegang': { path: '/app/toegang', body: {}, expected: 'web' },
  'POST /app/toegang/:tokenId/intrekken': { path: '/app/toegang/t1/intrekken', body: {}, expected: 'web' },
  'POST /app/bijeenkomsten/:meetingId/aanwezigheid': {
    path: '/app/bijeenkomsten/m1/aanwezigheid',
    body: {},
    expected: 'web',
  },
};
