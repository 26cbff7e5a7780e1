// Which errors mean "the database is not reachable right now" (503 with Retry-After, app.ts) and which
// stay a 500: a restart or failover must not look like a bug, and a bug must not look like a restart.
import { describe, expect, it } from 'vitest';
import { isDatabaseOnbereikbaar } from './errors.ts';

describe('isDatabaseOnbereikbaar', () => {
  it.each([
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '57P03', message: 'the database system is starting up' }],
    [{ code: '08006', message: 'connection failure' }],
    [{ code: '53300', message: 'too many connections' }],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    [new Error('Connection terminated unexpectedly')],
    [new Error('timeout exceeded when trying to connect')],
  ])('%o is the database being away', (err) => {
    expect(isDatabaseOnbereikbaar(err)).toBe(true);
  });

  it.each([
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }],
    [{ code: '42P01', message: 'relation "x" does not exist' }],
    [new TypeError("Cannot read properties of undefined (reading 'id')")],
    [null],
    ['Connection terminated'],
  ])('%o is not', (err) => {
    expect(isDatabaseOnbereikbaar(err)).toBe(false);
  });
});
