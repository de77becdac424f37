/**
 * Where each HTTP function is served: the local server mounts them here, and on CloudBase the HTTP
 * access service (HTTP 访问服务) routes the same paths to the same functions (README 「对外接口」).
 */
export const HTTP_MOUNTS = [
  { fn: 'open311', base: '/open311/v2' },
  { fn: 'hotline', base: '/hotline/v1' },
] as const

export type HttpMount = (typeof HTTP_MOUNTS)[number]

export function mountOf(path: string): HttpMount | undefined {
  return HTTP_MOUNTS.find((m) => path === m.base || path.startsWith(`${m.base}/`))
}
