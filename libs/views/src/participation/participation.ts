import type { LedgerViews } from '../ledger-views';

/**
 * The programmes a party takes part in: as a site's gemeente or initiative, expected at a
 * programme's meetings, making or receiving a commitment in it, or holding a seat named for
 * it. What a member of the party may read is scoped to these (libs/access,
 * `mayReadProgramme`). Known whatever the time window: taking part is who a party is, not
 * a fact a reader travels past.
 */
export function programmesOfParty(views: LedgerViews, partyId: string): ReadonlySet<string> {
  const { directory, commitments } = views;
  const programmes = new Set<string>();
  for (const siteId of directory.sitesOfParty.get(partyId) ?? []) {
    const site = directory.sites.get(siteId);
    if (site) programmes.add(site.programmeId);
  }
  for (const meetingId of directory.meetingsExpecting.get(partyId) ?? []) {
    const meeting = directory.meetings.get(meetingId);
    if (meeting) programmes.add(meeting.programmeId);
  }
  for (const commitmentId of commitments.byParty.get(partyId) ?? []) {
    const origin = commitments.byId.get(commitmentId)?.origin;
    if (origin) programmes.add(origin.programmeId);
  }
  for (const roleId of directory.rolesOfParty.get(partyId) ?? []) {
    const programmeId = directory.roles.get(roleId)?.programmeId;
    if (programmeId) programmes.add(programmeId);
  }
  return programmes;
}
