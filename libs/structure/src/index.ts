export * from './domain';
export { StructureModule } from './structure.module';
export { requireSite } from './application/require-site';
export * from './api/structure.dto';
