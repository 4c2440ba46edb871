import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  registerDecorator,
} from 'class-validator';
import { isIsoTimestamp } from '@samen/event-store';
import { VISIBILITY_KINDS } from '@samen/ledger-kernel';

/**
 * Composed decorators: each field kind is validated and documented the same way on every
 * endpoint. A field is optional only where the decorator is told so.
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
const ID_MESSAGE = 'must be an id: lower-case letters, digits and hyphens, at most 80 (e.g. "gemeente-vaals")';
// Letters, digits, punctuation, spaces, tabs and line breaks; no other control characters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT_PATTERN = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

interface Common {
  readonly description: string;
  readonly example?: unknown;
  readonly optional?: boolean;
  /** For an optional field that becomes required when another field is given. */
  readonly requiredWhen?: (dto: Record<string, unknown>) => boolean;
}

/**
 * An optional field may be left out, but not sent as null: `null` is validated like any
 * other value (and refused), so it can never reach an event.
 */
function documented({ description, example, optional, requiredWhen }: Common, extra: object = {}) {
  return optional
    ? [
        ValidateIf(
          (dto: Record<string, unknown>, value: unknown) => value !== undefined || (requiredWhen?.(dto) ?? false),
        ),
        ApiPropertyOptional({ description, example, ...extra }),
      ]
    : [ApiProperty({ description, example, ...extra })];
}

export const IdProperty = (options: Common) =>
  applyDecorators(
    ...documented(options, { type: String, pattern: ID_PATTERN.source }),
    Matches(ID_PATTERN, { message: `$property ${ID_MESSAGE}` }),
  );

export const IdListProperty = (options: Common & { readonly minItems?: number }) =>
  applyDecorators(
    ...documented(options, { type: [String] }),
    IsArray(),
    ArrayMinSize(options.minItems ?? 0),
    ArrayMaxSize(200),
    ArrayUnique(),
    Matches(ID_PATTERN, { each: true, message: `each of $property ${ID_MESSAGE}` }),
  );

/** A nullable id: present and null means "nobody (yet)". */
export const NullableIdProperty = (options: Common) =>
  applyDecorators(
    ApiProperty({ description: options.description, example: options.example, type: String, nullable: true }),
    ValidateIf((_, value) => value !== null),
    Matches(ID_PATTERN, { message: `$property ${ID_MESSAGE} or null` }),
  );

export const TextProperty = (options: Common & { readonly maxLength: number }) =>
  applyDecorators(
    ...documented(options, { type: String, maxLength: options.maxLength }),
    IsString(),
    MinLength(1),
    MaxLength(options.maxLength),
    Matches(TEXT_PATTERN, { message: '$property must not contain control characters' }),
  );

export const EnumProperty = (values: readonly string[], options: Common) =>
  applyDecorators(
    ...documented(options, { enum: values }),
    IsIn(values, { message: `$property must be one of ${values.join(', ')}` }),
  );

/** A list of distinct values, each one of `values`. */
export const EnumListProperty = (values: readonly string[], options: Common) =>
  applyDecorators(
    ...documented(options, { type: [String], enum: values }),
    IsArray(),
    ArrayMaxSize(values.length),
    ArrayUnique(),
    IsIn(values, { each: true, message: `each of $property must be one of ${values.join(', ')}` }),
  );

export const BooleanProperty = (options: Common) =>
  applyDecorators(...documented(options, { type: Boolean }), IsBoolean());

/** Whole euro cents, positive, at most € 10 million. */
export const CentsProperty = (options: Common) =>
  applyDecorators(
    ...documented(options, { type: Number, minimum: 1, maximum: 1_000_000_000 }),
    IsInt({ message: '$property must be a whole number of euro cents' }),
    Min(1, { message: '$property must be at least 1 cent' }),
    Max(1_000_000_000, { message: '$property must be at most 1,000,000,000 cents' }),
  );

/** A calendar date, YYYY-MM-DD, that exists. */
export const DateProperty = (options: Common) =>
  applyDecorators(
    ...documented(options, { type: String, format: 'date' }),
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
    satisfies(
      'isRealDate',
      (value) => isIsoTimestamp(`${String(value)}T00:00:00Z`),
      '$property is not a date that exists',
    ),
  );

