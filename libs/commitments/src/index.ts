export * from './domain/commitment';
export { CommitmentsModule } from './commitments.module';
