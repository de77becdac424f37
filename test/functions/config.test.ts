import { defaultDistrictConfig, parseDistrictConfig, ConfigError, categoryName, leafCategory } from '../../backend/config/district'

describe('district configuration', () => {
  it('ships a valid default with the eight top-level categories', () => {
    const cfg = defaultDistrictConfig()
    expect(cfg.categories.filter((c) => c.parent === null).map((c) => c.name)).toEqual([
      '治安隐患', '消防安全', '环境卫生', '市政设施', '违章搭建', '占道经营', '噪音扰民', '咨询求助', '其他',
    ])
    expect(leafCategory(cfg, 'HJ01')?.slaHours).toBe(48)
    expect(leafCategory(cfg, 'HJ')).toBeUndefined()
    expect(categoryName(cfg, 'HJ01')).toBe('环境卫生 / 垃圾堆积')
  })

  it('names every bad field of a broken file', () => {
    const cfg = defaultDistrictConfig()
    const broken = {
      ...cfg,
      categories: [...cfg.categories, { code: 'HJ01', name: '重复', parent: 'HJ', handler: 'grid_worker', slaHours: 1 }, { code: 'XX01', name: '孤儿', parent: 'XX' }],
    }
    expect(() => parseDistrictConfig(broken, 'test.json')).toThrow(ConfigError)
    try {
      parseDistrictConfig(broken, 'test.json')
    } catch (e) {
      const msg = (e as Error).message
      expect(msg).toContain('重复的分类编码 HJ01')
      expect(msg).toContain('上级分类 XX 不存在')
      expect(msg).toContain('二级分类「孤儿」需选择处置方并填写办理时限')
    }
  })

  it('refuses a department category without a configured department', () => {
    const cfg = defaultDistrictConfig()
    const bad = { ...cfg, departments: [] }
    expect(() => parseDistrictConfig(bad, 'x')).toThrow(/处置部门未配置/)
  })

  it('files each fire-checklist item under an existing leaf category, and refuses one that is not', () => {
    const cfg = defaultDistrictConfig()
    for (const item of cfg.rental.fireChecklist) expect(leafCategory(cfg, item.category)?.parent).toBe('XF')
    const bad = { ...cfg, rental: { ...cfg.rental, fireChecklist: [...cfg.rental.fireChecklist, { code: 'stairs', label: '楼梯', category: 'XF' }] } }
    expect(() => parseDistrictConfig(bad, 'x')).toThrow(/巡查项 stairs 的问题分类 XF 不存在或不是二级分类/)
    expect(() => parseDistrictConfig({ ...cfg, rental: { ...cfg.rental, retentionDays: -1 } }, 'x')).toThrow(/rental.retentionDays/)
  })
})
