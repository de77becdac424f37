import type { CategoryView } from '../contracts/api'

export interface CategoryGroup {
  top: CategoryView
  children: CategoryView[]
}

/** Two-level tree from the flat list (parentCode null = top level), keeping the server's order. */
export function groupCategories(list: CategoryView[]): CategoryGroup[] {
  const groups = list.filter((c) => c.parentCode === null).map((top) => ({ top, children: [] as CategoryView[] }))
  const byCode = new Map(groups.map((g) => [g.top.code, g]))
  for (const c of list) if (c.parentCode !== null) byCode.get(c.parentCode)?.children.push(c)
  return groups
}

/** "市容环境 / 乱堆乱放" for the chosen code, or just the name for a top-level leaf. */
export function categoryPath(list: CategoryView[], code: string): string {
  const c = list.find((x) => x.code === code)
  if (!c) return ''
  const parent = c.parentCode ? list.find((x) => x.code === c.parentCode) : undefined
  return parent ? `${parent.name} / ${c.name}` : c.name
}

/** A report needs a leaf: a sub-category, or a top level that has none. */
export function isSelectableCategory(list: CategoryView[], code: string): boolean {
  const c = list.find((x) => x.code === code)
  if (!c) return false
  return c.parentCode !== null || !list.some((x) => x.parentCode === c.code)
}
