import { html, type Html } from '../html';
import type { Page } from '../layout';
import type { PageContext } from '../page-context';
import type { PageInput } from '../pages/page-input';
import { all, centsOf, isDate, one, type Form } from './form-values';

export type FieldKind = 'text' | 'textarea' | 'date' | 'euros' | 'select' | 'choices' | 'yes-no';

export interface Option {
  readonly value: string;
  readonly label: string;
}

export interface Field {
  /** The API body's field this fills. */
  readonly name: string;
  readonly label: readonly [string, string];
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly hint?: readonly [string, string];
  readonly options?: (input: PageInput) => readonly Option[];
  readonly maxLength?: number;
}

/** A fact people record through a page: its fields, the API route that records it, and its fixed parts. */
export interface FactForm {
  readonly title: readonly [string, string];
  readonly intro?: readonly [string, string];
  readonly fields: readonly Field[];
  /** The API route the fact is posted to, e.g. `/payments`. */
  readonly route: (subject: string | undefined) => string;
  /** Body fields the reader does not choose (the programme, a member's own party). */
  readonly fixed?: (input: PageInput, subject: string | undefined) => Record<string, unknown>;
  /** Whether the form needs a subject (the commitment to fulfil, the role to hand over). */
  readonly needsSubject?: boolean;
  /** Where a reader goes once the fact is recorded. */
  readonly after: (context: PageContext, subject: string | undefined) => string;
  /** The checked fields as the API's body, where it nests what a form holds flat (a reflection's subject). */
  readonly shape?: (body: Record<string, unknown>) => Record<string, unknown>;
}

export type FieldErrors = Readonly<Record<string, string>>;

/**
 * The form's values as the API's body, checked first here so that every message is Dutch
 * (and English) beside its field; a form with any error records nothing.
 */
