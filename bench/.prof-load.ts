import autocannon from 'autocannon';
let n = 0;
void (async () => {
  const base = 'http://127.0.0.1:3177';
  const post = (path: string, body: object) =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await post('/programmes', { programmeId: 'bench', name: 'B', startsOn: '2023-01-01' });
  await post('/parties', { partyId: 'g', kind: 'municipality', name: 'G' });
  await post('/parties', { partyId: 'i', kind: 'initiative', name: 'I' });
  await post('/people', { personId: 'p', name: 'P' });
  const r = await autocannon({
    url: base,
    connections: 32,
    duration: 20,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          path: '/commitments',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            commitmentId: `c-${n++}`,
            programmeId: 'bench',
            byPartyId: 'g',
            responsiblePersonId: 'p',
            toPartyIds: ['i'],
            kind: 'support',
            description: 'Ondersteuning',
          }),
        }),
      },
    ],
  });
  console.log('rps', r.requests.average, 'p50', r.latency.p50, 'p99', r.latency.p99, 'non2xx', r.non2xx);
})();
