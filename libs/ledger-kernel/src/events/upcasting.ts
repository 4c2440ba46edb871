import type { DomainEvent } from '../domain/decider';

/** An event's data as the store gives it back: JSON, never a class. */
export type StoredData = Readonly<Record<string, unknown>>;

/** What a reader needs of a stored event (a RecordedEvent has it). */
export interface StoredEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: StoredData;
}

/** Turns one schema version's data into the next version's. Pure: it never changes its argument. */
export type Lift = (data: StoredData) => StoredData;

/**
 * The shape history of one event type: the version appends write now, and for each older
 * version `v` the lift from `v` to `v + 1` (`lifts[1]` reads version 1 and returns version 2).
 */
export interface EventSchema {
  readonly current: number;
  readonly lifts?: Readonly<Record<number, Lift>>;
}

/** Every type of an event union with its schema: a type left out does not compile. */
export type EventSchemas<Event extends DomainEvent> = { readonly [Type in Event['type']]: EventSchema };

/** A stored event is newer than this code: it must be read by a samen-ledger that knows its shape. */
export class UnknownSchemaVersionError extends Error {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    readonly current: number,
  ) {
    super(
      `${type} is stored at schema version ${schemaVersion}; this samen-ledger reads ${type} up to version ${current}. Upgrade samen-ledger before it reads this store.`,
    );
    this.name = 'UnknownSchemaVersionError';
  }
}

/** A type no capability declares (none is written today) reads as version 1, with nothing to lift. */
const UNDECLARED: EventSchema = { current: 1 };

/**
 * Reads stored data in its current shape: the one place old shapes are lifted, shared by
 * command handling and the views. The store keeps what was written; nothing is rewritten.
 */
export class Upcaster<Event extends DomainEvent = DomainEvent> {
  private readonly schemas: ReadonlyMap<string, EventSchema>;
  /** The version every declared type is at, while they all share one; otherwise NaN, which no version equals. */
  private readonly sharedCurrent: number;

  constructor(readonly declared: EventSchemas<Event>) {
    const schemas = Object.entries<EventSchema>(declared);
    for (const [type, schema] of schemas) assertLifts(type, schema);
    this.schemas = new Map(schemas);
    const currents = new Set(schemas.map(([, schema]) => schema.current));
    this.sharedCurrent = currents.size === 1 && currents.has(UNDECLARED.current) ? UNDECLARED.current : NaN;
  }

  /** One upcaster for the events of several capabilities; a type two of them declare is a mistake. */
  static of<Event extends DomainEvent>(...upcasters: Upcaster<DomainEvent>[]): Upcaster<Event> {
    const declared: Record<string, EventSchema> = {};
    for (const [type, schema] of upcasters.flatMap((upcaster) => Object.entries<EventSchema>(upcaster.declared))) {
      if (type in declared) throw new Error(`${type} is declared twice`);
      declared[type] = schema;
    }
    return new Upcaster(declared as EventSchemas<Event>);
  }

  /** The version an append of this type records. */
  currentVersion(type: string): number {
    return (this.schemas.get(type) ?? UNDECLARED).current;
  }

  /**
   * The data in the current shape of its type: the very same object when it is current
   * already. On the views' rebuild this runs a million times, so that case is one compare
   * (while every type is at the version undeclared types read at) and allocates nothing.
   */
  upcast(type: string, schemaVersion: number, data: StoredData): StoredData {
    if (schemaVersion === this.sharedCurrent) return data;
    const schema = this.schemas.get(type) ?? UNDECLARED;
    if (schemaVersion === schema.current) return data;
    if (schemaVersion > schema.current) throw new UnknownSchemaVersionError(type, schemaVersion, schema.current);
    let lifted = data;
    for (let version = schemaVersion; version < schema.current; version++) lifted = schema.lifts![version](lifted);
    return lifted;
  }

  /** A stored event as the domain sees it: its type, and its data in the current shape. */
  read(event: StoredEvent): Event {
    return { type: event.type, data: this.upcast(event.type, event.schemaVersion, event.data) } as unknown as Event;
  }
}

/** A missing lift is found when the upcaster is made, not when the first old event is read. */
function assertLifts(type: string, { current, lifts }: EventSchema): void {
  if (!Number.isSafeInteger(current) || current < 1) {
    throw new Error(`${type}: the current schema version must be a positive integer, not ${current}`);
  }
  for (let version = 1; version < current; version++) {
    if (typeof lifts?.[version] !== 'function') {
      throw new Error(`${type}: no lift from schema version ${version} to ${version + 1}`);
    }
  }
}
