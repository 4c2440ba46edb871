export * from './domain';
export { MoneyModule } from './money.module';
export * from './api/money.dto';
