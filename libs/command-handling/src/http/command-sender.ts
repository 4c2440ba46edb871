import { Param, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '@samen/ledger-kernel';
import type { FactDto } from './fact.dto';
import { ID_PATTERN } from './properties';

/**
 * The fact's data from a validated body: everything but occurredAt (which goes into the
 * envelope), without fields the client left out.
 */
export function factData<Dto extends FactDto>(dto: Dto): Omit<Dto, 'occurredAt'> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dto)) {
    if (key !== 'occurredAt' && value !== undefined) data[key] = value;
  }
  return data as Omit<Dto, 'occurredAt'>;
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
