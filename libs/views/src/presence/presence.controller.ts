import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '@samen/access';
import { MEETING_KINDS, type MeetingKind } from '@samen/attendance/domain';
import { EnumProperty } from '@samen/command-handling';
import { periodOf } from '../api/query-window';
import { answerView } from '../api/view-answer';
import { ViewQueryDto } from '../api/view-query.dto';
import { ViewRunner } from '../runner/view-runner';
import { presenceReport, type PartyAtMeeting, type MeetingPresence } from './presence.query';

class PresenceQueryDto extends ViewQueryDto {
  @EnumProperty(MEETING_KINDS, {
    description: 'Soort bijeenkomst / meeting kind',
    example: 'collective',
    optional: true,
  })
  kind?: MeetingKind;
}

type MeetingParty = MeetingPresence & { party: PartyAtMeeting };

@ApiTags('overzichten / views')
@ApiProduces('application/json', 'text/csv')
@Access.views()
@Controller('views/presence')
export class PresenceController {
  constructor(private readonly runner: ViewRunner) {}

  @Get()
  @ApiOperation({
    summary: 'Wie is er aanwezig per gemeente / who is present from each gemeente',
    description:
      'Per bijeenkomst de aanwezigen per partij, de opkomst per gemeente bij collectieve bijeenkomsten, en bijeenkomsten waar het initiatief wel kwam en de gemeente niet. CSV: één regel per bijeenkomst en partij. / Per meeting the people present per party, attendance rates over collective meetings, and meetings where a site’s initiative came and its gemeente did not. CSV: one row per meeting and party.',
  })
  @ApiOkResponse({ description: 'Het overzicht / the view' })
  presence(@Query() query: PresenceQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return answerView(this.runner, {
      view: 'presence',
      query,
      reply,
      compute: (views, window) => presenceReport(views.directory, views.presence, filterOf(query), window),
      csv: {
        filename: 'aanwezigheid',
        rows: (report) => report.meetings.flatMap((m) => m.parties.map((party): MeetingParty => ({ ...m, party }))),
        columns: [
          { header: 'Bijeenkomst / meeting', value: (r) => r.title },
          { header: 'Bijeenkomst-id / meeting id', value: (r) => r.meetingId },
          { header: 'Soort / kind', value: (r) => r.kind },
          { header: 'Datum / date', value: (r) => r.startsAt },
          { header: 'Plaats / place', value: (r) => r.place },
          { header: 'Afgelast / cancelled', value: (r) => r.cancelled },
          { header: 'Partij / party', value: (r) => r.party.name },
          { header: 'Partij-id / party id', value: (r) => r.party.partyId },
          { header: 'Soort partij / party kind', value: (r) => r.party.kind },
          { header: 'Verwacht / expected', value: (r) => r.party.expected },
          { header: 'Aanwezig (aantal) / present (count)', value: (r) => r.party.present.length },
          { header: 'Aanwezigen / present', value: (r) => r.party.present.join(' ') },
          { header: 'Afwezig / absent', value: (r) => r.party.absent.join(' ') },
          { header: 'Afgemeld / excused', value: (r) => r.party.excused.join(' ') },
        ],
      },
    });
  }

  @Get('rates')
  @ApiOperation({
    summary: 'Opkomst per partij bij collectieve bijeenkomsten / attendance rate per party over collective meetings',
  })
  rates(@Query() query: PresenceQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return answerView(this.runner, {
      view: 'presence-rates',
      query,
      reply,
      compute: (views, window) => ({
        rates: presenceReport(views.directory, views.presence, filterOf(query), window).rates,
      }),
      csv: {
        filename: 'opkomst',
        rows: (answer) => answer.rates,
        columns: [
          { header: 'Partij / party', value: (r) => r.name },
          { header: 'Partij-id / party id', value: (r) => r.partyId },
          { header: 'Soort partij / party kind', value: (r) => r.kind },
          { header: 'Verwacht (collectief) / expected (collective)', value: (r) => r.collectiveExpected },
          { header: 'Aanwezig (collectief) / attended (collective)', value: (r) => r.collectiveAttended },
          { header: 'Opkomst / rate', value: (r) => r.rate },
        ],
      },
    });
  }

  @Get('gaps')
  @ApiOperation({
    summary: 'Initiatief aanwezig, gemeente niet / meetings where a site’s initiative came and its gemeente did not',
  })
  gaps(@Query() query: PresenceQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return answerView(this.runner, {
      view: 'presence-gaps',
      query,
      reply,
      compute: (views, window) => ({
        initiativeWithoutGemeente: presenceReport(views.directory, views.presence, filterOf(query), window)
          .initiativeWithoutGemeente,
      }),
      csv: {
        filename: 'initiatief-zonder-gemeente',
        rows: (answer) => answer.initiativeWithoutGemeente,
        columns: [
          { header: 'Bijeenkomst / meeting', value: (r) => r.title },
          { header: 'Bijeenkomst-id / meeting id', value: (r) => r.meetingId },
          { header: 'Datum / date', value: (r) => r.startsAt },
          { header: 'Proeftuin / site', value: (r) => r.siteName },
          { header: 'Gemeente-id / gemeente id', value: (r) => r.gemeentePartyId },
          { header: 'Initiatieven aanwezig / initiatives present', value: (r) => r.initiativesPresent.join(' ') },
        ],
      },
    });
  }
}

function filterOf(query: PresenceQueryDto) {
  return {
    ...periodOf(query),
    ...(query.programmeId && { programmeId: query.programmeId }),
    ...(query.siteId && { siteId: query.siteId }),
    ...(query.partyId && { partyId: query.partyId }),
    ...(query.kind && { kind: query.kind }),
  };
}