/** A moment with its zone, ISO-8601, that exists. */
export const TimestampProperty = (options: Common) =>
  applyDecorators(
    ...documented(options, { type: String, format: 'date-time' }),
    satisfies(
      'isTimestamp',
      isIsoTimestamp,
      '$property must be an ISO-8601 timestamp with a zone, of a date that exists',
    ),
  );

/** A calendar date (meaning that whole Dutch day) or a moment with its zone. */
export const DateOrTimestampProperty = (options: Common) =>
  applyDecorators(
    ...documented(options, { type: String }),
    satisfies(
      'isDateOrTimestamp',
      (value) =>
        typeof value === 'string' &&
        (isIsoTimestamp(value) || (/^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoTimestamp(`${value}T00:00:00Z`))),
      '$property must be a date (YYYY-MM-DD) or an ISO-8601 timestamp with a zone',
    ),
  );

/** A global position of the log, as the command answers give it: digits. */
export const PositionProperty = (options: Common) =>
  applyDecorators(
    ...documented(options, { type: String, pattern: '^\\d{1,39}$' }),
    IsString(),
    Matches(/^\d{1,39}$/, { message: '$property must be a log position: digits, as a command answer gives it' }),
  );

/** How far a client's clock may run ahead of ours. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * When the fact happened; now when left out. Back-filled history may lie years in the past,
 * but nothing happens more than a few minutes (clock skew) in the future.
 */
export const OccurredAtProperty = () =>
  applyDecorators(
    TimestampProperty({
      description:
        'Wanneer het gebeurde (ISO-8601); weggelaten: nu. / When it happened; now when left out. At most 5 minutes ahead.',
      example: '2023-03-14T10:00:00+01:00',
      optional: true,
    }),
    satisfies(
      'isNotInFuture',
      (value) => typeof value === 'string' && Date.parse(value) <= Date.now() + CLOCK_SKEW_MS,
      '$property lies in the future',
    ),
  );

/**
 * Who may read the fact: `{ "kind": "shared" }` (the default), `{ "kind": "parties", "partyIds": [...] }`,
 * `{ "kind": "initiatives" }` or `{ "kind": "funders-aggregate" }`. Checked whole here (a plain
 * object, so the DTO whitelist does not look inside it): a kind it does not know, an empty or
 * repeating list, or any other key is a 400 naming `visibility`. Whether the parties exist is the
 * handler's check.
 */
export const VisibilityProperty = ({ optional = true }: { readonly optional?: boolean } = {}) =>
  applyDecorators(
    ...(optional ? [ValidateIf((_: unknown, value: unknown) => value !== undefined)] : []),
    (optional ? ApiPropertyOptional : ApiProperty)({
      description:
        'Wie het mag lezen; weggelaten: het hele programma. / Who may read it; left out: the whole programme. kind: shared, parties (with partyIds), initiatives, funders-aggregate.',
      example: { kind: 'parties', partyIds: ['gemeente-vaals'] },
      type: 'object',
      properties: {
        kind: { type: 'string', enum: [...VISIBILITY_KINDS] },
        partyIds: { type: 'array', items: { type: 'string', pattern: ID_PATTERN.source }, minItems: 1 },
      },
      required: ['kind'],
    }),
    satisfies(
      'isVisibility',
      isVisibility,
      `$property must be an object with kind one of ${VISIBILITY_KINDS.join(', ')}; kind parties names one or more distinct party ids as partyIds, and no other kind has further keys`,
    ),
  );

function isVisibility(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { kind, partyIds, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return false;
  if (!(VISIBILITY_KINDS as readonly unknown[]).includes(kind)) return false;
  if (kind !== 'parties') return partyIds === undefined;
  return (
    Array.isArray(partyIds) &&
    partyIds.length >= 1 &&
    partyIds.length <= 200 &&
    new Set(partyIds).size === partyIds.length &&
    partyIds.every((id) => typeof id === 'string' && ID_PATTERN.test(id))
  );
}

/** A field checked whole by one test, refused with one message naming it. */
export function satisfies(name: string, test: (value: unknown) => boolean, message: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message },
      validator: { validate: (value: unknown) => test(value) },
    });
}
