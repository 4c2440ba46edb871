/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TOKEN_STORE, type TokenStore } from '@samen/access';
import { loadDemoIfEmpty } from '../../apps/ledger-api/src/facts-import/demo';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';
import { chromiumOrSkip, launchChromium } from './browser';

/** Every run saves a screenshot of every page it opens; the main ones are committed under docs/. */
const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');

const PAGES = [
  '/app',
  '/app/aanwezigheid',
  '/app/continuiteit',
  '/app/afspraken',
  '/app/geld',
  '/app/overdrachten',
  '/app/tijdlijn',
  '/app/reflecties',
];
const CLOSE = 'asOf=2024-11-25';

const haveChromium = chromiumOrSkip();
const describeInBrowser = haveChromium ? describe : describe.skip;

describeInBrowser(
  'the web pages, in a real browser, on the demo (skipped only without chromium: apt-get install -y chromium)',
  () => {
    let api: LedgerApi;
    let browser: Browser;
    const codes: Record<string, string> = {};

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      api = await startLedgerApi();
      await loadDemoIfEmpty(api.app);
      const head = await api.store.headPosition();
      await api.get(`/views/timeline?minPosition=${head}&limit=1`);
      codes.kernteam = api.tokenFor({ kind: 'programme-team', id: 'web-kernteam' });
      codes.denHaag = api.tokenFor({ kind: 'party-member', id: 'web-den-haag', partyId: 'gemeente-den-haag' });
      codes.kampen = api.tokenFor({ kind: 'party-member', id: 'web-kampen', partyId: 'gemeente-kampen' });
      codes.fonds = api.tokenFor({ kind: 'party-member', id: 'web-vsbfonds', partyId: 'fonds-vsbfonds' });
      codes.initiatief = api.tokenFor({
        kind: 'party-member',
        id: 'web-stagehuis',
        partyId: 'stagehuis-schilderswijk',
      });
      codes.evaluator = api.tokenFor({ kind: 'evaluator', id: 'web-evaluator' });
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await api?.close();
    });

    async function signedIn(code: string): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
      const page = await context.newPage();
      await page.goto(`${api.base}/app`);
      await page.getByLabel('Toegangscode').fill(code);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL(`${api.base}/app`);
      return { context, page };
    }

    async function seriousViolations(page: Page): Promise<string[]> {
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }

    it('sends an anonymous visitor to the sign-in page, with a way back to the page asked for', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${api.base}/app/geld`);
      expect(new URL(page.url()).pathname).toBe('/app/inloggen');
      expect(new URL(page.url()).searchParams.get('terug')).toBe('/app/geld');
      await expect(page.locator('h1').textContent()).resolves.toBe('Inloggen');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, 'inloggen.png'), fullPage: true });
      await context.close();
    });

    it('shows an anonymous visitor what the programme publishes, as the public API answers it, and nothing more', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${api.base}/app/inloggen`);
      await page.getByRole('link', { name: 'Openbare cijfers van Programma SAMEN' }).click();
      expect(new URL(page.url()).pathname).toBe('/app/openbaar/samen');
      const published = (await (await fetch(`${api.base}/public/programmes/samen/attendance-rates`)).json()) as {
        rates: { name: string }[];
      };
      const text = (await page.locator('main').textContent()) ?? '';
      expect(published.rates.length).toBeGreaterThan(0);
      for (const rate of published.rates) expect(text).toContain(rate.name);
      expect(text).not.toContain('Lieke van Leeuwen');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, 'openbaar.png'), fullPage: true });
      // Everything else still asks to sign in.
      await page.goto(`${api.base}/app/aanwezigheid`);
      expect(new URL(page.url()).pathname).toBe('/app/inloggen');
      await context.close();
    });

    it('refuses a wrong access code beside the field, in Dutch', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${api.base}/app/inloggen`);
      await page.getByLabel('Toegangscode').fill('slt_niet-goed');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await expect(page.locator('#code-error').textContent()).resolves.toContain('Deze toegangscode klopt niet');
      await context.close();
    });

    for (const [who, key] of [
      ['kernteam', 'kernteam'],
      ['gemeente', 'denHaag'],
      ['fonds', 'fonds'],
      ['initiatief', 'initiatief'],
      ['evaluator', 'evaluator'],
    ] as const) {
      it(`shows every page to the ${who} without serious accessibility violations, at a desk and on a phone`, async () => {
        const { context, page } = await signedIn(codes[key]);
        for (const path of PAGES) {
          const response = await page.goto(`${api.base}${path}?${CLOSE}`);
          expect({ path, status: response?.status(), encoding: response?.headers()['content-encoding'] }).toEqual({
            path,
            status: 200,
            encoding: 'gzip',
          });
          expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
          const name = path === '/app' ? 'overzicht' : path.slice('/app/'.length);
          await page.screenshot({ path: join(SCREENSHOTS, `${who}-${name}.png`), fullPage: true });
        }
        // The forms, for those who record facts; an evaluator reads and records nothing.
        for (const form of ['betaling', 'factuur', 'toezegging', 'reflectie']) {
          const response = await page.goto(`${api.base}/app/vastleggen/${form}`);
          if (who === 'evaluator') {
            expect({ form, status: response?.status() }).toEqual({ form, status: 403 });
            continue;
          }
          expect({ form, violations: await seriousViolations(page) }).toEqual({ form, violations: [] });
        }
        // 200 % zoom on a 1280 px screen is a 640 px wide page: nothing may run off it.
        await page.setViewportSize({ width: 640, height: 800 });
        for (const path of PAGES) {
          await page.goto(`${api.base}${path}?${CLOSE}`);
          const wider = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect({ path, wider }).toEqual({ path, wider: 0 });
        }
        await page.setViewportSize({ width: 375, height: 800 });
        await page.goto(`${api.base}/app/afspraken?${CLOSE}`);
        // Nothing wider than the phone but the tables, which scroll in their own region.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SCREENSHOTS, `${who}-afspraken-telefoon.png`), fullPage: true });
        await context.close();
      }, 120_000);
    }

    it('shows on each page the figures the API answers to the same question for the same reader', async () => {
      const { context, page } = await signedIn(codes.denHaag);
      const denHaag = { authorization: `Bearer ${codes.denHaag}` };
      const text = async (path: string) => {
        await page.goto(`${api.base}${path}`);
        return (await page.locator('main').textContent()) ?? '';
      };
      const dutchPercent = (rate: number) => `${Math.round(rate * 100)}%`;

      const parties = (
        await api.get<{ parties: { made: number; open: number }[] }>(
          `/views/commitments/parties?${CLOSE}&partyId=gemeente-den-haag`,
          denHaag,
        )
      ).body.parties;
      const overview = await page.goto(`${api.base}/app?${CLOSE}`).then(() => page.locator('.ledger-figure'));
      const figure = async (label: string) =>
        (
          await overview
            .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
            .locator('.ledger-figure-value')
            .textContent()
        )?.trim();
      expect(await figure('Toezeggingen gedaan')).toBe(String(parties.reduce((n, p) => n + p.made, 0)));
      expect(await figure('Open')).toBe(String(parties.reduce((n, p) => n + p.open, 0)));

      const rates = (
        await api.get<{ rates: { name: string; rate: number }[] }>(`/views/presence/rates?${CLOSE}`, denHaag)
      ).body.rates;
      const ownRate = rates.find((r) => r.name === 'Gemeente Den Haag')!;
      await page.goto(`${api.base}/app/aanwezigheid?${CLOSE}`);
      const row = page.locator('tr', { hasText: 'Gemeente Den Haag' }).first();
      expect((await row.locator('td').nth(4).textContent())?.trim()).toBe(dutchPercent(ownRate.rate));

      const handovers = (
        await api.get<{ parties: { partyId: string; handovers: number }[] }>(
          `/views/handovers?${CLOSE}&partyId=gemeente-den-haag`,
          denHaag,
        )
      ).body.parties[0];
      expect(await text(`/app/overdrachten?${CLOSE}&partyId=gemeente-den-haag`)).toContain(
        `${handovers.handovers} overdrachten.`,
      );

      const timeline = (await api.get<{ total: number }>(`/views/timeline?${CLOSE}&limit=1&programmeId=samen`, denHaag))
        .body.total;
      expect(await text(`/app/tijdlijn?${CLOSE}`)).toContain(`${timeline.toLocaleString('nl-NL')} feiten`);
      await context.close();
    });

    it('shows the overdue workplace commitment as the API and docs/demo.md count it: 177 days late, in euros and Dutch dates', async () => {
      const { context, page } = await signedIn(codes.kernteam);
      const fromApi = await api.get<{ commitment: { daysOverdue: number } }>(
        `/views/commitments/c-den-haag-werkplek?${CLOSE}`,
      );
      expect(fromApi.body.commitment.daysOverdue).toBe(177);
      await page.goto(`${api.base}/app/afspraken/c-den-haag-werkplek?${CLOSE}`);
      await expect(page.locator('main').textContent()).resolves.toContain('177 dagen te laat');
      await expect(page.locator('main').textContent()).resolves.toContain('1 juni 2024');
      await page.screenshot({ path: join(SCREENSHOTS, 'kernteam-afspraak.png'), fullPage: true });
      await context.close();
    });

    it('changes the figures with the date control exactly as the API answers asOf', async () => {
      const { context, page } = await signedIn(codes.denHaag);
      const continuityOn = async (asOf: string) =>
        (
          await api.get<{ parties: { departures: number }[] }>(
            `/views/continuity?partyId=gemeente-den-haag&asOf=${asOf}`,
          )
        ).body.parties[0].departures;
      await page.goto(`${api.base}/app/continuiteit?partyId=gemeente-den-haag`);
      for (const asOf of ['2024-01-31', '2024-11-25']) {
        await page.getByLabel('Zoals het was op').fill(asOf);
        await page.getByRole('button', { name: 'Toon' }).click();
        expect(new URL(page.url()).searchParams.get('asOf')).toBe(asOf);
        const row = page.locator('tr', { hasText: 'Gemeente Den Haag' }).first();
        expect((await row.locator('td').nth(1).textContent())?.trim()).toBe(String(await continuityOn(asOf)));
      }
      await context.close();
    });

    it('shows what changed between two dates as the API answers both: commitments whose status moved, rates that moved', async () => {
      type Audit = { commitments: { commitmentId: string; status: string; overdue: boolean }[] };
      const [then, now] = await Promise.all(
        ['2024-01-01', '2024-11-25'].map(
          async (asOf) => (await api.get<Audit>(`/views/commitments?asOf=${asOf}`)).body.commitments,
        ),
      );
      const before = new Map(then.map((c) => [c.commitmentId, c]));
      const changed = now.filter((c) => {
        const b = before.get(c.commitmentId);
        return !b || b.status !== c.status || b.overdue !== c.overdue;
      });
      expect(changed.length).toBeGreaterThan(0);
      const { context, page } = await signedIn(codes.kernteam);
      await page.goto(`${api.base}/app/afspraken?asOf=2024-11-25&since=2024-01-01`);
      expect((await page.locator('caption').first().textContent())?.trim()).toBe(
        `${changed.length} toezeggingen veranderden sinds 1 januari 2024`,
      );
      await page.goto(`${api.base}/app/aanwezigheid?asOf=2024-11-25&since=2024-01-01`);
      await expect(page.locator('th', { hasText: 'Verschil sinds 1 januari 2024' }).count()).resolves.toBe(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'kernteam-aanwezigheid-verschil.png'), fullPage: true });
      const facts = (
        await api.get<{ total: number }>('/views/timeline?asOf=2024-11-25&from=2024-01-01&programmeId=samen&limit=1')
      ).body.total;
      await page.goto(`${api.base}/app/tijdlijn?asOf=2024-11-25&since=2024-01-01`);
      await expect(page.locator('main').textContent()).resolves.toContain(`${facts.toLocaleString('nl-NL')} feiten`);
      await context.close();
    });

    it('gives handover notes only to the programme team and the gemeente they concern, and names only to those allowed', async () => {
      const denHaagNote = 'kennismaking met het Stagehuis';
      const kampenNote = 'samen op bezoek geweest bij Het 8ste Werk';
      const textOf = async (key: string) => {
        const { context, page } = await signedIn(codes[key]);
        await page.goto(`${api.base}/app/overdrachten?${CLOSE}`);
        const text = (await page.locator('main').textContent()) ?? '';
        const csv = await (await page.request.get(`${api.base}/app/download/overdrachten?${CLOSE}`)).text();
        await context.close();
        return text + csv;
      };
      const kernteam = await textOf('kernteam');
      expect([
        kernteam.includes(denHaagNote),
        kernteam.includes(kampenNote),
        kernteam.includes('Lieke van Leeuwen'),
      ]).toEqual([true, true, true]);
      const denHaag = await textOf('denHaag');
      expect([
        denHaag.includes(denHaagNote),
        denHaag.includes(kampenNote),
        denHaag.includes('Lieke van Leeuwen'),
      ]).toEqual([true, false, true]);
      const kampen = await textOf('kampen');
      expect([kampen.includes(denHaagNote), kampen.includes(kampenNote), kampen.includes('Lieke van Leeuwen')]).toEqual(
        [false, true, false],
      );
      const evaluator = await textOf('evaluator');
      expect([
        evaluator.includes(denHaagNote),
        evaluator.includes(kampenNote),
        evaluator.includes('Lieke van Leeuwen'),
      ]).toEqual([false, false, false]);
      // Where a name may not be read, the seat stands in its place.
      expect(evaluator).toContain('Beleidsadviseur sociaal domein, Proeftuin Kampen');
    });

    it('records attendance from the checklist once, also when submitted twice, and refuses a bad value recording nothing', async () => {
      // Given a meeting that expects Kampen, recorded after the demo, with nobody marked yet.
      const meetingId = 'm-web-pitstop-kampen';
      const scheduled = await api.post('/meetings', {
        meetingId,
        programmeId: 'samen',
        kind: 'pitstop',
        title: 'Pitstop Kampen',
        startsAt: '2024-11-20T10:00:00+01:00',
        place: 'Kampen',
        expectedPartyIds: ['gemeente-kampen', 'het-8ste-werk'],
        occurredAt: '2024-11-01T10:00:00+01:00',
      });
      expect(scheduled.status).toBe(201);
      await api.get(`/views/timeline?minPosition=${(scheduled.body as { position: string }).position}&limit=1`);
      const { context, page } = await signedIn(codes.kernteam);
      const before = await api.store.headPosition();
      await page.goto(`${api.base}/app/bijeenkomsten/${meetingId}/aanwezigheid`);
      const open = page.locator('.ledger-radio-row').first();
      const radioName = await open.locator('input[type=radio]').first().getAttribute('name');
      // A forged value never reaches the ledger.
      await page.evaluate((name) => {
        const input = document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
        input.value = 'misschien';
        input.checked = true;
      }, radioName!);
      await page.getByRole('button', { name: 'Aanwezigheid vastleggen' }).click();
      await expect(page.locator('.utrecht-form-field-error-message').first().textContent()).resolves.toContain(
        'Kies aanwezig, afwezig of afgemeld',
      );
      expect(await api.store.headPosition()).toBe(before);

      await page.goto(`${api.base}/app/bijeenkomsten/${meetingId}/aanwezigheid`);
      const form = await page.evaluate(() =>
        Object.fromEntries(
          new FormData(document.querySelector<HTMLFormElement>('form.ledger-form')!) as unknown as Iterable<
            [string, string]
          >,
        ),
      );
      const posted = { ...(form as Record<string, string>), [radioName!]: 'present' };
      for (let i = 0; i < 2; i++) {
        const answer = await page.request.post(`${api.base}/app/bijeenkomsten/${meetingId}/aanwezigheid`, {
          form: posted,
        });
        // The second post is the same form again (a double click): it records nothing more.
        expect(answer.status()).toBe(200);
      }
      const written = (await api.eventsAfter(before)).filter((e) => e.type === 'AttendanceRecorded');
      expect(written).toHaveLength(1);
      await page.goto(`${api.base}/app/bijeenkomsten/${meetingId}/aanwezigheid`);
      await expect(page.locator('main').textContent()).resolves.toContain('(al vastgelegd)');
      await page.screenshot({ path: join(SCREENSHOTS, 'kernteam-aanwezigheid-vastleggen.png'), fullPage: true });
      await context.close();
    }, 60_000);

    it('records a fund’s payment typed in euros, shows it in Geld as the API counts it, and refuses a bad amount in Dutch', async () => {
      const { context, page } = await signedIn(codes.fonds);
      const paidBy = async () =>
        (
          await api.get<{ payers: { partyId: string; paidInCents: number }[] }>('/views/money?partyId=fonds-vsbfonds')
        ).body.payers.find((p) => p.partyId === 'fonds-vsbfonds')?.paidInCents ?? 0;
      const before = await paidBy();
      const head = await api.store.headPosition();
      await page.goto(`${api.base}/app/geld`);
      await page.getByRole('link', { name: 'Betaling vastleggen' }).click();
      expect(await seriousViolations(page)).toEqual([]);
      // Given a fund member: the payer can only be its own fund.
      expect(await page.locator('#f-fromPartyId option').allTextContents()).toEqual(['–', 'VSBfonds']);
      await page.getByLabel('Betaler').selectOption('fonds-vsbfonds');
      await page.getByLabel('Ontvanger').selectOption('stagehuis-schilderswijk');
      await page.getByLabel('Bedrag').fill('twaalf');
      await page.getByLabel('Doel').selectOption('annual-subsidy');
      await page.getByLabel('Betaald op').fill('2024-12-02');
      await page.getByRole('button', { name: 'Vastleggen' }).click();
      await expect(page.locator('#f-amountInCents-error').textContent()).resolves.toContain('Geef een bedrag in euro');
      expect(await api.store.headPosition()).toBe(head);
      await page.screenshot({ path: join(SCREENSHOTS, 'fonds-betaling-fout.png'), fullPage: true });

      await page.getByLabel('Bedrag').fill('1.250,50');
      const form = await page.evaluate(() =>
        Object.fromEntries(
          new FormData(document.querySelector<HTMLFormElement>('form.ledger-form')!) as unknown as Iterable<
            [string, string]
          >,
        ),
      );
      await page.getByRole('button', { name: 'Vastleggen' }).click();
      expect(new URL(page.url()).pathname).toBe('/app/geld');
      expect(await paidBy()).toBe(before + 125_050);
      await expect(page.locator('tr', { hasText: 'VSBfonds' }).first().textContent()).resolves.toContain(
        (before + 125_050)
          .toString()
          .replace(/(\d+)(\d{2})$/, (_m, e: string, c: string) => `${Number(e).toLocaleString('nl-NL')},${c}`),
      );
      // The same form posted again (a double click) records nothing more.
      await page.request.post(`${api.base}/app/vastleggen/betaling`, { form: form as Record<string, string> });
      expect((await api.eventsAfter(head)).filter((e) => e.type === 'PaymentMade')).toHaveLength(1);
      await context.close();
    }, 60_000);

    it('records an initiative’s invoice and a gemeente’s commitment from their forms, which then show on Geld and Afspraken', async () => {
      const initiative = await signedIn(codes.initiatief);
      const head = await api.store.headPosition();
      await initiative.page.goto(`${api.base}/app/vastleggen/factuur`);
      await initiative.page.getByLabel('Wie factureert').selectOption('stagehuis-schilderswijk');
      await initiative.page.getByLabel('Aan wie').selectOption('gemeente-den-haag');
      await initiative.page.getByLabel('Bedrag').fill('480');
      await initiative.page.getByLabel('Waarvoor').fill('Advieswerk bij het wijkplan, 6 uur');
      await initiative.page.getByLabel('Ingediend op').fill('2024-12-03');
      await initiative.page.getByRole('button', { name: 'Vastleggen' }).click();
      expect(new URL(initiative.page.url()).pathname).toBe('/app/geld');
      const invoices = await api.get<{ invoices: { amountInCents: number; waiting: boolean; fromPartyId: string }[] }>(
        '/views/money/invoices',
      );
      expect(
        invoices.body.invoices.filter(
          (i) => i.fromPartyId === 'stagehuis-schilderswijk' && i.amountInCents === 48_000 && i.waiting,
        ),
      ).toHaveLength(1);
      await expect(initiative.page.locator('main').textContent()).resolves.toContain('€ 480,00');
      await initiative.context.close();

      const gemeente = await signedIn(codes.denHaag);
      await gemeente.page.goto(`${api.base}/app/vastleggen/toezegging`);
      await gemeente.page.getByLabel('Wie zegt toe').selectOption('gemeente-den-haag');
      await gemeente.page.getByLabel('Verantwoordelijke').selectOption({ index: 1 });
      await gemeente.page.getByLabel('Stagehuis Schilderswijk').check();
      await gemeente.page.getByLabel('Soort').selectOption('house');
      await gemeente.page
        .getByLabel('Wat is toegezegd')
        .fill('Een vaste werkplek in het stadsdeelkantoor, vanaf januari.');
      await gemeente.page.getByLabel('Uiterlijk').fill('2025-01-31');
      await gemeente.page.getByRole('button', { name: 'Vastleggen' }).click();
      expect(new URL(gemeente.page.url()).pathname).toBe('/app/afspraken');
      await expect(gemeente.page.locator('main').textContent()).resolves.toContain(
        'Een vaste werkplek in het stadsdeelkantoor',
      );
      const made = (await api.eventsAfter(head)).filter(
        (e) => e.type === 'CommitmentMade' || e.type === 'InvoiceSubmitted',
      );
      expect(made.map((e) => e.type).sort()).toEqual(['CommitmentMade', 'InvoiceSubmitted']);
      await gemeente.context.close();
    }, 60_000);

    it('lets an initiative record a reflection for initiatives only: the programme team and initiatives read it, a gemeente and a fund learn nothing of it', async () => {
      const marker = 'Reflectie-7c1e: de gemeente kwam niet, we durfden het niet te zeggen.';
      const initiative = await signedIn(codes.initiatief);
      await initiative.page.goto(`${api.base}/app/reflecties`);
      await initiative.page.getByRole('link', { name: 'Reflectie vastleggen' }).click();
      await initiative.page.getByLabel('Namens').selectOption('stagehuis-schilderswijk');
      await initiative.page.getByLabel('Waarover').selectOption({ label: 'Proeftuin Den Haag' });
      await initiative.page.getByLabel('Wat er gebeurde').fill(marker);
      await initiative.page.getByLabel('Wat we ervan leerden').fill('Eerst onder initiatieven bespreken.');
      await initiative.page.getByLabel("Thema's").fill('Vertrouwen, intervisie');
      await initiative.page.getByLabel('Wie mag het lezen').selectOption('initiatives');
      await initiative.page.getByRole('button', { name: 'Vastleggen' }).click();
      expect(new URL(initiative.page.url()).pathname).toBe('/app/reflecties');
      await expect(initiative.page.locator('main').textContent()).resolves.toContain(marker);
      await initiative.page.screenshot({ path: join(SCREENSHOTS, 'initiatief-reflecties.png'), fullPage: true });
      await initiative.context.close();
      const textFor = async (key: string) => {
        const { context, page } = await signedIn(codes[key]);
        await page.goto(`${api.base}/app/reflecties`);
        const text = (await page.locator('main').textContent()) ?? '';
        await context.close();
        return text;
      };
      expect((await textFor('kernteam')).includes(marker)).toBe(true);
      expect((await textFor('denHaag')).includes(marker)).toBe(false);
      const fund = await textFor('fonds');
      expect(fund.includes(marker)).toBe(false);
      // Not even its theme: initiatives only is not "funders see counts".
      expect(fund).not.toContain('vertrouwen');
    }, 60_000);

    it('lets a gemeente record a handover with its note, which then shows to it and not to another gemeente', async () => {
      const note = 'Overdracht via het formulier: dossier ligt bij het team.';
      const { context, page } = await signedIn(codes.kampen);
      await page.goto(`${api.base}/app/continuiteit?partyId=gemeente-kampen`);
      await page.getByRole('link', { name: 'Overdracht vastleggen' }).first().click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Van wie').selectOption({ index: 1 });
      await page.getByLabel('Aan wie').selectOption('∅');
      await page.getByLabel('Datum van overdracht').fill('2024-12-01');
      await page.getByLabel('Notitie (alleen voor het kernteam en de eigen partij)').fill(note);
      await page.screenshot({ path: join(SCREENSHOTS, 'gemeente-overdracht-formulier.png'), fullPage: true });
      await page.getByRole('button', { name: 'Vastleggen' }).click();
      expect(new URL(page.url()).pathname).toBe('/app/overdrachten');
      await expect(page.locator('main').textContent()).resolves.toContain(note);
      await context.close();
      const other = await signedIn(codes.denHaag);
      await other.page.goto(`${api.base}/app/overdrachten`);
      await expect(other.page.locator('main').textContent()).resolves.not.toContain(note);
      await other.context.close();
    }, 60_000);

    it('records a commitment as fulfilled from its page, after which it shows as kept', async () => {
      const { context, page } = await signedIn(codes.kernteam);
      await page.goto(`${api.base}/app/afspraken/c-den-haag-werkplek`);
      await page.getByRole('link', { name: 'Nagekomen vastleggen' }).click();
      await page.getByRole('button', { name: 'Vastleggen' }).click();
      await expect(page.locator('#f-evidence-error').textContent()).resolves.toContain('Vul');
      await page.getByLabel('Waaruit blijkt het').fill('Werkplek in gebruik sinds december.');
      await page.getByRole('button', { name: 'Vastleggen' }).click();
      expect(new URL(page.url()).pathname).toBe('/app/afspraken/c-den-haag-werkplek');
      await expect(page.locator('main').textContent()).resolves.toContain('nagekomen');
      const fromApi = await api.get<{ commitment: { status: string } }>('/views/commitments/c-den-haag-werkplek');
      expect(fromApi.body.commitment.status).toBe('fulfilled');
      await context.close();
    }, 60_000);

    it('refuses a form post without the CSRF token, sends a tampered cookie to sign-in, and ends the session on sign-out', async () => {
      const { context, page } = await signedIn(codes.kernteam);
      const tokens = api.app.get<TokenStore>(TOKEN_STORE);
      const issued = tokens.list().length;
      const refused = await page.request.post(`${api.base}/app/toegang`, {
        form: { label: 'x', kind: 'evaluator', days: '5' },
      });
      expect(refused.status()).toBe(403);
      expect(tokens.list()).toHaveLength(issued);

      const cookies = await context.cookies();
      const session = cookies.find((c) => c.name === 'samen_sessie')!;
      expect({ httpOnly: session.httpOnly, sameSite: session.sameSite }).toEqual({ httpOnly: true, sameSite: 'Lax' });
      const tampered = await browser.newContext();
      await tampered.addCookies([{ ...session, value: `${session.value.slice(0, -2)}xx` }]);
      const other = await tampered.newPage();
      await other.goto(`${api.base}/app/geld`);
      expect(new URL(other.url()).pathname).toBe('/app/inloggen');
      await tampered.close();

      await page.goto(`${api.base}/app`);
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      expect(new URL(page.url()).pathname).toBe('/app/inloggen');
      const again = await browser.newContext();
      await again.addCookies([session]);
      const reused = await again.newPage();
      await reused.goto(`${api.base}/app`);
      expect(new URL(reused.url()).pathname).toBe('/app/inloggen');
      await again.close();
      await context.close();
    });

    it('lets the programme team issue and revoke access on the Toegang page, and refuses it to everyone else', async () => {
      const { context, page } = await signedIn(codes.kernteam);
      await page.goto(`${api.base}/app/toegang`);
      await page.getByLabel('Voor wie (naam of functie)').fill('beleidsadviseur Vaals');
      await page.getByLabel('Rol').selectOption('party-member');
      await page.getByLabel('Partij (voor een lid van een partij)').selectOption('gemeente-vaals');
      await page.getByRole('button', { name: 'Toegangscode maken' }).click();
      const code = await page.locator('.ledger-code').textContent();
      expect(code).toMatch(/^slt_/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, 'kernteam-toegang.png'), fullPage: true });
      const member = await signedIn(code!);
      await member.page.goto(`${api.base}/app/toegang`);
      await expect(member.page.locator('h1').textContent()).resolves.toBe('Geen toegang');
      await page.getByRole('button', { name: 'Toegang van beleidsadviseur Vaals intrekken' }).click();
      await member.page.goto(`${api.base}/app`);
      expect(new URL(member.page.url()).pathname).toBe('/app/inloggen');
      await member.context.close();
      await context.close();
    });

    it('downloads the whole timeline as one CSV, every fact once, as the API counts them', async () => {
      const { context, page } = await signedIn(codes.kernteam);
      const total = (await api.get<{ total: number }>('/views/timeline?programmeId=samen&limit=1')).body.total;
      expect(total).toBeGreaterThan(100);
      const csv = await (await page.request.get(`${api.base}/app/download/tijdlijn`)).text();
      const lines = csv.split('\r\n').filter((line) => line !== '');
      expect(lines[0].startsWith('\uFEFF')).toBe(true);
      expect(lines.filter((line) => line.startsWith('\uFEFF'))).toHaveLength(1);
      expect(lines.length - 1).toBe(total);
      await context.close();
    });

    it('issues one access code for one Toegang form, also when the form is sent twice', async () => {
      const { context, page } = await signedIn(codes.kernteam);
      const tokens = api.app.get<TokenStore>(TOKEN_STORE);
      const issued = tokens.list().length;
      await page.goto(`${api.base}/app/toegang`);
      await page.getByLabel('Voor wie (naam of functie)').fill('evaluator Movisie');
      await page.getByLabel('Rol').selectOption('evaluator');
      const form = await page.evaluate(() =>
        Object.fromEntries(
          new FormData(document.querySelectorAll<HTMLFormElement>('form.ledger-form')[0]) as unknown as Iterable<
            [string, string]
          >,
        ),
      );
      const codeOf = async () => {
        const answer = await page.request.post(`${api.base}/app/toegang`, { form: form as Record<string, string> });
        return /class="utrecht-code ledger-code">([^<]+)</.exec(await answer.text())?.[1];
      };
      const [first, second] = [await codeOf(), await codeOf()];
      expect(first).toMatch(/^slt_/);
      expect(second).toBe(first);
      expect(tokens.list()).toHaveLength(issued + 1);
      await context.close();
    });

    it('answers an unknown commitment with a Dutch "niet gevonden" page and an impossible date with a message, never a 500', async () => {
      const { context, page } = await signedIn(codes.kernteam);
      const missing = await page.goto(`${api.base}/app/afspraken/bestaat-niet`);
      expect(missing?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toBe('Niet gevonden');
      const impossible = await page.goto(`${api.base}/app?asOf=2024-02-30`);
      expect(impossible?.status()).toBe(400);
      // The message stands beside the date control it is about.
      await expect(page.locator('#asOf-error').textContent()).resolves.toContain(
        '"2024-02-30" is geen bestaande datum',
      );
      expect(await page.locator('#asOf').getAttribute('aria-describedby')).toBe('asOf-error');
      await context.close();
    });
  },
);
