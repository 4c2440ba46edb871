import type { GlobalPosition } from '@samen/event-store';
import type { Answer, LedgerApi } from './ledger-api';

/** What every command endpoint answers with a 201 (and, unchanged, to every retry). */
export interface AcceptedBody {
  readonly id?: string;
  readonly streamName: string;
  readonly revision: number;
  readonly position: string;
  readonly replayed: boolean;
}

/** An RFC 9457 problem, as the API's exception filter writes it. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly { field: string; message: string }[];
  readonly currentRevision?: number | null;
}

/** An event as these tests look at it: where it went, what it says, and when it happened. */
export interface StoredFact {
  readonly streamName: string;
  readonly revision: number;
  readonly position: string;
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt: string;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sequence = 0;

/** A readable id no other test in this run uses, e.g. `gemeente-kampen-12`. */
export function freshId(label: string): string {
  sequence += 1;
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug}-${sequence}`;
}

/** A moment an hour from now: further ahead than the clock skew the API allows. */
export const anHourFromNow = (): string => new Date(Date.now() + 60 * 60_000).toISOString();

/** Every event appended after `after`, as {@link StoredFact}s, in order. */
export async function newFacts(api: LedgerApi, after: GlobalPosition | undefined): Promise<StoredFact[]> {
  return (await api.eventsAfter(after)).map((event) => ({
    streamName: event.streamName,
    revision: event.revision,
    position: event.position.toString(),
    type: event.type,
    data: event.data,
    occurredAt: event.metadata.occurredAt,
  }));
}

/** A 201 with the answer's exact shape; `id` only for endpoints that create something with an id. */
export function expectAccepted(
  answer: Answer,
  expected: { streamName: string; revision: number; id?: string | RegExp },
): AcceptedBody {
  const { id, streamName, revision } = expected;
  expect({ status: answer.status, body: answer.body }).toEqual({
    status: 201,
    body: {
      ...(id !== undefined && { id: typeof id === 'string' ? id : expect.stringMatching(id) }),
      streamName,
      revision,
      position: expect.stringMatching(/^[1-9]\d*$/),
      replayed: false,
    },
  });
  return answer.body as unknown as AcceptedBody;
}

/**
 * Sends a request that must be refused with this status and code, as problem+json, and
 * checks that the store's head did not move: nothing was half-written.
 */
export async function expectRefused(
  api: LedgerApi,
  send: () => Promise<Answer>,
  status: 400 | 404 | 409 | 415 | 422,
  code: string,
): Promise<ProblemBody> {
  const before = await api.store.headPosition();
  const answer = await send();
  const problem = answer.body as unknown as ProblemBody;
  // The detail is compared too, so that a failure shows what the API said instead.
  expect({ status: answer.status, code: problem?.code, detail: problem?.detail }).toEqual({
    status,
    code,
    detail: expect.any(String),
  });
  expect(problem.status).toBe(status);
  expect(answer.contentType).toMatch(/^application\/problem\+json/);
  expect(await api.store.headPosition()).toBe(before);
  return problem;
}

/** A 400 naming exactly these fields (each may be named more than once), with nothing written. */
export async function expectInvalid(
  api: LedgerApi,
  send: () => Promise<Answer>,
  fields: readonly string[],
): Promise<ProblemBody> {
  const problem = await expectRefused(api, send, 400, 'invalid-input');
  expect([...new Set((problem.errors ?? []).map((error) => error.field))].sort()).toEqual([...fields].sort());
  return problem;
}

type PartyKind =
  | 'initiative'
  | 'municipality'
  | 'fund'
  | 'association'
  | 'welfare-organisation'
  | 'knowledge-partner'
  | 'programme-team';

/**
 * Builds the facts a test needs through the API itself, each with fresh ids, and fails
 * loudly when a step is refused (so a broken set-up is never mistaken for the behaviour).
 */
export class Story {
  constructor(private readonly api: LedgerApi) {}

  async record(path: string, body: object, headers?: Record<string, string>): Promise<AcceptedBody> {
    const answer = await this.api.post(path, body, headers);
    if (answer.status !== 201) {
      throw new Error(`Set-up step POST ${path} was refused: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body as unknown as AcceptedBody;
  }

  async programme(): Promise<string> {
    const programmeId = freshId('samen');
    await this.record('/programmes', {
      programmeId,
      name: 'Programma SAMEN',
      startsOn: '2022-12-01',
      endsOn: '2024-11-25',
      occurredAt: '2022-12-01T10:00:00+01:00',
    });
    return programmeId;
  }

  async party(kind: PartyKind, name: string): Promise<string> {
    const partyId = freshId(name);
    await this.record('/parties', { partyId, kind, name });
    return partyId;
  }

  /** Every person in these tests is invented. */
  async person(name: string): Promise<string> {
    const personId = freshId(`person-${name}`);
    await this.record('/people', { personId, name });
    return personId;
  }

  /** A site of a programme: its gemeente and one resident initiative. */
  async site(
    programmeId: string,
    place: string,
  ): Promise<{ siteId: string; gemeenteId: string; initiativeId: string }> {
    const gemeenteId = await this.party('municipality', `Gemeente ${place}`);
    const initiativeId = await this.party('initiative', `Bewonersinitiatief ${place}`);
    const siteId = freshId(place);
    await this.record(`/programmes/${programmeId}/sites`, {
      siteId,
      name: `Proeftuin ${place}`,
      initiativePartyIds: [initiativeId],
      gemeentePartyId: gemeenteId,
      funded: true,
    });
    return { siteId, gemeenteId, initiativeId };
  }

  async role(seat: { partyId: string; personId: string; title?: string }): Promise<string> {
    const roleId = freshId('rol');
    await this.record('/roles', { roleId, title: 'Beleidsadviseur sociaal domein', ...seat });
    return roleId;
  }

  /** An open commitment to support, by one party to another. */
  async commitment(terms: {
    programmeId: string;
    byPartyId: string;
    toPartyIds: string[];
    responsiblePersonId: string;
    [more: string]: unknown;
  }): Promise<string> {
    const commitmentId = freshId('toezegging');
    await this.record('/commitments', {
      commitmentId,
      kind: 'support',
      description: 'Een vaste contactpersoon voor het initiatief',
      ...terms,
    });
    return commitmentId;
  }
}
