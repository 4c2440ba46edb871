import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '@samen/access';
import { EnumProperty, IdParam } from '@samen/command-handling';
import { NotFoundError } from '@samen/ledger-kernel';
import { euros } from '../api/csv';
import { periodOf } from '../api/query-window';
import { answerView } from '../api/view-answer';
import { ViewQueryDto } from '../api/view-query.dto';
import { ViewRunner } from '../runner/view-runner';
import {
  commitmentAudit,
  commitmentDetail,
  commitmentsPerParty,
  COMMITMENT_STATUS_FILTERS,
  type CommitmentAudit,
  type CommitmentFilter,
  type CommitmentStatusFilter,
  type HistoryEvent,
} from './commitments.query';
import { askedToday } from './judged-at';

class CommitmentQueryDto extends ViewQueryDto {
  @EnumProperty(COMMITMENT_STATUS_FILTERS, {
    description:
      'Alleen toezeggingen met deze status (overdue: open en over de vervaldatum) / only commitments with this status (overdue: open and past due)',
    example: 'open',
    optional: true,
  })
  status?: CommitmentStatusFilter;
}

const STATUS_NL: Record<CommitmentAudit['status'], string> = {
  open: 'open',
  fulfilled: 'nagekomen',
  broken: 'gebroken',
  withdrawn: 'ingetrokken',
};

type HistoryRow = HistoryEvent & { commitmentId: string };

@ApiTags('overzichten / views')
@ApiProduces('application/json', 'text/csv')
@Access.views()
@Controller('views/commitments')
export class CommitmentsController {
  constructor(private readonly runner: ViewRunner) {}

  @Get()
  @ApiOperation({
    summary: 'Toezeggingen: wie beloofde wat aan wie, en is het nagekomen / commitment audit',
    description:
      'Elke toezegging met haar voorwaarden (na wijzigingen), status, eigenaar, of ze over tijd is (afgeleid: open en de vervaldatum ligt vóór de peildatum: asOf, anders knownAt, anders vandaag) en haar hele geschiedenis. CSV: één regel per toezegging. / Every commitment with its terms (after amendments), status, owner, whether it is overdue (derived: open and due before the date judged on: asOf, else knownAt, else today) and its whole history. CSV: one row per commitment.',
  })
  @ApiOkResponse({ description: 'Het overzicht / the view' })
  list(@Query() query: CommitmentQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const now = Date.now();
    return answerView(this.runner, {
      view: 'commitments',
      query: askedToday(query, now),
      reply,
      compute: (views, window) => commitmentAudit(views.directory, views.commitments, filterOf(query), window, now),
      csv: {
        filename: 'toezeggingen',
        rows: (answer) => answer.commitments,
        columns: COMMITMENT_COLUMNS,
      },
    });
  }

  @Get('parties')
  @ApiOperation({
    summary: 'Toezeggingen per partij / commitments per party',
    description:
      'Per partij die ze deed: gedaan, nagekomen, gebroken, ingetrokken, open, over tijd. Met partyId: alleen de regel van die partij. CSV: één regel per partij. / Per party that made them: made, fulfilled, broken, withdrawn, open, overdue. With partyId: only that party’s row. CSV: one row per party.',
  })
  parties(@Query() query: CommitmentQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const now = Date.now();
    return answerView(this.runner, {
      view: 'commitments-parties',
      query: askedToday(query, now),
      reply,
      compute: (views, window) => commitmentsPerParty(views.directory, views.commitments, filterOf(query), window, now),
      csv: {
        filename: 'toezeggingen-per-partij',
        rows: (answer) => answer.parties,
        columns: [
          { header: 'Partij / party', value: (r) => r.name },
          { header: 'Partij-id / party id', value: (r) => r.partyId },
          { header: 'Soort partij / party kind', value: (r) => r.kind },
          { header: 'Gedaan / made', value: (r) => r.made },
          { header: 'Nagekomen / fulfilled', value: (r) => r.fulfilled },
          { header: 'Gebroken / broken', value: (r) => r.broken },
          { header: 'Ingetrokken / withdrawn', value: (r) => r.withdrawn },
          { header: 'Open / open', value: (r) => r.open },
          { header: 'Over tijd / overdue', value: (r) => r.overdue },
        ],
      },
    });
  }

