import { z } from 'zod'
import defaults from '../../settings/district.json'
import { DISPUTE_TYPES, type DisputeType } from '../../src/core/kinds/mediationTerms'
import { MEDIATION_LEVELS, type MediationLevel } from '../../src/core/kinds/mediationLevelTerms'
import { committeeIssues } from './committeeRules'
import { miniprogramStateSchema, subscribeTemplatesSchema } from './subscribeTemplates'

/**
 * Per-district differences live in data (settings/district.json, or the file named by
 * JIEFANG_DISTRICT_CONFIG): categories, who handles them, SLA hours, escalation grace.
 */
const category = z
  .object({
    code: z.string().regex(/^[A-Z0-9]{2,8}$/),
    name: z.string().min(1).max(20),
    parent: z.string().nullable(),
    handler: z.enum(['grid_worker', 'department']).optional(),
    department: z.string().optional(),
    slaHours: z.number().positive().max(24 * 90).optional(),
    /** No public view at all (family disputes, public-security tips): never a card, never followed. */
    sensitive: z.boolean().optional(),
    /** A dispute (neighbour noise, a quarrel): staff may turn such a report into a mediation case (转为调解). */
    mediable: z.boolean().optional(),
  })
  .strict()

/**
 * The privacy notice (用户隐私保护指引) people agree to before giving personal data; a new version
 * asks everyone again. Versions saved before it existed read as the file's notice.
 */
const privacyNotice = z
  .object({
    version: z.number().int().min(1),
    title: z.string().min(1).max(40),
    paragraphs: z.array(z.string().min(1).max(1000)).min(1).max(40),
    /** The day it takes effect, Beijing date (YYYY-MM-DD). */
    effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD'),
  })
  .strict()

/** A court, police station or petition office a case can be handed to, by the units it serves. */
const handoffReceiver = z
  .object({
    name: z.string().min(1).max(60),
    unitCodes: z.array(z.string().min(1).max(32)).max(200).default([]),
  })
  .strict()

/** A dotted path into a 12345 platform's order JSON (`caller.phone`, `location.lat`). */
const jsonPath = z.string().regex(/^[A-Za-z_$][\w$-]*(\.[\w$-]+){0,7}$/, '应为以点分隔的字段路径，如 caller.phone')

/**
 * 12345 热线工单: where each of our fields sits in the platform's JSON (each city's platform names
 * them differently), its category codes mapped to our leaf categories, and the leaf an unmapped
 * code falls to. Optional fields may be absent from an order; the others are required.
 */
const hotline = z
  .object({
    fieldMap: z
      .object({
        ticket: jsonPath,
        category: jsonPath,
        text: jsonPath,
        lat: jsonPath,
        lng: jsonPath,
        address: jsonPath.optional(),
        callerName: jsonPath.optional(),
        callerPhone: jsonPath.optional(),
        deadline: jsonPath,
      })
      .strict(),
    categoryMap: z.record(z.string().min(1).max(32), z.string()).default({}),
    defaultCategory: z.string(),
  })
  .strict()

