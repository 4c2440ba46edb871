export * from './domain/commitment';
export { CommitmentsModule } from './commitments.module';
export * from './api/commitment.dto';
