/** The 发布公告 form: its draft, checks and target. */
import type { AnnouncementType, ApiIn, GridView } from '../../contracts/api'
import { BODY_MAX, BODY_MIN, TITLE_MAX, TITLE_MIN } from '../../contracts/limits'
import { len } from './text'

export { BODY_MAX, BODY_MIN, TITLE_MAX, TITLE_MIN }

export type TargetKind = 'mine' | 'grids' | 'community' | 'street'

export interface PublishDraft {
  type: AnnouncementType | ''
  title: string
  body: string
  target: TargetKind
  /** Grids chosen for 'mine' (own grids) or 'grids' (a dispatcher's pick). */
  codes: string[]
  community: string
}

export type PublishErrors = Partial<Record<'type' | 'title' | 'body' | 'target', string>>

export function validatePublish(d: PublishDraft, street: string | null): PublishErrors {
  const e: PublishErrors = {}
  if (!d.type) e.type = '请选择公告类型'
  if (!d.title.trim()) e.title = '请填写标题'
  else if (len(d.title) < TITLE_MIN) e.title = `标题至少 ${TITLE_MIN} 个字`
  else if (len(d.title) > TITLE_MAX) e.title = `标题不能超过 ${TITLE_MAX} 个字`
  if (!d.body.trim()) e.body = '请填写公告内容'
  else if (len(d.body) < BODY_MIN) e.body = `内容至少 ${BODY_MIN} 个字`
  else if (len(d.body) > BODY_MAX) e.body = `内容不能超过 ${BODY_MAX} 个字`
  if ((d.target === 'mine' || d.target === 'grids') && !d.codes.length) e.target = '请选择要发布到的网格'
  if (d.target === 'community' && !d.community) e.target = '请选择社区'
  if (d.target === 'street' && !street) e.target = '只有街道综治中心可以发布到全街道'
  return e
}

export function publishTarget(d: PublishDraft, street: string | null): ApiIn<'grid.publish'>['target'] {
  if (d.target === 'community') return { kind: 'community', code: d.community }
  if (d.target === 'street') return { kind: 'street', code: street ?? '' }
  return { kind: 'grids', codes: [...d.codes] }
}

export function publishErrorsFromDetails(details: Record<string, string> | undefined): PublishErrors {
  const e: PublishErrors = {}
  for (const [k, v] of Object.entries(details ?? {})) {
    if (k === 'type' || k === 'title' || k === 'body') e[k] = v
    else if (k.startsWith('target')) e.target = v
  }
  return e
}

/**
 * Communities of the street, from the grid map. Grid codes extend the 12-digit statistical code of
 * their community (区划代码) by three digits, so the community is the code's first 12 digits; its
 * name is the last part of the grid's path ("白云区 京溪街道 云景社区").
 */
export function communitiesOf(grids: GridView[]): Array<{ code: string; name: string; grids: number }> {
  const out = new Map<string, { code: string; name: string; grids: number }>()
  for (const g of grids) {
    if (!/^\d{15}$/.test(g.code)) continue
    const code = g.code.slice(0, 12)
    const name = g.path.trim().split(/\s+/).pop() || code
    const c = out.get(code)
    if (c) c.grids++
    else out.set(code, { code, name, grids: 1 })
  }
  return [...out.values()]
}
