/**
 * The district configuration form's words (issue 17): every refusal the backend's schema can give
 * for a field of the form is Chinese and sits under that field's path; the history names changes
 * in words, never a key.
 */
import { defaultDistrictConfig, districtConfigSchema } from '../../backend/config/district'
import { configPathLabel, configValueText, zhIssueMessage } from '../../src/contracts/configFields'
import { categoryGroups, configFromFile, numberFromInput, setAt, type CategoryDraft } from '../../src/utils/admin/configDraft'

const base = () => JSON.parse(JSON.stringify(defaultDistrictConfig())) as Record<string, any>
const ENGLISH = /[A-Za-z]{2,}/

function refusals(cfg: unknown): Record<string, string> {
  const r = districtConfigSchema.safeParse(cfg)
  if (r.success) return {}
  const out: Record<string, string> = {}
  for (const i of r.error.issues) out[i.path.join('.') || '_'] ??= zhIssueMessage(i)
  return out
}

describe('refusals of the form’s fields, in Chinese under their path', () => {
  const sub = () => base().categories.findIndex((c: CategoryDraft) => c.parent !== null)

  it.each([
    [0, '应大于 0'],
    [-3, '应大于 0'],
    [99999, '不能大于 2160'],
    ['十二', '应填写数字'],
  ])('a sub-category’s SLA of %p: %s', (value, message) => {
    const i = sub()
    const cfg = setAt(base(), ['categories', i, 'slaHours'], value)
    expect(refusals(cfg)).toEqual({ [`categories.${i}.slaHours`]: message })
  })

  it('an SLA left empty is asked for on the category, naming it', () => {
    const cfg = base()
    const i = sub()
    const out = refusals(setAt(cfg, ['categories', i, 'slaHours'], undefined))
    expect(out).toEqual({ [`categories.${i}`]: `二级分类「${cfg.categories[i].name}」需选择处置方并填写办理时限` })
  })

  it('general limits, retention, rate limits and names', () => {
    let cfg = base()
    cfg = setAt(cfg, ['acceptHours'], undefined)
    cfg = setAt(cfg, ['escalationGraceHours'], -1)
    cfg = setAt(cfg, ['rental', 'retentionDays'], 2.5)
    cfg = setAt(cfg, ['mediation', 'timeLimitDays'], 400)
    cfg = setAt(cfg, ['rateLimits', 'reports.submit', 'max'], 0)
    cfg = setAt(cfg, ['categories', 0, 'name'], '')
    cfg = setAt(cfg, ['categories', 1, 'handler'], 'nobody')
    const out = refusals(cfg)
    expect(out).toMatchObject({
      acceptHours: '必须填写',
      escalationGraceHours: '不能小于 0',
      'rental.retentionDays': '应为整数',
      'mediation.timeLimitDays': '不能大于 365',
      'rateLimits.reports.submit.max': '应大于 0',
      'categories.0.name': '不能为空',
      'categories.1.handler': '请从可选项中选择',
    })
    for (const m of Object.values(out)) expect(m).not.toMatch(ENGLISH)
  })

  it('the default configuration passes', () => {
    expect(refusals(base())).toEqual({})
  })
})

describe('the history in words', () => {
  const cfg = base()
  it('names a category, a rate limit and a plain field', () => {
    expect(configPathLabel('categories.1.slaHours', cfg)).toBe(`「${cfg.categories[1].name}」办理时限（小时）`)
    expect(configPathLabel('rateLimits.reports.submit.max', cfg)).toBe('「居民上报事件」次数上限')
    expect(configPathLabel('acceptHours', cfg)).toBe('受理时限（小时）')
    expect(configPathLabel('rental.fireChecklist.0.label', cfg)).toBe('消防巡查项（其中一项）')
    expect(configPathLabel('categories.1.sensitive', cfg)).toBe(`「${cfg.categories[1].name}」敏感事项（不公开）`)
  })
  it('every path of a real change reads without English', () => {
    const next = setAt(setAt(setAt(cfg, ['acceptHours'], 6), ['categories', 2, 'handler'], 'department'), ['rental', 'notice', 'version'], 'v9')
    for (const p of ['acceptHours', 'categories.2.handler', 'rental.notice.version', 'privacyNotice.paragraphs.3', 'subscribeTemplates.report']) expect(configPathLabel(p, next)).not.toMatch(ENGLISH)
    expect(configValueText('department')).toBe('职能部门')
    expect(configValueText(true)).toBe('是')
    expect(configValueText(null)).toBe('（无）')
    expect(configValueText({ code: 'X1', name: '新类别' })).toBe('「新类别」')
  })
})

describe('the draft', () => {
  it('reads number boxes, replaces by path without touching the original, and groups categories', () => {
    expect(numberFromInput(' 12 ')).toBe(12)
    expect(numberFromInput('')).toBeUndefined()
    expect(numberFromInput('abc')).toBe('abc')
    const cfg = base()
    const next = setAt(cfg, ['rateLimits', 'reports.submit', 'max'], 5)
    expect(next.rateLimits['reports.submit'].max).toBe(5)
    expect(cfg.rateLimits['reports.submit'].max).not.toBe(5)
    const groups = categoryGroups(cfg.categories)
    expect(groups.reduce((n, g) => n + 1 + g.subs.length, 0)).toBe(cfg.categories.length)
  })
  it('reads an exported file back and refuses anything else in Chinese', () => {
    expect(configFromFile('\uFEFF' + JSON.stringify(base()))).toMatchObject({ ok: true })
    expect(configFromFile('{"a":')).toEqual({ ok: false, message: expect.stringMatching(/格式错误/) })
    expect(configFromFile('[1]')).toMatchObject({ ok: false })
  })
})
