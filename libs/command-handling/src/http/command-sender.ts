import { Param, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '@samen/ledger-kernel';
import { ID_PATTERN } from './properties';

/**
 * The fields of a command, without those the client left out: a body names a field or does
 * not, and a left-out field is absent from the command rather than undefined. Each field is
 * named by the caller's toCommand(), so no body field reaches a command unread.
 */
export function definedFields<Fields extends object>(fields: Fields): Fields {
  const defined: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) defined[key] = value;
  return defined as Fields;
}

class IdPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!ID_PATTERN.test(value)) {
      throw new ValidationError([
        { field: this.name, message: 'must be an id: lower-case letters, digits and hyphens' },
      ]);
    }
    return value;
  }
}

/** A path parameter that must be an id; anything else is a 400 naming it. */
export const IdParam = (name: string) => Param(name, new IdPipe(name));