  @Get(':commitmentId')
  @ApiOperation({
    summary: 'Eén toezegging met haar geschiedenis / one commitment with its history',
    description:
      'De toezegging zoals ze toen stond, met elk feit uit haar geschiedenis (soort, wie, wanneer gebeurd en vastgelegd, positie). CSV: één regel per feit. / The commitment as it stood, with every fact of its history (type, actor, when it happened and was recorded, position). CSV: one row per fact.',
  })
  one(
    @IdParam('commitmentId') commitmentId: string,
    @Query() query: ViewQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const now = Date.now();
    return answerView(this.runner, {
      view: 'commitment',
      programmeId: this.runner.peek((views) => views.commitments.byId.get(commitmentId)?.origin?.programmeId) ?? null,
      // The path's id joins the question, so each commitment's answer is remembered apart.
      query: Object.assign(askedToday(query, now), { commitmentId }),
      reply,
      compute: (views, window) => {
        const commitment = commitmentDetail(views.directory, views.commitments, commitmentId, window, now);
        if (!commitment) throw new NotFoundError('commitment', commitmentId);
        return { commitment };
      },
      csv: {
        filename: `toezegging-${commitmentId}`,
        rows: (answer) => answer.commitment.history.map((event): HistoryRow => ({ ...event, commitmentId })),
        columns: [
          { header: 'Toezegging-id / commitment id', value: (r) => r.commitmentId },
          { header: 'Feit / event', value: (r) => r.type },
          { header: 'Door / actor', value: (r) => r.actor },
          { header: 'Gebeurd op / occurred at', value: (r) => r.occurredAt },
          { header: 'Vastgelegd op / recorded at', value: (r) => r.recordedAt },
          { header: 'Positie / position', value: (r) => r.position },
        ],
      },
    });
  }
}

const COMMITMENT_COLUMNS = [
  { header: 'Toezegging-id / commitment id', value: (r: CommitmentAudit) => r.commitmentId },
  { header: 'Programma / programme', value: (r: CommitmentAudit) => r.programmeId },
  { header: 'Proeftuin / site', value: (r: CommitmentAudit) => r.siteId },
  { header: 'Soort / kind', value: (r: CommitmentAudit) => r.kind },
  { header: 'Door partij / by party', value: (r: CommitmentAudit) => r.byPartyName },
  { header: 'Door partij-id / by party id', value: (r: CommitmentAudit) => r.byPartyId },
  { header: 'Aan partijen / to parties', value: (r: CommitmentAudit) => r.toPartyIds.join(' ') },
  { header: 'Omschrijving / description', value: (r: CommitmentAudit) => r.description },
  { header: 'Bedrag (cent) / amount (cents)', value: (r: CommitmentAudit) => r.amountInCents },
  {
    header: 'Bedrag (euro) / amount (euros)',
    value: (r: CommitmentAudit) => (r.amountInCents === null ? null : euros(r.amountInCents)),
  },
  { header: 'Vervaldatum / due on', value: (r: CommitmentAudit) => r.dueOn },
  { header: 'Gedaan op / made at', value: (r: CommitmentAudit) => r.madeAt },
  { header: 'Status / status', value: (r: CommitmentAudit) => `${STATUS_NL[r.status]} / ${r.status}` },
  { header: 'Afgesloten op / closed at', value: (r: CommitmentAudit) => r.closedAt },
  { header: 'Over tijd / overdue', value: (r: CommitmentAudit) => r.overdue },
  { header: 'Dagen over tijd / days overdue', value: (r: CommitmentAudit) => r.daysOverdue },
  { header: 'Eigenaar (persoon-id) / owner (person id)', value: (r: CommitmentAudit) => r.ownerPersonId },
  { header: 'Eigenaar (rol-id) / owner (role id)', value: (r: CommitmentAudit) => r.ownerRoleId },
  { header: 'Feiten / events', value: (r: CommitmentAudit) => r.history.length },
  {
    header: 'Laatste feit / last event',
    value: (r: CommitmentAudit) => r.history[r.history.length - 1]?.type,
  },
];

function filterOf(query: CommitmentQueryDto): CommitmentFilter {
  return {
    ...periodOf(query),
    ...(query.programmeId && { programmeId: query.programmeId }),
    ...(query.siteId && { siteId: query.siteId }),
    ...(query.partyId && { partyId: query.partyId }),
    ...(query.status && { status: query.status }),
  };
}
