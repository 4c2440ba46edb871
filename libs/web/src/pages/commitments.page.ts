import { streamName } from '@samen/ledger-kernel';
import {
  COMMITMENT_STATUS_FILTERS,
  commitmentAudit,
  commitmentDetail,
  type CommitmentAudit,
  type CommitmentStatusFilter,
} from '@samen/views';
import { factName } from '../fact-names';
import { actions, atMost, badge, filterForm, mayRecord, mayRecordFor, partyName, siteName, table } from '../components';
import { dateText, dateTimeText, euros } from '../format';
import { html } from '../html';
import type { Page } from '../layout';
import { windowOfState } from '../page-state';
import { PersonLabels } from '../person-labels';
import { programmeOf, timeRange, type PageInput } from './page-input';

export const STATUS_TEXT: Record<CommitmentStatusFilter, [string, string]> = {
  open: ['open', 'open'],
  fulfilled: ['nagekomen', 'kept'],
  broken: ['niet nagekomen', 'broken'],
  withdrawn: ['ingetrokken', 'withdrawn'],
  overdue: ['te laat', 'overdue'],
};

export function statusBadge(input: PageInput, c: Pick<CommitmentAudit, 'status' | 'overdue' | 'daysOverdue'>) {
  const t = input.context.t.bind(input.context);
  const [nl, en] = STATUS_TEXT[c.status];
  const tone = c.status === 'fulfilled' ? 'success' : c.status === 'broken' ? 'danger' : 'neutral';
  return html`${badge(t(nl, en), tone)}${c.overdue ? html` ${badge(t(`${c.daysOverdue} dagen te laat`, `${c.daysOverdue} days overdue`), 'danger')}` : ''}`;
}

/** Afspraken: every commitment with its status and whether it is overdue, filterable. */
export async function commitmentsPage(input: PageInput, status: CommitmentStatusFilter | undefined): Promise<Page> {
  const { context, views, now } = input;
  const { state } = context;
  const t = context.t.bind(context);
  const programme = programmeOf(input);
  const filter = {
    programmeId: programme?.programmeId,
    ...(state.siteId && { siteId: state.siteId }),
    ...(state.partyId && { partyId: state.partyId }),
    ...(status && { status }),
  };
  const window = windowOfState(state);
  const { commitments } = input.remember(`commitments:${JSON.stringify([filter, window])}`, () =>
    commitmentAudit(views.directory, views.commitments, filter, window, now),
  );
  const labels = await PersonLabels.load(
    context,
    views,
    input.store,
    new Map(commitments.slice(0, 300).map((c) => [c.ownerPersonId, c.byPartyId])),
  );
  const shown = atMost(context, commitments, 300);
  // "Wat veranderde sinds": the commitments whose status on the earlier date was another.
  const sinceWindow = state.since ? windowOfState(state, 'since') : undefined;
  const changed = sinceWindow
    ? (() => {
        const then = new Map(
          input
            .remember(`commitments:${JSON.stringify([{ ...filter, status: undefined }, sinceWindow])}`, () =>
              commitmentAudit(views.directory, views.commitments, { ...filter, status: undefined }, sinceWindow, now),
            )
            .commitments.map((c) => [c.commitmentId, c]),
        );
        return commitments
          .filter((c) => {
            const before = then.get(c.commitmentId);
            return !before || before.status !== c.status || before.overdue !== c.overdue;
          })
          .map((c) => ({ now: c, then: then.get(c.commitmentId) }));
      })()
    : undefined;
  const statusSelect = html`<div class="utrecht-form-field">
    <label class="utrecht-form-label" for="f-status">${t('Status', 'Status')}</label>
    <select class="utrecht-select" id="f-status" name="status">
      <option value="">${t('Alle', 'All')}</option>
      ${COMMITMENT_STATUS_FILTERS.map((s) => html`<option value="${s}" ${status === s ? html`selected` : ''}>${t(...STATUS_TEXT[s])}</option>`)}
    </select>
  </div>`;
  return {
    title: t('Afspraken', 'Commitments'),
    timeTravel: timeRange(input),
    download: context.href('/app/download/afspraken', { status }),
    body: html`${
      changed
        ? table(
            context,
            t(
              `${changed.length} toezeggingen veranderden sinds ${dateText(state.since!, 'nl')}`,
              `${changed.length} commitments changed since ${dateText(state.since!, 'en')}`,
            ),
            [
              { header: t('Toezegging', 'Commitment'), cell: (c) => c.now.description || c.now.commitmentId },
              { header: t('Door', 'By'), cell: (c) => c.now.byPartyName },
              {
                header: t('Toen', 'Then'),
                cell: (c) => (c.then ? statusBadge(input, c.then) : t('nog niet gedaan', 'not made yet')),
              },
              { header: t('Nu', 'Now'), cell: (c) => statusBadge(input, c.now) },
            ],
            changed,
          )
        : ''
    }
    ${mayRecord(context) ? actions(context, [{ href: context.href('/app/vastleggen/toezegging', { asOf: undefined, since: undefined, knownThen: undefined, status: undefined }), text: t('Toezegging vastleggen', 'Record a commitment') }]) : ''}
    ${filterForm(context, views, { parties: true, sites: true, extra: statusSelect })}
    ${table(
      context,
      t(`${commitments.length} toezeggingen`, `${commitments.length} commitments`),
      [
        {
          header: t('Toezegging', 'Commitment'),
          cell: (c) =>
            html`<a class="utrecht-link" href="${context.href(`/app/afspraken/${encodeURIComponent(c.commitmentId)}`)}"
              >${c.description || c.commitmentId}</a
            >`,
        },
        { header: t('Door', 'By'), cell: (c) => c.byPartyName },
        { header: t('Aan', 'To'), cell: (c) => c.toPartyIds.map((id) => partyName(views, id)).join(', ') },
        { header: t('Proeftuin', 'Site'), cell: (c) => siteName(views, c.siteId) },
        {
          header: t('Bedrag', 'Amount'),
          cell: (c) => (c.amountInCents === null ? '–' : euros(c.amountInCents, context.lang)),
          numeric: true,
        },
        { header: t('Uiterlijk', 'Due'), cell: (c) => (c.dueOn ? dateText(c.dueOn, context.lang) : '–') },
        { header: t('Eigenaar', 'Owner'), cell: (c) => labels.label(c.ownerPersonId, c.byPartyName) },
        { header: t('Status', 'Status'), cell: (c) => statusBadge(input, c) },
      ],
      shown.rows,
      (c) => (c.overdue ? 'ledger-row--overdue' : undefined),
    )}`,
  };
}

