import { isSensitiveCategory, type CategoryConfig } from '../../config/district'
import type { Deps } from '../../deps'
import { list, type Doc, type Obj } from './document'

/**
 * GET services and GET services/{code}: the district's leaf categories (the ones a report is filed
 * under) as services, grouped under their parent category. No category asks for fields beyond the
 * report's own, so every `metadata` is false and a definition's attributes are empty.
 *
 * `type`: realtime where POST requests answers the case number at once; batch for the categories
 * without a public view (sensitive ones), which answer a token (GET tokens/{token}) instead.
 */
function leaves(d: Deps): CategoryConfig[] {
  return d.config.categories.filter((c) => c.parent !== null)
}

function describe(d: Deps, c: CategoryConfig, parent: CategoryConfig | undefined): string {
  const who = c.handler === 'department' ? (d.config.departments.find((x) => x.code === c.department)?.name ?? '职能部门') : '网格员'
  const base = `${parent ? `${parent.name}：` : ''}${c.name}。由${who}处置${c.slaHours ? `，办理时限 ${c.slaHours} 小时` : ''}`
  return isSensitiveCategory(d.config, c.code) ? `${base}。此类事项不公开，提交后返回 token` : `${base}。`
}

function serviceOf(d: Deps, c: CategoryConfig): Obj {
  const parent = d.config.categories.find((x) => x.code === c.parent)
  return {
    service_code: c.code,
    service_name: c.name,
    description: describe(d, c, parent),
    metadata: false,
    type: isSensitiveCategory(d.config, c.code) ? 'batch' : 'realtime',
    keywords: [parent?.name, c.name].filter(Boolean).join(','),
    group: parent?.name ?? '',
  }
}

export function servicesDoc(d: Deps): Doc {
  return { root: 'services', body: list('service', leaves(d).map((c) => serviceOf(d, c))) }
}

/** Null when there is no such leaf category. */
export function serviceDefinitionDoc(d: Deps, code: string): Doc | null {
  const c = leaves(d).find((x) => x.code === code)
  if (!c) return null
  return { root: 'service_definition', body: { service_code: c.code, attributes: list('attribute', []) } }
}
