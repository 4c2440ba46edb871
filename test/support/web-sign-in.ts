/**
 * Signs in to the web pages as a browser does (the visitor cookie, the form's CSRF token,
 * the access code) and returns the session cookie, for tests and benchmarks that ask pages
 * without a browser.
 */
export async function signInAsBrowser(base: string, code: string): Promise<string> {
  const form = await fetch(`${base}/app/inloggen`);
  const visitor = (form.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const answer = await fetch(`${base}/app/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: visitor },
    body: new URLSearchParams({ csrf, code }).toString(),
  });
  const session = (answer.headers.get('set-cookie') ?? '').split(';')[0];
  if (answer.status !== 303 || !session.startsWith('samen_sessie='))
    throw new Error(`sign-in failed: ${answer.status}`);
  return session;
}
