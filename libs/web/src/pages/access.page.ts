import { randomUUID } from 'node:crypto';
import type { TokenRecord } from '@samen/access';
import { badge, partyName, table } from '../components';
import { dateTimeText } from '../format';
import { html } from '../html';
import type { Page } from '../layout';
import type { PageInput } from './page-input';

export const ACCESS_KINDS = ['party-member', 'evaluator', 'programme-team'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export interface AccessFormState {
  readonly values?: Readonly<Record<string, string>>;
  readonly errors?: Readonly<Record<string, string>>;
  /** A code just issued: shown this once, never stored. */
  readonly issued?: { readonly code: string; readonly label: string };
}

/** Toegang: who has access, until when, last used; issue and revoke access codes. The programme team only. */
export function accessPage(input: PageInput, tokens: readonly TokenRecord[], form: AccessFormState): Page {
  const { context, views, now } = input;
  const t = context.t.bind(context);
  const kindText = (record: TokenRecord) => {
    const p = record.principal;
    return p.kind === 'programme-team'
      ? t('kernteam', 'programme team')
      : p.kind === 'evaluator'
        ? 'evaluator'
        : `${t('lid van', 'member of')} ${partyName(views, p.partyId)}`;
  };
  const stateOf = (record: TokenRecord) =>
    record.revokedAt
      ? badge(t('ingetrokken', 'revoked'), 'neutral')
      : Date.parse(record.expiresAt) <= now
        ? badge(t('verlopen', 'expired'), 'neutral')
        : badge(t('geldig', 'valid'), 'success');
  const parties = [...views.directory.parties.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const values = form.values ?? {};
  const errors = form.errors ?? {};
  const fieldClass = (name: string) => `utrecht-form-field${errors[name] ? ' utrecht-form-field--invalid' : ''}`;
  const error = (name: string) =>
    errors[name] ? html`<p class="utrecht-form-field-error-message" id="${name}-error">${errors[name]}</p>` : '';
  const described = (name: string) => (errors[name] ? html`aria-invalid="true" aria-describedby="${name}-error"` : '');
  return {
    title: t('Toegang', 'Access'),
    body: html` ${
        form.issued
          ? html`<div class="utrecht-alert utrecht-alert--ok" role="status">
              <p class="utrecht-paragraph">
                ${t(`Toegangscode voor ${form.issued.label}, eenmalig getoond. Geef hem veilig door:`, `Access code for ${form.issued.label}, shown once. Pass it on safely:`)}
              </p>
              <p class="utrecht-paragraph"><code class="utrecht-code ledger-code">${form.issued.code}</code></p>
            </div>`
          : ''
      }
      ${table(
        context,
        t('Wie heeft toegang', 'Who has access'),
        [
          { header: t('Voor', 'For'), cell: (r) => r.label },
          { header: t('Rol', 'Role'), cell: kindText },
          { header: t('Uitgegeven', 'Issued'), cell: (r) => dateTimeText(r.issuedAt, context.lang) },
          { header: t('Geldig tot', 'Valid until'), cell: (r) => dateTimeText(r.expiresAt, context.lang) },
          {
            header: t('Laatst gebruikt', 'Last used'),
            cell: (r) => (r.lastUsedAt ? dateTimeText(r.lastUsedAt, context.lang) : t('nooit', 'never')),
          },
          { header: t('Status', 'Status'), cell: stateOf },
          {
            header: t('Intrekken', 'Revoke'),
            cell: (r) =>
              r.revokedAt || Date.parse(r.expiresAt) <= now
                ? ''
                : html`<form
                    method="post"
                    action="${context.href(`/app/toegang/${r.tokenId}/intrekken`)}"
                    class="ledger-inline-form"
                  >
                    <input type="hidden" name="csrf" value="${context.csrf}" /><button
                      class="utrecht-button utrecht-button--secondary-action"
                      type="submit"
                      aria-label="${t(`Toegang van ${r.label} intrekken`, `Revoke access of ${r.label}`)}"
                    >
                      ${t('Intrekken', 'Revoke')}
                    </button>
                  </form>`,
          },
        ],
        tokens,
      )}
      <h2 class="utrecht-heading-2">${t('Toegang geven', 'Give access')}</h2>
      <form method="post" action="${context.href('/app/toegang')}" class="ledger-form" novalidate>
        <input type="hidden" name="csrf" value="${context.csrf}" />
        <input type="hidden" name="issueKey" value="${randomUUID()}" />
        <div class="${fieldClass('label')}">
          <label class="utrecht-form-label" for="label"
            >${t('Voor wie (naam of functie)', 'For whom (name or role)')}</label
          >${error('label')}
          <input
            class="utrecht-textbox"
            id="label"
            name="label"
            value="${values.label ?? ''}"
            maxlength="200"
            ${described('label')}
          />
        </div>
        <div class="${fieldClass('kind')}">
          <label class="utrecht-form-label" for="kind">${t('Rol', 'Role')}</label>${error('kind')}
          <select class="utrecht-select" id="kind" name="kind" ${described('kind')}>
            ${ACCESS_KINDS.map((k) => html`<option value="${k}" ${values.kind === k ? html`selected` : ''}>${k === 'party-member' ? t('lid van een partij (gemeente, fonds, initiatief)', 'member of a party (gemeente, fund, initiative)') : k === 'evaluator' ? t('evaluator', 'evaluator') : t('kernteam', 'programme team')}</option>`)}
          </select>
        </div>
        <div class="${fieldClass('partyId')}">
          <label class="utrecht-form-label" for="partyId"
            >${t('Partij (voor een lid van een partij)', 'Party (for a member of a party)')}</label
          >${error('partyId')}
          <select class="utrecht-select" id="partyId" name="partyId" ${described('partyId')}>
            <option value="">–</option>
            ${parties.map((p) => html`<option value="${p.partyId}" ${values.partyId === p.partyId ? html`selected` : ''}>${p.name}</option>`)}
          </select>
        </div>
        <div class="${fieldClass('days')}">
          <label class="utrecht-form-label" for="days"
            >${t('Geldig (dagen, 1 tot 366)', 'Valid (days, 1 to 366)')}</label
          >${error('days')}
          <input
            class="utrecht-textbox utrecht-textbox--numeric"
            id="days"
            name="days"
            inputmode="numeric"
            value="${values.days ?? '90'}"
            ${described('days')}
          />
        </div>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          ${t('Toegangscode maken', 'Create access code')}
        </button>
      </form>`,
  };
}
