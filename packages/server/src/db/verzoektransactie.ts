// One transaction per changing request (http/route.ts): the use case's change and the access-log
// entry that records it commit together or not at all (NEN 7513; issue 10). The handler gets a
// Kysely bound to the request's transaction in which `db.transaction().execute(...)` — what every
// use case already calls — opens a SAVEPOINT instead of a new transaction: a use case still rolls
// back its own work on error, but only the request's commit makes it stick.
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Db, Tx } from './index.ts';
import type { Database as Schema } from './schema.ts';

class SavepointDriver implements Driver {
  private depth = 0;
  constructor(private readonly conn: DatabaseConnection) {}
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.conn;
  }
  async beginTransaction(c: DatabaseConnection) {
    this.depth++;
    await c.executeQuery(CompiledQuery.raw(`savepoint voordeur_${this.depth}`));
  }
  async commitTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw(`release savepoint voordeur_${this.depth}`));
    this.depth--;
  }
  async rollbackTransaction(c: DatabaseConnection) {
    try {
      await c.executeQuery(CompiledQuery.raw(`rollback to savepoint voordeur_${this.depth}`));
      await c.executeQuery(CompiledQuery.raw(`release savepoint voordeur_${this.depth}`));
    } finally {
      this.depth--;
    }
  }
  async releaseConnection() {}
  async destroy() {}
}

/** A Kysely whose queries run in `tx` and whose transactions are savepoints in it. */
export function savepointDb(tx: Tx): Db {
  const conn: DatabaseConnection = {
    executeQuery: <R>(q: CompiledQuery): Promise<QueryResult<R>> => tx.executeQuery<R>(q as CompiledQuery<R>),
    // eslint-disable-next-line require-yield
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error('streaming is not supported inside a request transaction');
    },
  };
  return new Kysely<Schema>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new SavepointDriver(conn),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/** Run `fn` in one transaction of `db`; its own transactions become savepoints. */
export async function inVerzoekTransactie<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((tx) => fn(savepointDb(tx)));
}
