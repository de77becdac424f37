import type { OrgLevel } from '../org'

/**
 * Property names written in Chinese (a table typed by hand), beside the English ones GIS tools
 * export; the admin page's help lists them from here.
 */
export const GEOJSON_PROPS: Record<string, { label: string; aliases: readonly string[] }> = {
  level: { label: '层级', aliases: ['级别'] },
  code: { label: '编码', aliases: ['单位编码'] },
  name: { label: '名称', aliases: ['单位名称'] },
  community: { label: '社区编码', aliases: ['所属社区编码'] },
  communityName: { label: '社区名称', aliases: [] },
  street: { label: '街道编码', aliases: ['所属街道编码'] },
  streetName: { label: '街道名称', aliases: [] },
  phone: { label: '电话', aliases: ['联系电话'] },
  /** A street's short name in case numbers (京溪-2026-00042); without it the name less 街道/镇/乡. */
  shortName: { label: '简称', aliases: ['街道简称'] },
}
/** 层级 written as a word: 街道 / 镇 / 社区 / 村 / 网格. */
export const LEVEL_WORDS: Record<string, OrgLevel> = { 街道: 'street', 镇: 'street', 乡: 'street', 社区: 'community', 村: 'community', 网格: 'grid' }
