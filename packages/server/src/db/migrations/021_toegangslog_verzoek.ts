// The request id (X-Request-Id, http/metrics.ts) in each access-log entry, so an entry can be found in the
// JSON request logs and the other way round (issue 10). Not part of the entry's hash: it is a pointer into
// the operations logs, not a fact about the access; the hashed fields are unchanged, so entries from before
// this migration (no request id) verify as they did.
export const name = '021_toegangslog_verzoek';

export const up = [`alter table access_log add column request_id text`];
