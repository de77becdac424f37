import type { DistrictConfig } from '../../config/district'

/** Whether reports of the category may become mediation cases: it, or its top-level category, is marked 可转为调解. */
export function isMediableCategory(cfg: DistrictConfig, code: string): boolean {
  const c = cfg.categories.find((x) => x.code === code && x.parent !== null)
  if (!c) return false
  return c.mediable === true || cfg.categories.some((x) => x.code === c.parent && x.mediable === true)
}
