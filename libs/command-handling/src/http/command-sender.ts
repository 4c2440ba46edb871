import { Param, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '@samen/ledger-kernel';
import { ID_PATTERN } from './properties';

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
