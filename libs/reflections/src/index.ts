export * from './domain';
export { ReflectionsModule } from './reflections.module';
export * from './api/reflection.dto';
