/**
 * The district configuration's fields as people read them (zod-free: the admin form and the
 * backend's validation both use it). `admin.saveConfig` answers each bad field under its path
 * (`categories.3.slaHours`) with a Chinese message made here from the zod issue; the form shows
 * it under that field, and the version history names each change with these labels.
 */

/** A zod issue as far as the wording needs it (structural: no zod here). */
export interface ConfigIssueLike {
  code: string
  path: ReadonlyArray<string | number>
  message: string
  minimum?: number | bigint
  maximum?: number | bigint
  inclusive?: boolean
  type?: string
  expected?: unknown
  received?: unknown
}

const CJK = /[\u4e00-\u9fff]/

/** A Chinese message for one issue; one already in Chinese (our own refinements) is kept as written. */
export function zhIssueMessage(i: ConfigIssueLike): string {
  if (CJK.test(i.message)) return i.message
  const min = i.minimum === undefined ? undefined : Number(i.minimum)
  const max = i.maximum === undefined ? undefined : Number(i.maximum)
  switch (i.code) {
    case 'invalid_type':
      if (i.received === 'undefined' || i.received === 'null') return '必须填写'
      if (i.expected === 'integer') return '应为整数'
      if (i.expected === 'number') return '应填写数字'
      if (i.expected === 'boolean') return '应选择是或否'
      if (i.expected === 'string') return '应填写文字'
      if (i.expected === 'array') return '应为一组内容'
      return '类型不正确'
    case 'too_small':
      if (i.type === 'string') return min !== undefined && min <= 1 ? '不能为空' : `至少 ${min} 个字`
      if (i.type === 'array') return `至少需要 ${min} 项`
      if (min === 0 && i.inclusive === false) return '应大于 0'
      return i.inclusive === false ? `应大于 ${min}` : `不能小于 ${min}`
    case 'too_big':
      if (i.type === 'string') return `最多 ${max} 个字`
      if (i.type === 'array') return `最多 ${max} 项`
      return i.inclusive === false ? `应小于 ${max}` : `不能大于 ${max}`
    case 'not_multiple_of':
    case 'invalid_number':
      return '应为整数'
    case 'invalid_enum_value':
    case 'invalid_literal':
    case 'invalid_union':
      return '请从可选项中选择'
    case 'invalid_string':
      return i.message === 'Invalid url' ? '网址格式不正确' : '格式不正确'
    case 'unrecognized_keys':
      return '含有不认识的设置项，请删除'
    default:
      if (/integer/i.test(i.message)) return '应为整数'
      return '填写不正确'
  }
}

/** Labels of the fields, by path with `*` for an array index or a record key. */
export const CONFIG_FIELD_LABELS: Record<string, string> = {
  'district.name': '区名称',
  'district.code': '区划编码',
  categories: '事件分类',
  'categories.*': '分类',
  'categories.*.code': '分类编码',
  'categories.*.name': '分类名称',
  'categories.*.parent': '上级分类',
  'categories.*.handler': '处置方',
  'categories.*.department': '处置部门',
  'categories.*.slaHours': '办理时限（小时）',
  'categories.*.sensitive': '敏感事项（不公开）',
  'categories.*.mediable': '可转为调解',
  departments: '职能部门',
  'departments.*.name': '部门名称',
  acceptHours: '受理时限（小时）',
  escalationGraceHours: '超时升级宽限（小时）',
  'mediation.timeLimitDays': '调解期限（天）',
  'mediation.committees': '调解委员会',
  'mediation.courts': '受理司法确认的人民法院',
  'mediation.receivers': '移送接收单位（派出所、信访部门）',
  'rental.retentionDays': '退租后个人信息保留（天）',
  'rental.inspectionDueSoonDays': '消防巡查提前提醒（天）',
  'rental.notice.purpose': '登记告知书',
  'rental.fireChecklist': '消防巡查项',
  rateLimits: '提交次数限制',
  'rateLimits.*.max': '次数上限',
  'rateLimits.*.windowMinutes': '统计时段（分钟）',
  privacyNotice: '隐私保护指引',
  subscribeTemplates: '订阅消息模板',
  miniprogramState: '小程序版本',
  'help.acceptMinutes': '一键求助响应时限（分钟）',
  'help.districtMinutes': '上报街道后再等多久上报区级（分钟）',
  hotline: '12345 热线工单对接',
  'hotline.fieldMap': '12345 工单字段对应',
  'hotline.categoryMap': '12345 工单分类对应',
  'hotline.defaultCategory': '12345 未对应分类时的问题分类',
}

