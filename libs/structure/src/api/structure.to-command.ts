import { definedFields } from '@samen/command-handling';
import type { RegisterParty } from '../domain/party';
import type { RegisterPerson } from '../domain/person';
import type { JoinSite, LaunchProgramme } from '../domain/programme';
import type { JoinSiteDto, LaunchProgrammeDto, RegisterPartyDto, RegisterPersonDto } from './structure.dto';

/** Each body as its command, field by field: a DTO field reaches a command only when named here. */
export const toLaunchProgramme = (dto: LaunchProgrammeDto): LaunchProgramme => ({
  type: 'LaunchProgramme',
  data: definedFields({
    programmeId: dto.programmeId,
    name: dto.name,
    startsOn: dto.startsOn,
    endsOn: dto.endsOn,
    publishes: dto.publishes,
    visibility: dto.visibility,
  }),
});

export const toJoinSite = (dto: JoinSiteDto, programmeId: string): Omit<JoinSite, 'context'> => ({
  type: 'JoinSite',
  data: definedFields({
    programmeId,
    siteId: dto.siteId,
    name: dto.name,
    initiativePartyIds: dto.initiativePartyIds,
    gemeentePartyId: dto.gemeentePartyId,
    funded: dto.funded,
    visibility: dto.visibility,
  }),
});

export const toRegisterParty = (dto: RegisterPartyDto): RegisterParty => ({
  type: 'RegisterParty',
  data: definedFields({ partyId: dto.partyId, kind: dto.kind, name: dto.name, visibility: dto.visibility }),
});

export const toRegisterPerson = (dto: RegisterPersonDto): RegisterPerson => ({
  type: 'RegisterPerson',
  data: definedFields({
    personId: dto.personId,
    name: dto.name,
    email: dto.email,
    phone: dto.phone,
    visibility: dto.visibility,
  }),
});
