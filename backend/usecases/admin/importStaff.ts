import type { Actor } from '../../../src/core/roles'
import { readTable } from '../../import/table'
import type { Deps } from '../../deps'
import { requireAdmin } from './access'
import { applyRoster } from './roster'

/** Staff from a CSV/xlsx roster, previewed (dryRun) or applied. */
export async function importStaff(d: Deps, actor: Actor, input: { fileName: string; contentBase64: string; dryRun: boolean; allOrNothing: boolean }) {
  const denied = requireAdmin(actor)
  if (denied) return denied
  const table = readTable(input.fileName, Buffer.from(input.contentBase64, 'base64'))
  if (!table.ok) return table
  return applyRoster(d, actor, table.rows, input)
}