/** What each rate-limited action is, for the form and the history. */
export const RATE_LIMIT_LABELS: Record<string, string> = {
  'reports.submit': '居民上报事件',
  // Saved before the proxy flows had their own keys; `proxy.report` replaces it.
  'cases.proxySubmit': '工作人员代居民上报',
  'proxy.report': '代办上报事件（每位代办人）',
  'proxy.mediation': '代办申请调解（每位代办人）',
  'proxy.checkIn': '代办租住登记（每位代办人）',
  'proxy.help': '代为一键求助（每位代办人）',
  'mediation.apply': '申请调解',
  'mediation.intake': '工作人员录入纠纷',
  'grid.ask': '向网格员提问',
  'rental.checkIn': '租住登记',
  'rental.reportMisuse': '报告证件被冒用',
  'reports.duplicates': '查找相似事件',
  'account.setPhone': '用微信绑定手机号',
  'help.raise': '一键求助',
  'hotline.order': '12345 热线派来的工单（每个对接平台）',
  'open311.post': 'Open311 对接系统提交的事件（每个对接系统）',
}

export const HANDLER_LABELS: Record<string, string> = { grid_worker: '网格员', department: '职能部门' }

type Named = { name?: unknown }
interface ConfigForNames {
  categories?: ReadonlyArray<Named>
  departments?: ReadonlyArray<Named>
}

const rateLabel = (key: string) => RATE_LIMIT_LABELS[key] ?? '其他操作'

/**
 * A path in words: `categories.3.slaHours` → 「垃圾堆积」办理时限（小时）; `rateLimits.reports.submit.max`
 * → 「居民上报事件」次数上限. `cfg` names the array items (the configuration the path belongs to).
 */
export function configPathLabel(path: string, cfg?: ConfigForNames): string {
  if (path === '' || path === '_') return '整个配置'
  const parts = path.split('.')
  if (parts[0] === 'rateLimits' && parts.length >= 3) {
    // The record's keys contain a dot themselves ("reports.submit").
    const field = parts[parts.length - 1]
    const known = field === 'max' || field === 'windowMinutes'
    const key = (known ? parts.slice(1, -1) : parts.slice(1)).join('.')
    return known ? `「${rateLabel(key)}」${CONFIG_FIELD_LABELS[`rateLimits.*.${field}`]}` : `「${rateLabel(key)}」提交次数限制`
  }
  if ((parts[0] === 'categories' || parts[0] === 'departments') && parts.length >= 2 && /^\d+$/.test(parts[1]!)) {
    const item = cfg?.[parts[0]]?.[Number(parts[1])]
    const who = typeof item?.name === 'string' && item.name ? `「${item.name}」` : `第 ${Number(parts[1]) + 1} 项${parts[0] === 'categories' ? '分类' : '部门'}`
    if (parts.length === 2) return who
    const label = CONFIG_FIELD_LABELS[`${parts[0]}.*.${parts.slice(2).join('.')}`]
    return `${who}${label ?? '其中一项设置'}`
  }
  for (let n = parts.length; n > 0; n--) {
    const label = CONFIG_FIELD_LABELS[parts.slice(0, n).join('.')]
    if (label) return n === parts.length ? label : `${label}（其中一项）`
  }
  return '其他设置'
}

/** A value of the history in words: 是 / 否, （无）, a named item, a number or text. */
export function configValueText(v: unknown): string {
  if (v === null || v === undefined) return '（无）'
  if (v === true) return '是'
  if (v === false) return '否'
  if (typeof v === 'number') return String(v)
  if (typeof v === 'string') return HANDLER_LABELS[v] ?? v
  if (typeof v === 'object' && typeof (v as Named).name === 'string') return `「${(v as Named).name as string}」`
  return '（一组设置）'
}