export function bodyOf(
  input: PageInput,
  form: FactForm,
  posted: Form,
): { body?: Record<string, unknown>; errors: FieldErrors } {
  const { context } = input;
  const t = context.t.bind(context);
  const errors: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  for (const field of form.fields) {
    const text = one(posted, field.name);
    const missing = () =>
      (errors[field.name] = t(`Vul ${field.label[0].toLowerCase()} in.`, `Fill in ${field.label[1].toLowerCase()}.`));
    switch (field.kind) {
      case 'choices': {
        const chosen = all(posted, field.name);
        const allowed = new Set((field.options?.(input) ?? []).map((o) => o.value));
        if (chosen.some((c) => !allowed.has(c))) errors[field.name] = t('Kies uit de lijst.', 'Choose from the list.');
        else if (field.required && chosen.length === 0)
          errors[field.name] = t('Kies er ten minste één.', 'Choose at least one.');
        else body[field.name] = chosen;
        break;
      }
      case 'yes-no':
        body[field.name] = text === 'ja';
        break;
      default: {
        if (text === '') {
          if (field.required) missing();
          break;
        }
        if (field.kind === 'euros') {
          const cents = centsOf(text);
          if (cents === undefined || cents <= 0)
            errors[field.name] = t(
              'Geef een bedrag in euro, zoals 1.250,00.',
              'Give an amount in euros, such as 1,250.00 written 1.250,00.',
            );
          else body[field.name] = cents;
        } else if (field.kind === 'date') {
          if (!isDate(text))
            errors[field.name] = t(`"${text}" is geen bestaande datum.`, `"${text}" is not a date that exists.`);
          else body[field.name] = text;
        } else if (field.kind === 'select') {
          const allowed = new Set((field.options?.(input) ?? []).map((o) => o.value));
          if (!allowed.has(text)) errors[field.name] = t('Kies uit de lijst.', 'Choose from the list.');
          else body[field.name] = text === '∅' ? null : text;
        } else if (field.maxLength !== undefined && text.length > field.maxLength) {
          errors[field.name] = t(`Hoogstens ${field.maxLength} tekens.`, `At most ${field.maxLength} characters.`);
        } else {
          body[field.name] = text;
        }
      }
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { body, errors };
}

/** The form as a page: every field labelled, its error beside it, the idempotency key and CSRF token hidden. */
export function factFormPage(
  input: PageInput,
  form: FactForm,
  state: {
    action: string;
    subject?: string;
    idempotencyKey: string;
    posted?: Form;
    errors?: FieldErrors;
    problem?: string;
  },
): Page {
  const { context } = input;
  const t = context.t.bind(context);
  const errors = state.errors ?? {};
  return {
    title: t(...form.title),
    status: state.problem || Object.keys(errors).length > 0 ? 400 : undefined,
    body: html`${form.intro ? html`<p class="utrecht-paragraph">${t(...form.intro)}</p>` : ''}
      ${
        state.problem || Object.keys(errors).length > 0
          ? html`<div class="utrecht-alert utrecht-alert--error" role="alert">
              <p class="utrecht-paragraph">
                ${state.problem ?? t('Er is niets vastgelegd. Verbeter de gemarkeerde velden.', 'Nothing was recorded. Correct the marked fields.')}
              </p>
            </div>`
          : ''
      }
      <form method="post" action="${state.action}" class="ledger-form" novalidate>
        <input type="hidden" name="csrf" value="${context.csrf}" />
        <input type="hidden" name="idempotencyKey" value="${state.idempotencyKey}" />
        ${state.subject ? html`<input type="hidden" name="subject" value="${state.subject}" />` : ''}
        ${form.fields.map((field) => fieldHtml(input, field, state.posted ?? {}, errors[field.name]))}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          ${t('Vastleggen', 'Record')}
        </button>
      </form>`,
  };
}

function fieldHtml(input: PageInput, field: Field, posted: Form, error: string | undefined): Html {
  const { context } = input;
  const t = context.t.bind(context);
  const id = `f-${field.name}`;
  const describedBy = [error ? `${id}-error` : '', field.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const aria = html`${error ? html`aria-invalid="true"` : ''}
  ${describedBy ? html`aria-describedby="${describedBy}"` : ''}`;
  const value = one(posted, field.name);
  const label = html`${t(...field.label)}${field.required ? '' : html` <span class="ledger-optional">(${t('niet verplicht', 'optional')})</span>`}`;
  const hint = field.hint
    ? html`<p class="utrecht-form-field-description" id="${id}-hint">${t(...field.hint)}</p>`
    : '';
  const errorText = error ? html`<p class="utrecht-form-field-error-message" id="${id}-error">${error}</p>` : '';
  const invalid = error ? ' utrecht-form-field--invalid' : '';
  switch (field.kind) {
    case 'choices': {
      const chosen = new Set(all(posted, field.name));
      return html`<fieldset
        class="utrecht-form-fieldset ledger-fieldset${invalid}"
        ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
      >
        <legend class="utrecht-form-fieldset__legend">${label}</legend>
        ${hint}${errorText}
        ${(field.options?.(input) ?? []).map(
          (o, i) =>
            html`<div class="utrecht-form-field utrecht-form-field--checkbox">
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id="${id}-${i}"
                name="${field.name}"
                value="${o.value}"
                ${chosen.has(o.value) ? html`checked` : ''}
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}-${i}">${o.label}</label>
            </div>`,
        )}
        ${(field.options?.(input) ?? []).length === 0 ? html`<p class="utrecht-paragraph">${t('(geen)', '(none)')}</p>` : ''}
      </fieldset>`;
    }
    case 'yes-no':
      return html`<div class="utrecht-form-field utrecht-form-field--checkbox">
        <input
          class="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          id="${id}"
          name="${field.name}"
          value="ja"
          ${value === 'ja' ? html`checked` : ''}
        />
        <label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}">${t(...field.label)}</label>
      </div>`;
    case 'select':
      return html`<div class="utrecht-form-field${invalid}">
        <label class="utrecht-form-label" for="${id}">${label}</label>${hint}${errorText}
        <select class="utrecht-select" id="${id}" name="${field.name}" ${aria}>
          <option value="">–</option>
          ${(field.options?.(input) ?? []).map((o) => html`<option value="${o.value}" ${value === o.value ? html`selected` : ''}>${o.label}</option>`)}
        </select>
      </div>`;
    case 'textarea':
      return html`<div class="utrecht-form-field${invalid}">
        <label class="utrecht-form-label" for="${id}">${label}</label>${hint}${errorText}
        <textarea
          class="utrecht-textarea utrecht-textbox"
          id="${id}"
          name="${field.name}"
          rows="4"
          ${field.maxLength ? html`maxlength="${field.maxLength}"` : ''}
          ${aria}
        >
${value}</textarea>
      </div>`;
    default:
      return html`<div class="utrecht-form-field${invalid}">
        <label class="utrecht-form-label" for="${id}">${label}</label>${hint}${errorText}
        <input
          class="utrecht-textbox"
          id="${id}"
          name="${field.name}"
          value="${value}"
          ${field.kind === 'date' ? html`type="date"` : field.kind === 'euros' ? html`inputmode="decimal"` : ''}
          ${field.maxLength ? html`maxlength="${field.maxLength}"` : ''}
          ${aria}
        />
      </div>`;
  }
}

/**
 * An API problem as the reader's message: field errors go beside their fields (the API's
 * names are the form's), anything else (a broken rule, a concurrent change) above the form
 * in the reader's language; the API's messages say "Dutch. / English.".
 */
export function problemOf(
  context: PageContext,
  form: FactForm,
  problem: { detail?: string; errors?: readonly { field: string; message: string }[] },
): { problem?: string; errors: FieldErrors } {
  const names = new Set(form.fields.map((f) => f.name));
  const errors: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const e of problem.errors ?? []) {
    if (names.has(e.field)) errors[e.field] = context.t(`Niet geldig: ${e.message}`, `Not valid: ${e.message}`);
    else elsewhere.push(`${e.field}: ${e.message}`);
  }
  const [nl, en] = (problem.detail ?? '').split(' / ');
  const detail = elsewhere.length > 0 ? elsewhere.join('; ') : context.lang === 'en' && en ? en : nl;
  const shown = Object.keys(errors).length > 0 && elsewhere.length === 0 ? undefined : detail;
  return {
    errors,
    problem: shown || (Object.keys(errors).length > 0 ? undefined : context.t('Niet vastgelegd.', 'Not recorded.')),
  };
}