/** One commitment with its full history: every event with who, when, its position and integrity hash. */
export async function commitmentPage(input: PageInput, commitmentId: string): Promise<Page | undefined> {
  const { context, views, now, store } = input;
  const t = context.t.bind(context);
  const c = commitmentDetail(views.directory, views.commitments, commitmentId, windowOfState(context.state), now);
  if (!c) return undefined;
  const stored = await store.readStream(streamName('commitment', commitmentId));
  const hashes = new Map(stored.map((e) => [e.position.toString(), e.hash]));
  const labels = await PersonLabels.load(context, views, store, new Map([[c.ownerPersonId, c.byPartyId]]));
  // The actor is a principal (kind and id), never a person's name: shown as who it acted for.
  const actorText = (actor: string | null) => {
    if (!actor) return '–';
    if (actor.startsWith('programme-team')) return t('kernteam', 'programme team');
    if (actor.startsWith('evaluator')) return 'evaluator';
    return partyName(views, actor.split(':')[1]);
  };
  return {
    title: c.description || commitmentId,
    timeTravel: timeRange(input),
    body: html`${
        c.status === 'open' && mayRecordFor(context, [c.byPartyId])
          ? actions(context, [
              {
                href: context.href('/app/vastleggen/nakomen', {
                  subject: c.commitmentId,
                  asOf: undefined,
                  since: undefined,
                  knownThen: undefined,
                }),
                text: t('Nagekomen vastleggen', 'Record as fulfilled'),
              },
              {
                href: context.href('/app/vastleggen/intrekken', {
                  subject: c.commitmentId,
                  asOf: undefined,
                  since: undefined,
                  knownThen: undefined,
                }),
                text: t('Intrekken', 'Withdraw'),
              },
            ])
          : ''
      }
      <dl class="ledger-facts">
        <div>
          <dt>${t('Status', 'Status')}</dt>
          <dd>${statusBadge(input, c)}</dd>
        </div>
        <div>
          <dt>${t('Door', 'By')}</dt>
          <dd>${c.byPartyName}</dd>
        </div>
        <div>
          <dt>${t('Aan', 'To')}</dt>
          <dd>${c.toPartyIds.map((id) => partyName(views, id)).join(', ')}</dd>
        </div>
        <div>
          <dt>${t('Proeftuin', 'Site')}</dt>
          <dd>${siteName(views, c.siteId)}</dd>
        </div>
        <div>
          <dt>${t('Bedrag', 'Amount')}</dt>
          <dd>${c.amountInCents === null ? '–' : euros(c.amountInCents, context.lang)}</dd>
        </div>
        <div>
          <dt>${t('Uiterlijk', 'Due')}</dt>
          <dd>${c.dueOn ? dateText(c.dueOn, context.lang) : '–'}</dd>
        </div>
        <div>
          <dt>${t('Eigenaar', 'Owner')}</dt>
          <dd>${labels.label(c.ownerPersonId, c.byPartyName)}</dd>
        </div>
      </dl>
      ${table(
        context,
        t('Geschiedenis', 'History'),
        [
          { header: t('Wat', 'What'), cell: (h) => t(...factName(h.type)) },
          { header: t('Gebeurd op', 'Happened on'), cell: (h) => dateTimeText(h.occurredAt, context.lang) },
          { header: t('Vastgelegd op', 'Recorded on'), cell: (h) => dateTimeText(h.recordedAt, context.lang) },
          { header: t('Door', 'By'), cell: (h) => actorText(h.actor) },
          { header: t('Positie', 'Position'), cell: (h) => h.position, numeric: true },
          {
            header: t('Integriteitshash', 'Integrity hash'),
            cell: (h) => html`<code class="utrecht-code ledger-hash">${hashes.get(h.position) ?? '–'}</code>`,
          },
        ],
        c.history,
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="${context.href('/app/afspraken')}"
          >${t('Terug naar alle afspraken', 'Back to all commitments')}</a
        >
      </p>`,
  };
}
