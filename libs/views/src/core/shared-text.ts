/**
 * One copy of each repeated text (ids of parties, sites, programmes, meetings and people,
 * kinds, dates, actors). Every fact arrives with its own copies of its strings (JSON.parse
 * does not share them), and a view keeping hundreds of thousands of records would hold the
 * same id thousands of times: sharing them roughly halves what the money and commitment
 * views keep. A cache only: answers are the same without it. Bounded, so that free text
 * passed through it cannot make it grow without end.
 */
const texts = new Map<string, string>();
const MAX_TEXTS = 500_000;

export function shared<T extends string>(text: T): T;
export function shared<T extends string>(text: T | undefined): T | undefined;
export function shared<T extends string>(text: T | undefined): T | undefined {
  if (text === undefined) return undefined;
  const known = texts.get(text);
  if (known !== undefined) return known as T;
  if (texts.size < MAX_TEXTS) texts.set(text, text);
  return text;
}
