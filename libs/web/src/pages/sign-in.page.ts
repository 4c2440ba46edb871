import { html } from '../html';
import type { Page } from '../layout';
import type { PageContext } from '../page-context';

/** Inloggen: the access code the programme team issued; it never reaches the browser's script. */
export function signInPage(
  context: PageContext,
  options: {
    returnTo?: string;
    problem?: 'wrong' | 'expired' | 'signed-out' | 'session-ended';
    /** Programmes whose published figures anyone may see. */
    published?: readonly { programmeId: string; name: string }[];
  },
): Page {
  const t = context.t.bind(context);
  const messages = {
    wrong: t(
      'Deze toegangscode klopt niet, is verlopen of ingetrokken. Vraag het kernteam om een nieuwe.',
      'This access code is wrong, has expired or was revoked. Ask the programme team for a new one.',
    ),
    expired: t(
      'Uw sessie is verlopen. Log opnieuw in; u gaat daarna terug naar de pagina waar u was.',
      'Your session has expired. Sign in again; you will then return to the page you were on.',
    ),
    'signed-out': t('U bent uitgelogd.', 'You have signed out.'),
    'session-ended': t('Log in om deze pagina te zien.', 'Sign in to see this page.'),
  };
  const invalid = options.problem === 'wrong';
  return {
    title: t('Inloggen', 'Sign in'),
    body: html` ${options.problem && !invalid ? html`<div class="utrecht-alert utrecht-alert--info" role="status"><p class="utrecht-paragraph">${messages[options.problem]}</p></div>` : ''}
      <p class="utrecht-paragraph">
        ${t(
          'Het kernteam van het programma geeft u een toegangscode. Daarmee ziet u wat uw rol u laat zien: als kernteam alles, als gemeente, fonds of initiatief de gedeelde overzichten en wat van uw eigen partij is, als evaluator de overzichten zonder persoonsgegevens.',
          'The programme team gives you an access code. With it you see what your role allows: the programme team everything; a gemeente, fund or initiative the shared views and its own party’s facts; an evaluator the views without personal data.',
        )}
      </p>
      <form method="post" action="/app/inloggen" class="ledger-form" novalidate>
        <input type="hidden" name="csrf" value="${context.csrf}" />
        ${options.returnTo ? html`<input type="hidden" name="terug" value="${options.returnTo}" />` : ''}
        ${context.lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
        <div class="utrecht-form-field${invalid ? ' utrecht-form-field--invalid' : ''}">
          <label class="utrecht-form-label" for="code">${t('Toegangscode', 'Access code')}</label>
          ${invalid ? html`<p class="utrecht-form-field-error-message" id="code-error">${messages.wrong}</p>` : ''}
          <input
            class="utrecht-textbox${invalid ? ' utrecht-textbox--invalid' : ''}"
            id="code"
            name="code"
            type="password"
            autocomplete="current-password"
            spellcheck="false"
            required
            ${invalid ? html`aria-invalid="true" aria-describedby="code-error"` : ''}
          />
        </div>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">${t('Inloggen', 'Sign in')}</button>
      </form>
      ${
        (options.published ?? []).length > 0
          ? html`<h2 class="utrecht-heading-2">${t('Zonder inloggen', 'Without signing in')}</h2>
              <ul class="utrecht-unordered-list">
                ${(options.published ?? []).map((p) => html`<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="${context.href(`/app/openbaar/${encodeURIComponent(p.programmeId)}`)}">${t(`Openbare cijfers van ${p.name}`, `Published figures of ${p.name}`)}</a></li>`)}
              </ul>`
          : ''
      }`,
  };
}
