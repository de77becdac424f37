import { DISPUTE_TYPE_LABELS, type DisputeType } from '../../../core/kinds/mediationTerms'
import { isMediationLevel, MEDIATION_LEVEL_LABELS, MEDIATION_LEVELS } from '../../../core/kinds/mediationLevelTerms'

/**
 * The district's 调解层级规则 in words, level by level (「社区（村）：邻里纠纷、租赁纠纷；街道（镇）：劳务纠纷」),
 * so the page never shows the configuration's keys. Types the rules leave out go to the street.
 */
export function levelRulesText(mediation: { levelRules?: Record<string, unknown> } | undefined): string {
  const rules = mediation?.levelRules ?? {}
  const parts = MEDIATION_LEVELS.map((level) => {
    const types = Object.keys(rules).filter((t) => rules[t] === level && isMediationLevel(rules[t]))
    const names = types.map((t) => DISPUTE_TYPE_LABELS[t as DisputeType]).filter(Boolean)
    return names.length ? `${MEDIATION_LEVEL_LABELS[level]}先受理${names.join('、')}` : null
  }).filter(Boolean)
  return parts.length ? parts.join('；') : '未设置，纠纷先由街道受理'
}
