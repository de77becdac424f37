import type { Deps } from '../../deps'

/** The fire-safety checklist (消防安全巡查) as the inspection form shows it. */
export async function inspectionItems(d: Deps) {
  const names = new Map(d.config.categories.map((c) => [c.code, c.name]))
  return { ok: true as const, items: d.config.rental.fireChecklist.map((x) => ({ code: x.code, label: x.label, category: names.get(x.category) ?? x.category })) }
}
