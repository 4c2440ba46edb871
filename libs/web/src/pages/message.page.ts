import { html, type Renderable } from '../html';
import type { Page } from '../layout';
import type { PageContext } from '../page-context';

/** A page that says what went wrong in the reader's words, with a way back; never a stack trace. */
export function messagePage(context: PageContext, title: string, text: Renderable): Page {
  return {
    title,
    body: html`<div class="utrecht-alert utrecht-alert--warning" role="alert">
        <p class="utrecht-paragraph">${text}</p>
      </div>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="${context.href('/app')}">${context.t('Naar het overzicht', 'To the overview')}</a>
      </p>`,
  };
}
