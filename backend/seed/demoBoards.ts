import type { GridBoard } from '../ports'
import { demoUnits } from './demoOrg'

const SERVICES = ['政策咨询与代办', '矛盾纠纷调解', '出租屋登记指引', '独居长者探访', '消防安全检查']

/** A board per demo grid: the "1+1+5+N" team with public work numbers, services, office hours. */
export function demoBoards(now: string): GridBoard[] {
  return demoUnits()
    .filter((u) => u.level === 'grid')
    .map((g, i) => ({
      gridCode: g.code,
      scope: `${g.name}：云景路 ${i * 20 + 1}–${i * 20 + 20} 号，含 ${3 + (i % 4)} 栋住宅楼及沿街商铺`,
      households: 320 + i * 15,
      team: [
        { role: 'leader', name: '陈志强', phone: '020-87700100' },
        { role: 'full_time', name: i === 0 ? '李明' : i === 1 ? '张丽' : `网格员${i + 1}`, phone: g.phone ?? null },
        { role: 'party_leader', name: '刘建华', phone: null },
        { role: 'council', name: '何秀英', phone: null },
        { role: 'supervisor', name: '梁国栋', phone: null },
        { role: 'police', name: '吴刚', phone: '020-87700110' },
        { role: 'volunteer', name: '广州街坊志愿队', phone: null },
      ],
      services: SERVICES,
      officeHours: '工作日 9:00–12:00，14:30–18:00（网格工作站）',
      // The first grid reviews requests; the others admit at once.
      joinPolicy: i === 0 ? 'approval' : 'open',
      qr: null,
      updatedAt: now,
    }))
}
