import type { CategoryView } from '../../../src/contracts/api'
import { isSensitiveCategory } from '../../config/district'
import type { Deps } from '../../deps'

/** `reports.categories`: the district's categories, sensitive ones marked so the form can say so. */
export async function categories(d: Deps): Promise<{ ok: true; categories: CategoryView[] }> {
  return {
    ok: true,
    categories: d.config.categories.map((c) => ({ code: c.code, name: c.name, parentCode: c.parent, sensitive: isSensitiveCategory(d.config, c.code) })),
  }
}
