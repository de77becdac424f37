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
      expect(msg).toContain('需配置 handler 和 slaHours')
    }
  })

  it('refuses a department category without a configured department', () => {
    const cfg = defaultDistrictConfig()
    const bad = { ...cfg, departments: [] }
    expect(() => parseDistrictConfig(bad, 'x')).toThrow(/处置部门未配置/)
  })
})
