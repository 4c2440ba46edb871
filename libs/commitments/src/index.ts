export * from './domain';
export { CommitmentsModule } from './commitments.module';
export * from './api/commitment.dto';
