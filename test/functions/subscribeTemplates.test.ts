/** Subscribe-message templates as district data: one per kind, a keyword mapping, and configurations saved before. */
import { defaultDistrictConfig, parseDistrictConfig } from '../../backend/config/district'
import { keywordValue, templateData } from '../../backend/config/subscribeTemplates'

const base = () => JSON.parse(JSON.stringify(defaultDistrictConfig())) as Record<string, unknown>
const fields = { title: 'thing1', status: 'phrase2', time: 'time3' }

it('reads a configuration saved with the single caseStatus template as that template for every kind', () => {
  const cfg = parseDistrictConfig({ ...base(), subscribeTemplates: { caseStatus: 'tpl-old' }, miniprogramState: undefined }, 'old')
  for (const t of Object.values(cfg.subscribeTemplates)) expect(t).toEqual({ id: 'tpl-old', long: false, fields })
  expect(cfg.miniprogramState).toBe('formal')
  expect(Object.values(parseDistrictConfig({ ...base(), subscribeTemplates: { caseStatus: null } }, 'old').subscribeTemplates)).toEqual([null, null, null, null, null])
})

it('takes one template per kind with its keywords, and names a bad keyword or an unknown kind', () => {
  const templates = { caseProgress: { id: 'a', fields }, mediation: { id: 'b', long: true, fields: { title: 'thing4', time: 'time2' } }, checkinDecision: null, gridEmergency: null }
  const cfg = parseDistrictConfig({ ...base(), subscribeTemplates: templates, miniprogramState: 'trial' }, 'x')
  expect(cfg.subscribeTemplates.mediation).toEqual({ id: 'b', long: true, fields: { title: 'thing4', time: 'time2' } })
  expect(cfg.miniprogramState).toBe('trial')
  expect(() => parseDistrictConfig({ ...base(), subscribeTemplates: { ...templates, caseProgress: { id: 'a', fields: { title: 'title1' } } } }, 'x')).toThrow(/subscribeTemplates\.caseProgress\.fields\.title: 应为模板关键词/)
  expect(() => parseDistrictConfig({ ...base(), subscribeTemplates: { ...templates, other: null } }, 'x')).toThrow(/subscribeTemplates/)
  expect(() => parseDistrictConfig({ ...base(), miniprogramState: 'beta' }, 'x')).toThrow(/miniprogramState/)
})

it('cuts each value to what its keyword type takes', () => {
  expect(keywordValue('thing1', '小区东门垃圾桶满溢多日无人清运，异味严重影响通行')).toBe('小区东门垃圾桶满溢多日无人清运，异味严…')
  expect(Array.from(keywordValue('thing1', '一'.repeat(30)))).toHaveLength(20)
  expect(keywordValue('phrase2', '对方不同意调解')).toBe('对方不同意')
  expect(keywordValue('thing1', '  两个\n空格  ')).toBe('两个 空格')
  expect(templateData({ id: 't', long: false, fields: { title: 'thing1', time: 'date2' } }, { title: '调解已安排', time: '2026年3月2日 09:00' })).toEqual({ thing1: { value: '调解已安排' }, date2: { value: '2026年3月2日' } })
  expect(templateData({ id: 't', long: false, fields: { title: 'thing3' } }, { title: '调解协议待确认', status: '协议待确认', time: '2026年3月2日 09:00' })).toEqual({ thing3: { value: '调解协议待确认' } })
})
