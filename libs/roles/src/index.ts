export * from './domain/role';
export { RolesModule } from './roles.module';
