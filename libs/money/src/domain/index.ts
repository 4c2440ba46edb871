export * from './invoice';
export * from './invoice.events';
export * from './payment';
export * from './payment.events';
