/**
 * `{ ...base, ...fields }` for code that runs per row or per call on a hot path (queues, feeds, case
 * views, creates and moves).
 *
 * Node 20's optimising compiler (V8 11.3) gives every object made by a spread followed by more
 * properties — `{ ...x, k: v }` — a hidden class of its own once the function is optimised, where
 * the interpreter shares one. Each such class lives in the old generation until a full GC and keeps
 * the young objects it reaches alive, so a queue page's summaries turned most scavenges into
 * 7–10 ms pauses (bench 2a p99). Object.assign onto a fresh object keeps one class for all.
 * test/core/withFields.test.ts optimises builders shaped like the hot views and compares their classes.
 */
export function withFields<A extends object, B extends object>(base: A, fields: B): Omit<A, keyof B> & B {
  return Object.assign({}, base, fields)
}
