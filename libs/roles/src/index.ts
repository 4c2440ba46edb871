export * from './domain/role';
export { RolesModule } from './roles.module';
export * from './api/role.dto';
