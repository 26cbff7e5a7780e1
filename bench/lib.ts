// Shared helpers for the benchmark scripts: where the bench database lives, a seeded random
// generator, command-line flags, percentiles and the schema fingerprint of a data set.
import { createHash } from 'node:crypto';
import { MIGRATIONS } from '../packages/server/src/db/migrate.ts';

/**
 * The bench database: `--db NAME` (default vd_bench). Use a name per size, e.g. vd_bench_2500k for
 * the national-scale report set, so the 500k werkvoorraad / person-search set stays.
 */
export const BENCH_DB_NAME = dbName();
/** Bump when generate.ts changes what it produces, so `--reuse` regenerates. */
export const GENERATOR_VERSION = 6;

function dbName(): string {
  const v = option('db') ?? 'vd_bench';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(v))
    throw new Error(`--db must be a lower-case PostgreSQL identifier, got '${v}'`);
  return v;
}

/** The PostgreSQL server (any database on it) used to create the bench database. */
export function serverUrl(): string {
  return process.env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The bench database on that server. */
export function benchUrl(): string {
  const u = new URL(serverUrl());
  u.pathname = `/${BENCH_DB_NAME}`;
  return u.toString();
}

/** Deterministic PRNG (mulberry32), same family as the demo data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : undefined;
}

export function intOption(name: string, def: number): number {
  const v = option(name);
  if (v === undefined) return def;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got '${v}'`);
  return n;
}

/** A hash per migration of the code under test, stored with a data set. */
export function migrationHashes(): Record<string, string> {
  return Object.fromEntries(
    MIGRATIONS.map((m) => [m.name, createHash('sha256').update(JSON.stringify(m.up)).digest('hex').slice(0, 16)]),
  );
}

/**
 * Migrations that were applied to the data set but have changed in the code since (edited in
 * place): migrate() will not run them again, so the data set has to be generated again.
 */
export function changedMigrations(stored: Record<string, string> | undefined): string[] {
  if (!stored) return ['(data set without migration hashes)'];
  const now = migrationHashes();
  return Object.entries(stored)
    .filter(([name, h]) => name in now && now[name] !== h)
    .map(([name]) => name);
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

export function fmtInt(n: number): string {
  return n.toLocaleString('en-US').replace(/,/g, ' ');
}
