import type { AccountExport } from '../../../src/contracts/account'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import { formatFull } from '../../../src/core/time'
import type { Deps } from '../../deps'
import { helpSection } from '../help/exportHelp'
import { checkinSection, mediationSection, reportSections } from './exportCases'
import { exportFileName, exportJson } from './exportJson'
import { consentSection, gridSection, inboxSection, profileSection, subscriptionSection } from './exportSelf'
import { selfOf } from './self'

/**
 * 查阅与导出: everything held about the caller, and about no one else, as readable sections and the
 * same as a JSON file. Phones are opened for their owner, so without the vault key it is refused
 * (retryably) rather than answered incomplete.
 */
export async function exportData(d: Deps, actor: Actor): Promise<{ ok: true; export: AccountExport } | Failure> {
  const u = await selfOf(d, actor)
  if ('ok' in u) return u
  if (!d.vault) return { ...fail('UNAVAILABLE', '个人信息导出暂不可用，请稍后重试'), retryable: true }
  const tree = await d.orgTree()
  const followed = await d.store.followedBy(u.id)
  const sections = [
    profileSection(d, tree, u),
    consentSection(d, u),
    ...(await reportSections(d, tree, u.id, followed)),
    await mediationSection(d, tree, d.vault, u.id, followed),
    await checkinSection(d, tree, d.vault, u.id),
    await helpSection(d, tree, u.id),
    await gridSection(d, tree, u.id),
    await inboxSection(d, u.id),
    await subscriptionSection(d, u.id),
  ]
  const now = d.clock.now()
  const generatedAtLabel = formatFull(now.toISOString())
  return { ok: true, export: { generatedAtLabel, sections, fileName: exportFileName(now), json: exportJson(generatedAtLabel, sections) } }
}

// The action is `account.export`; `export` is a reserved word, so the binding has another name.
export { exportData as export }
