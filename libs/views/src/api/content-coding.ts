/** Smaller answers go as they are: gzip's header and a trip through zlib would cost more than they save. */
export const GZIP_FROM_BYTES = 1024;

/**
 * Whether a request's Accept-Encoding (RFC 9110, 12.5.3) takes gzip: named with a weight
 * above zero, or not named while `*` is. Anything unreadable counts as a no: the answer as
 * it is can always be sent.
 */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  let anything = false;
  for (const item of (acceptEncoding ?? '').split(',')) {
    const [coding, ...parameters] = item.split(';').map((part) => part.trim().toLowerCase());
    if (coding === 'gzip' || coding === 'x-gzip') return weightOf(parameters) > 0;
    if (coding === '*') anything = weightOf(parameters) > 0;
  }
  return anything;
}

function weightOf(parameters: readonly string[]): number {
  const q = parameters.find((parameter) => parameter.startsWith('q='));
  if (q === undefined) return 1;
  return /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(q.slice(2)) ? Number(q.slice(2)) : 0;
}
