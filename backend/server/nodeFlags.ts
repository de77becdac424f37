/**
 * V8 flags the local server runs with: package.json's start and serve pass them, and the bench runs
 * its server and its in-process figures with them, so the figures are the server's.
 *
 * A 32 MB young-generation semi-space: a queue page allocates its rows, views and names, and with
 * V8's default semi-space a scavenge landed in more than 1 % of the pages, which set their p99
 * (bench 2, 1,000,000 cases: p99 3.1–4.4 ms against p50s of 0.5–0.8 ms; with this flag p99 0.9–1.8
 * ms, p50 unchanged). It costs up to 64 MB more memory in a busy server.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32']
