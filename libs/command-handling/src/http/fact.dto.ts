import { OccurredAtProperty } from './properties';

/** Every command body: the fact's data, plus when it happened. */
export abstract class FactDto {
  @OccurredAtProperty()
  occurredAt?: string;
}
