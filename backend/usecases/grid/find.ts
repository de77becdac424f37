import type { ApiIn } from '../../../src/contracts/api'
import { gridAt } from '../../../src/core/geo'
import { fail } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { gridView } from '../shared/gridView'

/** My grid by where I stand, or by a piece of its address or name. */
export async function find(d: Deps, _actor: Actor, input: ApiIn<'grid.find'>) {
  const tree = await d.orgTree()
  if (input.lng !== undefined && input.lat !== undefined) {
    const g = gridAt(tree, { lng: input.lng, lat: input.lat })
    if (!g) return fail('OUT_OF_AREA', '您的位置不在本区网格范围内，可按地址或小区名称搜索')
    const view = gridView(tree, g)
    return { ok: true as const, grids: [view], why: `您当前的位置在「${g.name}」的边界内（${view.path}）` }
  }
  const q = (input.q ?? '').trim()
  if (!q) return fail('VALIDATION', '请输入地址、小区或网格名称', { q: '必填' })
  const hits = tree.grids().filter((g) => tree.chain(g.code).some((u) => u.name.includes(q)) || g.code === q)
  return { ok: true as const, grids: hits.slice(0, 50).map((g) => gridView(tree, g)), why: hits.length ? null : '没有找到匹配的网格' }
}
