import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError as ClassValidatorError } from 'class-validator';
import { ValidationError } from '@samen/ledger-kernel';

/** Parameter types that are not DTOs and pass through (path parameters have their own pipes). */
const PLAIN_TYPES: ReadonlySet<unknown> = new Set([String, Number, Boolean, Array, Object]);
const REMEMBERED_QUERIES = 1_000;

/**
 * Bodies and queries are checked against their DTO: unknown fields are refused (not silently
 * dropped), values converted only where a DTO says so, and every invalid field named in one
 * 400. Validation is synchronous: every validator here is, and class-validator's async path
 * costs a promise per check on every request.
 */
export class LedgerValidationPipe implements PipeTransform {
  /**
   * Valid queries already checked, per DTO: the same questions are asked over and over, and
   * class-validator spends more on one query than answering it from the views' cache.
   * Bodies are not remembered: commands are rarely repeated byte for byte.
   */
  private readonly validQueries = new Map<unknown, Map<string, object>>();

  transform(value: unknown, { metatype, type }: ArgumentMetadata): unknown {
    if (type === 'custom' || !metatype || PLAIN_TYPES.has(metatype)) return value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ValidationError([{ field: type, message: `the ${type} must be a JSON object` }]);
    }
    if (type !== 'query') return this.validate(metatype, value);
    let known = this.validQueries.get(metatype);
    if (!known) this.validQueries.set(metatype, (known = new Map()));
    const key = JSON.stringify(value);
    let instance = known.get(key);
    if (!instance) {
      instance = Object.freeze(this.validate(metatype, value));
      if (known.size >= REMEMBERED_QUERIES) known.clear();
      known.set(key, instance);
    }
    return instance;
  }

  private validate(metatype: NonNullable<ArgumentMetadata['metatype']>, value: object): object {
    const instance = plainToInstance(metatype as new () => object, value, { enableImplicitConversion: false });
    const errors = validateSync(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    });
    if (errors.length > 0) throw new ValidationError(flatten(errors));
    return instance;
  }
}

function flatten(errors: ClassValidatorError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
