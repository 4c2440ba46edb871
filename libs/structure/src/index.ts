export * from './domain/party';
export * from './domain/person';
export * from './domain/programme';
export { StructureModule } from './structure.module';
export { requireSite } from './application/require-site';
export * from './api/structure.dto';
