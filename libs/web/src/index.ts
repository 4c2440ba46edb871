export { WebModule } from './web.module';
export { useWebForms } from './web-forms';
