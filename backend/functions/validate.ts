import type { z } from 'zod'
import { fail, type Failure } from '../../src/core/outcome'

/** Chinese message for the first problem, and a field → message map for forms. */
export function parseInput<T extends z.ZodTypeAny>(schema: T, data: unknown): { ok: true; value: z.infer<T> } | Failure {
  const r = schema.safeParse(data)
  if (r.success) return { ok: true, value: r.data }
  const details: Record<string, string> = {}
  for (const issue of r.error.issues) {
    const key = issue.path.join('.') || '_'
    details[key] ??= describeIssue(issue)
  }
  const [firstKey, firstMsg] = Object.entries(details)[0] ?? ['_', '输入有误']
  return fail('VALIDATION', firstKey === '_' ? firstMsg : `${firstKey}：${firstMsg}`, details)
}

function describeIssue(issue: z.ZodIssue): string {
  // A custom message from the schema is already Chinese.
  if (issue.code === 'custom' || /[\u4e00-\u9fff]/.test(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? '必填' : '类型不正确'
    case 'too_small':
      return issue.type === 'string' ? `至少 ${issue.minimum} 个字` : issue.type === 'array' ? `至少 ${issue.minimum} 项` : `不能小于 ${issue.minimum}`
    case 'too_big':
      return issue.type === 'string' ? `最多 ${issue.maximum} 个字` : issue.type === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`
    case 'invalid_enum_value':
      return '取值不在允许范围内'
    case 'unrecognized_keys':
      return `不支持的字段：${shownKeys(issue.keys)}`
    case 'invalid_string':
      return '格式不正确'
    default:
      return '格式不正确'
  }
}

/** Unknown field names echoed back, but never a flood: three at most, short, without control characters. */
function shownKeys(keys: string[]): string {
  const clean = keys.slice(0, 3).map((k) => {
    const t = k.replace(/[\p{Cc}\p{Cf}]/gu, '')
    return t.length > 20 ? `${t.slice(0, 20)}…` : t
  })
  return keys.length > 3 ? `${clean.join('、')}等` : clean.join('、')
}
