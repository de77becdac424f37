import type { z } from 'zod'
import { fail, type Failure } from '../../src/core/outcome'

/** Chinese message for the first problem, and a field → message map for forms. */
export function parseInput<T extends z.ZodTypeAny>(schema: T, data: unknown): { ok: true; value: z.infer<T> } | Failure {
  const r = schema.safeParse(data)
  if (r.success) return { ok: true, value: r.data }
  const details: Record<string, string> = {}
  for (const issue of r.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // Programs find the unknown names in the details; people read no field name they did not type.
      for (const k of shownKeys(issue.keys)) details[[...issue.path, k].join('.')] ??= '不支持的字段'
      continue
    }
    const key = issue.path.join('.') || '_'
    details[key] ??= describeIssue(issue)
  }
  const [firstKey, firstMsg] = Object.entries(details)[0] ?? ['_', '输入有误']
  return fail('VALIDATION', firstKey === '_' ? firstMsg : `${fieldLabel(firstKey)}：${firstMsg}`, details)
}

/**
 * The field a person reads in the message; the details keep the path for programs and forms.
 * A field without a label reads as 输入有误, never as its English name.
 */
const FIELD_LABELS: Record<string, string> = {
  address: '地址', anonymous: '匿名', answer: '答复', assigneeId: '处置人', attachments: '附件', body: '正文', buildingId: '楼栋',
  category: '问题分类', code: '编码', cohabitants: '同住人', comment: '评价内容', committee: '调解委员会', consent: '同意',
  decision: '处理方式', department: '部门', description: '问题描述', docNumber: '证件号码', evidence: '证据', facts: '事实',
  fileId: '照片', fileName: '文件名', floors: '楼层', households: '户数', lat: '位置', lng: '位置', leaseEnd: '租期',
  location: '位置', moveInDate: '入住日期', name: '姓名', note: '说明', noteVisibility: '备注公开范围', phone: '手机号',
  applicantPhone: '申请人手机号', contactPhone: '联系电话', contactFromProfile: '联系电话', photos: '照片', place: '地点', purpose: '用途', q: '搜索内容', rating: '评价',
  reason: '原因', referral: '移送方式', respondents: '被申请人', role: '角色', room: '房号', rooms: '房间', target: '对象',
  targetCaseId: '合并目标', text: '内容', title: '标题', version: '版本', idempotencyKey: '请求编号', limit: '数量',
  before: '翻页位置', id: '事项', joinPolicy: '入群方式', services: '服务', team: '网格团队', terms: '条款', type: '类型', unitCode: '单位',
  voiceFileId: '语音', question: '问题', claims: '请求事项',
  url: '接收地址', webhookUrl: '回复地址', events: '订阅事件', subscriptionId: '订阅', partnerId: '对接系统',
}

function fieldLabel(path: string): string {
  const parts = path.split('.').reverse()
  for (const part of parts) if (Object.prototype.hasOwnProperty.call(FIELD_LABELS, part)) return FIELD_LABELS[part]!
  return '输入有误'
}

function describeIssue(issue: z.ZodIssue): string {
  // A custom message from the schema is already Chinese. zod's own default texts are English and
  // may quote the input (Chinese characters included), so they never pass through.
  if (issue.code === 'custom' || (/[\u4e00-\u9fff]/.test(issue.message) && !/^[A-Za-z]/.test(issue.message))) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? '必填' : '类型不正确'
    case 'too_small':
      return issue.type === 'string' ? `至少 ${issue.minimum} 个字` : issue.type === 'array' ? `至少 ${issue.minimum} 项` : `不能小于 ${issue.minimum}`
    case 'too_big':
      return issue.type === 'string' ? `最多 ${issue.maximum} 个字` : issue.type === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`
    case 'invalid_enum_value':
      return '取值不在允许范围内'
    case 'invalid_string':
      return '格式不正确'
    default:
      return '格式不正确'
  }
}

/** Unknown field names for the details, never a flood: three at most, short, without control characters. */
function shownKeys(keys: string[]): string[] {
  return keys.slice(0, 3).map((k) => {
    const t = k.replace(/[\p{Cc}\p{Cf}]/gu, '')
    return t.length > 20 ? `${t.slice(0, 20)}…` : t
  })
}
