import type { Case } from '../../../src/core/case'
import type { Failure } from '../../../src/core/outcome'
import type { Deps } from '../../deps'
import { hasClearNames, sealNames } from '../mediation/names'
import { phoneVault } from '../mediation/phones'
import { hasClearProxy, sealPayloadProxy } from '../report/proxyPerson'
import type { ReportPayload } from '../../../src/core/kinds/reportTerms'
import type { CheckinPayload } from '../../../src/core/kinds/checkin'
import { hasClearTenant, sealPayloadTenant } from '../rental/tenantNames'

const PAGE = 200

/**
 * Every case still holding a real name in clear — a mediation party's name or agreement, a proxy
 * report's resident, a registration's tenant and cohabitants — sealed as the backend seals them on write (the CloudBase migration step;
 * SQLite's are migrations 15 and 16). The version stays: no one changed the case.
 */
export async function sealClearNames(d: Deps): Promise<{ scanned: number; sealed: number } | Failure> {
  const v = phoneVault(d)
  if ('ok' in v) return v
  let scanned = 0
  let sealed = 0
  for (const kind of ['mediation', 'report', 'checkin'] as const) {
    let before: string | undefined
    for (;;) {
      const page = await d.store.listCases({ kind, order: 'newest', limit: PAGE, before })
      for (const c of page) {
        scanned++
        const next: Case | null = hasClearNames(c)
          ? sealNames(v, c)
          : hasClearProxy(c)
            ? { ...c, payload: sealPayloadProxy(v, c.id, c.payload as ReportPayload) as unknown as Case['payload'] }
            : hasClearTenant(c)
              ? { ...c, payload: sealPayloadTenant(v, c.id, c.payload as unknown as CheckinPayload) as unknown as Case['payload'] }
              : null
        if (next && (await d.store.transaction((tx) => tx.updateCase(next, c.version)))) sealed++
      }
      if (page.length < PAGE) break
      before = page[page.length - 1]!.id
    }
  }
  return { scanned, sealed }
}
