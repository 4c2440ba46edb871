import type { LedgerViews } from '../ledger-views';
import { stringAt } from '../timeline/string-pool';
import { partiesOf, positionOf, type Posting, type TimelineState } from '../timeline/timeline.projection';

/**
 * What a timeline holds, by strings and positions rather than by the numbers it gave them:
 * two timelines with the same content answer every question alike, whatever order their
 * strings were numbered in (a timeline merged from parts numbers them otherwise).
 */
export function timelineContent(state: TimelineState) {
  const at = (entry: number) => positionOf(state, entry);
  const id = (n: number) => (n === -1 ? null : state.ids[n]);
  const postings = (list: Posting[]) =>
    Object.fromEntries(
      list.flatMap((posting, key) => [
        [state.ids[key], Array.from(posting.items.subarray(0, posting.length), at).sort()],
      ]),
    );
  const streams = Array.from({ length: state.streams.count }, (_, s) => stringAt(state.streams, s));
  return {
    entries: Array.from({ length: state.count }, (_, e) => ({
      position: at(e),
      occurredAt: state.occurredAt[e],
      recordedAt: state.recordedAt[e],
      type: state.types[state.type[e]],
      stream: streams[state.stream[e]],
      actor: state.actor[e] === -1 ? null : state.actors[state.actor[e]],
      programme: id(state.programme[e]),
      site: id(state.site[e]),
      parties: partiesOf(state, e),
    })),
    partyPostings: postings(state.partyPostings),
    sitePostings: postings(state.sitePostings),
    streamFirst: Object.fromEntries(
      streams.map((stream, s) => [stream, state.streamFirst[s] === -1 ? null : at(state.streamFirst[s])]),
    ),
    siteJoined: Object.fromEntries([...state.siteJoined].map(([site, entry]) => [site, at(entry)])),
    waiting: Object.fromEntries([...state.waiting].map(([key, entries]) => [key, entries.map(at).sort()])),
    waitsFor: Object.fromEntries([...state.waitsFor].map(([entry, key]) => [at(entry), key])),
    strings: {
      types: [...state.types].sort(),
      actors: [...state.actors].sort(),
      ids: [...state.ids].sort(),
      streams: [...streams].sort(),
    },
  };
}

/** Every view as it is, the timeline by its content: what tests compare a rebuild with a replay by. */
export function viewsContent({ timeline, ...views }: LedgerViews) {
  return { ...views, timeline: timelineContent(timeline) };
}
