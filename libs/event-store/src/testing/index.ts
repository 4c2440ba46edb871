export { eventStoreContract, type StoreUnderTest } from './event-store.contract';