export const districtConfigSchema = z
  .object({
    district: z.object({ code: z.string().min(2), name: z.string().min(1) }).strict(),
    categories: z.array(category).min(1),
    departments: z.array(z.object({ code: z.string().min(1), name: z.string().min(1) }).strict()),
    /** Hours the grid has to accept (受理) a new report. */
    acceptHours: z.number().positive().max(24 * 30),
    /** Hours an overdue case waits before it moves up one level. */
    escalationGraceHours: z.number().nonnegative(),
    /** WeChat subscribe-message templates, one per kind of notice; null until the mini-program has one. */
    subscribeTemplates: subscribeTemplatesSchema,
    /** The mini-program version a subscribe message opens (formal, or trial before release). */
    miniprogramState: miniprogramStateSchema,
    /** Which committee takes which dispute type, and the time limit from acceptance. */
    mediation: z
      .object({
        timeLimitDays: z.number().int().positive().max(365),
        committees: z
          .array(
            z
              .object({
                code: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/),
                name: z.string().min(1),
                disputeTypes: z.array(z.enum(DISPUTE_TYPES)),
                /** In the agreement number after the district's short name: 京溪 → （2026）白云京溪调字第 42 号. */
                numberPrefix: z.string().regex(/^[\u4e00-\u9fa5]{1,8}$/, '协议编号前缀应为 1–8 个汉字，如「京溪」').optional(),
                /** 小事不出村: the committee's level; one without a unit serves the whole district (交调委, 商调委, 婚调委). */
                level: z.enum(MEDIATION_LEVELS).optional(),
                /** The community, street or district whose committee it is (imported by the admin, mediation/committees.ts). */
                unitCode: z.string().min(1).max(32).optional(),
              })
              .strict(),
          )
          .min(1),
        /** The level each dispute type goes to first (小事不出村、大事不出镇); a mediator may pass it up from there. */
        levelRules: z.record(z.enum(DISPUTE_TYPES), z.enum(MEDIATION_LEVELS)).default(() => defaults.mediation.levelRules as Record<DisputeType, MediationLevel>),
        /**
         * 司法确认 and 诉调对接: the people's courts, each serving the units listed (a street, or the district); the
         * first whose units hold the case's unit receives the application, else the first listed with none.
         */
        courts: z.array(handoffReceiver).min(1).default(() => defaults.mediation.courts),
        /** Who receives a 移送函 to the police (警调) or a petition office (访调), chosen the same way. */
        receivers: z
          .array(handoffReceiver.extend({ referral: z.enum(['police', 'petition']) }).strict())
          .default(() => defaults.mediation.receivers as Array<{ referral: 'police' | 'petition'; name: string; unitCodes: string[] }>),
      })
      .strict(),
    /** 出租屋实名登记: the consent notice, retention after leaving, door access, fire checks. */
    rental: z
      .object({
        notice: z.object({ version: z.string().min(1).max(32), purpose: z.string().min(10).max(500) }).strict(),
        /** Days after check-out (or refusal) before the identity number and phone are purged; 0 purges at the next run. */
        retentionDays: z.number().int().nonnegative().max(3650),
        /** Days before the monthly fire check falls due that a building counts as due soon. */
        inspectionDueSoonDays: z.number().int().nonnegative().max(31),
        /** The door-access system's webhook (JIEFANG_ACCESS_WEBHOOK_URL overrides it); null until there is one. */
        accessControl: z.object({ webhookUrl: z.string().url().nullable() }).strict(),
        fireChecklist: z
          .array(z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/), label: z.string().min(1).max(40), category: z.string() }).strict())
          .min(1),
      })
      .strict(),
    /**
     * Creates one identity may make per action (reports.submit, mediation.apply, …) in a fixed
     * window; an action not listed is not limited. A retry of an accepted create never counts.
     */
    rateLimits: z
      .record(
        z.string().regex(/^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*$/, '应为「函数.操作」，如 reports.submit'),
        z.object({ max: z.number().int().positive().max(1_000_000), windowMinutes: z.number().int().positive().max(7 * 24 * 60) }).strict(),
      )
      .default({}),
    privacyNotice: privacyNotice.default(() => defaults.privacyNotice),
    /**
     * 一键求助: minutes the community's on-duty helpers have to accept before the street's 综治中心 is
     * alarmed, then minutes more before the district is. Configurations saved before it read as 5 and 10.
     */
    help: z
      .object({
        acceptMinutes: z.number().int().positive().max(120),
        districtMinutes: z.number().int().positive().max(24 * 60),
      })
      .strict()
      .default({ acceptMinutes: 5, districtMinutes: 10 }),
    /** 12345 热线工单's field mapping; configurations saved before it read as the file's. */
    hotline: hotline.default(() => defaults.hotline),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const leaves = new Set(cfg.categories.filter((c) => c.parent !== null).map((c) => c.code))
    for (const [code, leaf] of Object.entries(cfg.hotline.categoryMap)) {
      if (!leaves.has(leaf)) ctx.addIssue({ code: 'custom', path: ['hotline', 'categoryMap', code], message: `热线分类 ${code} 对应的问题分类 ${leaf} 不存在或不是二级分类` })
    }
    if (!leaves.has(cfg.hotline.defaultCategory)) ctx.addIssue({ code: 'custom', path: ['hotline', 'defaultCategory'], message: `默认问题分类 ${cfg.hotline.defaultCategory} 不存在或不是二级分类` })
    cfg.rental.fireChecklist.forEach((item, i) => {
      if (!leaves.has(item.category)) ctx.addIssue({ code: 'custom', path: ['rental', 'fireChecklist', i, 'category'], message: `巡查项 ${item.code} 的问题分类 ${item.category} 不存在或不是二级分类` })
    })
    const itemCodes = cfg.rental.fireChecklist.map((x) => x.code)
    if (new Set(itemCodes).size !== itemCodes.length) ctx.addIssue({ code: 'custom', path: ['rental', 'fireChecklist'], message: '巡查项编码重复' })
    committeeIssues(cfg.mediation).forEach((issue) => ctx.addIssue({ code: 'custom', path: ['mediation', ...issue.path], message: issue.message }))
    const codes = new Set<string>()
    const departments = new Set(cfg.departments.map((d) => d.code))
    cfg.categories.forEach((c, i) => {
      if (codes.has(c.code)) ctx.addIssue({ code: 'custom', path: ['categories', i, 'code'], message: `重复的分类编码 ${c.code}` })
      codes.add(c.code)
    })
    cfg.categories.forEach((c, i) => {
      const at = ['categories', i]
      if (c.parent === null) return
      if (!codes.has(c.parent)) ctx.addIssue({ code: 'custom', path: [...at, 'parent'], message: `上级分类 ${c.parent} 不存在` })
      if (!c.handler || c.slaHours === undefined) ctx.addIssue({ code: 'custom', path: at, message: `二级分类「${c.name}」需选择处置方并填写办理时限` })
      if (c.handler === 'department' && !departments.has(c.department ?? ''))
        ctx.addIssue({ code: 'custom', path: [...at, 'department'], message: `分类「${c.name}」的处置部门未配置，请选择职能部门` })
    })
  })

