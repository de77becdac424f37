/** The part of autocannon's programmatic API the bench uses (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    p50: number
    p99: number
    max: number
    average: number
  }
  interface Result {
    requests: Histogram & { total: number }
    latency: Histogram
    non2xx: number
    errors: number
    timeouts: number
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    method?: string
    requests?: Array<Record<string, unknown>>
  }
  function autocannon(opts: Options): Promise<Result>
  export default autocannon
}
