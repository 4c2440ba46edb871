import { splitHosts } from './server-hosts';

describe('splitHosts', () => {
  it('keeps a connection string with one host as it is', () => {
    expect(splitHosts('postgres://ledger:geheim@db:5432/ledger?sslmode=require')).toEqual([
      'postgres://ledger:geheim@db:5432/ledger?sslmode=require',
    ]);
  });

  it('gives each host of a libpq multi-host string its own, without target_session_attrs', () => {
    expect(
      splitHosts(
        'postgresql://ledger@10.0.0.1:5432,10.0.0.2:5433/ledger?target_session_attrs=read-write&sslmode=require',
      ),
    ).toEqual([
      'postgresql://ledger@10.0.0.1:5432/ledger?sslmode=require',
      'postgresql://ledger@10.0.0.2:5433/ledger?sslmode=require',
    ]);
    expect(splitHosts('postgres://a:1,b:2/ledger?sslmode=require&target_session_attrs=read-write')).toEqual([
      'postgres://a:1/ledger?sslmode=require',
      'postgres://b:2/ledger?sslmode=require',
    ]);
  });
});