export type DistrictConfig = z.infer<typeof districtConfigSchema>
export type CategoryConfig = DistrictConfig['categories'][number]

export class ConfigError extends Error {}

/** Parses a district configuration; throws ConfigError naming every bad field. */
export function parseDistrictConfig(raw: unknown, source: string): DistrictConfig {
  const r = districtConfigSchema.safeParse(raw)
  if (r.success) return r.data
  const lines = r.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
  throw new ConfigError(`区级配置无效 (${source}):\n${lines.join('\n')}`)
}

export function defaultDistrictConfig(): DistrictConfig {
  return parseDistrictConfig(defaults, 'settings/district.json')
}

/** A sensitive category, or one under a sensitive parent, has no public view. */
export function isSensitiveCategory(cfg: DistrictConfig, code: string): boolean {
  const c = cfg.categories.find((x) => x.code === code)
  if (!c) return true
  if (c.sensitive) return true
  return c.parent !== null && cfg.categories.some((x) => x.code === c.parent && x.sensitive === true)
}

/** Leaf categories are the ones a report can be filed under. */
export function leafCategory(cfg: DistrictConfig, code: string): CategoryConfig | undefined {
  return cfg.categories.find((c) => c.code === code && c.parent !== null)
}

export function categoryName(cfg: DistrictConfig, code: string): string {
  const c = cfg.categories.find((x) => x.code === code)
  if (!c) return code
  const parent = c.parent ? cfg.categories.find((x) => x.code === c.parent) : undefined
  return parent ? `${parent.name} / ${c.name}` : c.name
}
