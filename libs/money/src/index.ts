export * from './domain/invoice';
export * from './domain/payment';
export { MoneyModule } from './money.module';
export * from './api/money.dto';
