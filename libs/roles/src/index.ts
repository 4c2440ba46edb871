export * from './domain';
export { RolesModule } from './roles.module';
export * from './api/role.dto';
