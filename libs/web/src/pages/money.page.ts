import { attendanceFees, invoiceWaits, moneyReport } from '@samen/views';
import { actions, atMost, badge, filterForm, mayRecord, partyName, table } from '../components';
import { dateText, euros } from '../format';
import { html } from '../html';
import type { Page } from '../layout';
import { windowOfState } from '../page-state';
import { programmeOf, timeRange, type PageInput } from './page-input';

/** Geld: committed, paid and outstanding per payer and site; attendance fees and invoices and how long each waited. */
export async function moneyPage(input: PageInput): Promise<Page> {
  const { context, views, now } = input;
  const { state } = context;
  const t = context.t.bind(context);
  const programme = programmeOf(input);
  const filter = {
    programmeId: programme?.programmeId,
    ...(state.siteId && { siteId: state.siteId }),
    ...(state.partyId && { partyId: state.partyId }),
  };
  const window = windowOfState(state);
  const asked = JSON.stringify([filter, window]);
  const money = input.remember(`money:${asked}`, () => moneyReport(views, filter, window, now));
  const fees = input.remember(`fees:${asked}`, () => attendanceFees(views, filter, window, now));
  const invoices = input.remember(`invoices:${asked}`, () => invoiceWaits(views, filter, window, now));
  const entitlements = atMost(context, fees.entitlements, 200, 'last');
  const invoiceRows = atMost(context, invoices.invoices, 200, 'last');
  // "Wat veranderde sinds": what each payer paid between the two dates.
  const sinceWindow = state.since ? windowOfState(state, 'since') : undefined;
  const paidBefore = sinceWindow
    ? new Map(
        input
          .remember(`money:${JSON.stringify([filter, sinceWindow])}`, () =>
            moneyReport(views, filter, sinceWindow, now),
          )
          .payers.map((p) => [p.partyId, p.paidInCents]),
      )
    : undefined;
  const e = (cents: number) => euros(cents, context.lang);
  return {
    title: t('Geld', 'Money'),
    timeTravel: timeRange(input),
    download: context.href('/app/download/geld'),
    body: html`${
      mayRecord(context)
        ? actions(context, [
            {
              href: context.href('/app/vastleggen/betaling', {
                asOf: undefined,
                since: undefined,
                knownThen: undefined,
              }),
              text: t('Betaling vastleggen', 'Record a payment'),
            },
            {
              href: context.href('/app/vastleggen/factuur', {
                asOf: undefined,
                since: undefined,
                knownThen: undefined,
              }),
              text: t('Factuur vastleggen', 'Record an invoice'),
            },
          ])
        : ''
    }
    ${filterForm(context, views)}
    ${table(
      context,
      t('Per betaler: toegezegd, betaald en openstaand', 'Per payer: committed, paid and outstanding'),
      [
        { header: t('Betaler', 'Payer'), cell: (p) => p.name },
        { header: t('Toegezegd', 'Committed'), cell: (p) => e(p.committedInCents), numeric: true },
        { header: t('Betaald', 'Paid'), cell: (p) => e(p.paidInCents), numeric: true },
        { header: t('Openstaand', 'Outstanding'), cell: (p) => e(p.outstandingInCents), numeric: true },
        ...(paidBefore
          ? [
              {
                header: t(
                  `Betaald sinds ${dateText(state.since!, 'nl')}`,
                  `Paid since ${dateText(state.since!, 'en')}`,
                ),
                cell: (p: (typeof money.payers)[number]) => e(p.paidInCents - (paidBefore.get(p.partyId) ?? 0)),
                numeric: true,
              },
            ]
          : []),
        { header: t('Facturen betaald', 'Invoices paid'), cell: (p) => e(p.invoicesPaidInCents), numeric: true },
      ],
      atMost(context, money.payers, 400).rows,
    )}
    ${table(
      context,
      t('Per proeftuin: alle fondsen samen', 'Per site: all funders together'),
      [
        { header: t('Proeftuin', 'Site'), cell: (p) => p.siteName },
        {
          header: t('Fondsen', 'Funders'),
          cell: (p) => p.funders.map((f) => `${f.name} ${e(f.committedInCents)}`).join('; '),
        },
        { header: t('Toegezegd', 'Committed'), cell: (p) => e(p.committedInCents), numeric: true },
        { header: t('Betaald', 'Paid'), cell: (p) => e(p.paidInCents), numeric: true },
        { header: t('Openstaand', 'Outstanding'), cell: (p) => e(p.outstandingInCents), numeric: true },
      ],
      atMost(context, money.pots, 300).rows,
    )}
    ${table(
      context,
      t('Aanwezigheidsvergoedingen per initiatief', 'Attendance fees per initiative'),
      [
        { header: t('Betaler', 'Payer'), cell: (a) => a.payerName },
        { header: t('Initiatief', 'Initiative'), cell: (a) => a.initiativeName },
        { header: t('Bijeenkomsten', 'Meetings'), cell: (a) => a.entitlements, numeric: true },
        { header: t('Verdiend', 'Earned'), cell: (a) => e(a.entitledInCents), numeric: true },
        { header: t('Betaald', 'Paid'), cell: (a) => e(a.paidInCents), numeric: true },
        { header: t('Open', 'Open'), cell: (a) => e(a.openInCents), numeric: true },
      ],
      atMost(context, fees.accounts, 300).rows,
    )}
    ${table(
      context,
      t('Vergoedingen per bijeenkomst en hoe lang ze wachtten', 'Fees per meeting and how long they waited'),
      [
        {
          header: t('Bijeenkomst', 'Meeting'),
          cell: (f) => `${f.meetingTitle} (${dateText(f.meetingOn, context.lang)})`,
        },
        { header: t('Initiatief', 'Initiative'), cell: (f) => partyName(views, f.initiativePartyId) },
        { header: t('Bedrag', 'Amount'), cell: (f) => e(f.amountInCents), numeric: true },
        {
          header: t('Betaald op', 'Paid on'),
          cell: (f) =>
            f.paidOn ? dateText(f.paidOn, context.lang) : badge(t('wacht nog', 'still waiting'), 'warning'),
        },
        { header: t('Dagen gewacht', 'Days waited'), cell: (f) => f.daysWaited, numeric: true },
      ],
      entitlements.rows,
    )}
    ${entitlements.note}
    ${table(
      context,
      t('Facturen en hoe lang ze wachtten', 'Invoices and how long they waited'),
      [
        { header: t('Van', 'From'), cell: (i) => i.fromName },
        { header: t('Aan', 'To'), cell: (i) => i.toName },
        { header: t('Bedrag', 'Amount'), cell: (i) => e(i.amountInCents), numeric: true },
        { header: t('Ingediend', 'Submitted'), cell: (i) => dateText(i.submittedOn, context.lang) },
        {
          header: t('Betaald op', 'Paid on'),
          cell: (i) =>
            i.paidOn ? dateText(i.paidOn, context.lang) : badge(t('wacht nog', 'still waiting'), 'warning'),
        },
        { header: t('Dagen gewacht', 'Days waited'), cell: (i) => i.daysWaited, numeric: true },
      ],
      invoiceRows.rows,
    )}
    ${invoiceRows.note}`,
  };
}
