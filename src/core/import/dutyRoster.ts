import type { Shift } from '../dutyRoster'
import { mapHeader } from './csv'

/**
 * A 一键求助 duty roster table (CSV/xlsx, one shift per row): 社区编码, 手机 (the staff member's phone
 * as the staff roster has it), 姓名 (for the reader), 值班日 (周一至周五, 周六、周日, 每天, 1-5, 1,3,5),
 * 开始, 结束 (08:30, 24:00; an end not after the start runs past midnight). Pure: the backend finds
 * the people by phone among those who may stand on the community's roster.
 */
export const DUTY_COLUMNS = {
  community: ['社区编码', '社区', 'community'],
  phone: ['手机', '手机号', '电话', 'phone'],
  name: ['姓名', 'name'],
  days: ['值班日', '星期', 'days'],
  from: ['开始', '开始时间', 'from'],
  to: ['结束', '结束时间', 'to'],
} as const

type Column = keyof typeof DUTY_COLUMNS

export interface DutyRow {
  /** 1-based line of the table, header included, as a spreadsheet numbers it. */
  line: number
  communityCode: string
  phone: string
  name: string
  shift: Shift
}

export interface DutyRowError {
  line: number
  message: string
}

const DAY_NAMES: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 }

function dayOf(token: string): number | null {
  const t = token.replace(/^(周|星期|礼拜)/, '')
  if (/^[1-7]$/.test(t)) return Number(t)
  return DAY_NAMES[t] ?? null
}

/** 「周一至周五」「周六、周日」「每天」「1-5」「1,3,5」 → weekdays 1–7, or null when unreadable. */
export function parseDays(cell: string): number[] | null {
  const text = cell.replace(/\s+/g, '')
  if (text === '') return null
  if (/^(每天|每日|全周|全年|1-7|周一至周日)$/.test(text)) return [1, 2, 3, 4, 5, 6, 7]
  const days = new Set<number>()
  for (const part of text.split(/[、,，;；/]/)) {
    if (part === '') continue
    const range = part.split(/至|到|-|—|~|～/)
    if (range.length === 2) {
      const a = dayOf(range[0]!)
      const b = dayOf(range[1]!)
      if (a === null || b === null || a > b) return null
      for (let d = a; d <= b; d++) days.add(d)
    } else if (range.length === 1) {
      const d = dayOf(part)
      if (d === null) return null
      days.add(d)
    } else return null
  }
  return days.size ? [...days].sort((x, y) => x - y) : null
}

/** 8:30 → 08:30; 24:00 stands; anything else unreadable. */
export function parseClock(cell: string): string | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(cell.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (h === 24 && min === 0) return '24:00'
  if (h > 23 || min > 59) return null
  return `${String(h).padStart(2, '0')}:${m[2]}`
}

/** The table's rows as shifts, and every row it cannot read with the reason in Chinese. */
export function readDutyTable(table: readonly string[][]): { rows: DutyRow[]; errors: DutyRowError[] } | { missing: string[] } {
  const { index, missing } = mapHeader<Column>(table[0] ?? [], DUTY_COLUMNS, ['community', 'phone', 'days', 'from', 'to'])
  if (missing.length) return { missing: missing.map((k) => DUTY_COLUMNS[k][0]) }
  const cell = (r: readonly string[], k: Column) => (index[k] === undefined ? '' : (r[index[k]!] ?? '').trim())
  const rows: DutyRow[] = []
  const errors: DutyRowError[] = []
  table.slice(1).forEach((r, i) => {
    const line = i + 2
    if (r.every((c) => c.trim() === '')) return
    const communityCode = cell(r, 'community')
    const phone = cell(r, 'phone').replace(/[\s-]/g, '')
    const days = parseDays(cell(r, 'days'))
    const from = parseClock(cell(r, 'from'))
    const to = parseClock(cell(r, 'to'))
    const problem = !communityCode
      ? '缺少社区编码'
      : !phone
        ? '缺少手机号'
        : !days
          ? `值班日「${cell(r, 'days')}」无法识别，请写成「周一至周五」「周六、周日」或「每天」`
          : !from || from === '24:00'
            ? `开始时间「${cell(r, 'from')}」无法识别，请写成 08:30`
            : !to
              ? `结束时间「${cell(r, 'to')}」无法识别，请写成 17:30 或 24:00`
              : from === to
                ? '开始和结束时间不能相同'
                : null
    if (problem) errors.push({ line, message: problem })
    else rows.push({ line, communityCode, phone, name: cell(r, 'name'), shift: { days: days!, from: from!, to: to! } })
  })
  return { rows, errors }
}
