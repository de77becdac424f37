/** 出租屋实名登记 answers for the mini-program checks, shaped like src/contracts/rental.ts. */
import type { BuildingPublicView, BuildingView, InspectionItemView, InspectionView, MisuseView, ReferredCaseView, RegistrationView } from '../../src/contracts/rental'

type Answer = (data: unknown) => unknown

export const BUILDING: BuildingView = {
  id: 'BLD-1',
  code: 'B7K2Q9',
  name: '云景花园 3 栋',
  address: '白云区云景路 12 号',
  location: { lng: 113.3202, lat: 23.181 },
  gridCode: '440111010001001',
  gridName: '云景社区第1网格',
  floors: 2,
  rooms: ['101', '102', '201', '202'],
  managerId: 'demo-building-manager',
  managerName: '王建国',
  pending: 1,
  active: 1,
  lastInspectionAt: null,
  inspectionState: 'never',
  createdAt: '2026-11-20T02:00:00.000Z',
}

/** What the page suites type into the check-in form at BUILDING, as rental.checkIn receives it. */
export const CHECKIN_TYPED = { buildingCode: BUILDING.code, room: '201', name: '刘洋', docType: 'id_card', docNumber: '11010519491231002X', phone: '13800138000' }

export const PUBLIC_BUILDING: BuildingPublicView = {
  code: BUILDING.code,
  name: BUILDING.name,
  address: BUILDING.address,
  gridName: BUILDING.gridName,
  path: '白云区 京溪街道 云景社区',
  rooms: BUILDING.rooms,
  managerName: '王建国',
  notice: { version: '2026-11', purpose: '用于出租屋实名登记、治安管理和消防安全，仅辖区派出所、街道来穗人员服务管理站和楼栋长可见。', retentionDays: 180 },
}

export function registration(over: Partial<RegistrationView> = {}): RegistrationView {
  return {
    id: 'REG-1',
    number: '京溪-2026-00011',
    status: 'pending',
    statusLabel: '待确认',
    buildingId: BUILDING.id,
    buildingName: BUILDING.name,
    buildingAddress: BUILDING.address,
    gridName: BUILDING.gridName,
    room: '201',
    name: '刘洋',
    docType: 'id_card',
    docTypeLabel: '居民身份证',
    docNumberMasked: '1101**********002X',
    phone: '13800138000',
    moveInDate: '2026-11-20',
    leaseEnd: '2027-11-19',
    cohabitants: [{ name: '王芳', relation: '配偶' }],
    refusedReason: null,
    checkedOutAt: null,
    leaseOverdue: false,
    alerts: [],
    proxyNote: null,
    createdAt: '2026-11-20T03:00:00.000Z',
    version: 1,
    ...over,
  }
}

export const ACTIVE = registration({ id: 'REG-2', number: '京溪-2026-00012', status: 'active', statusLabel: '在住', room: '102', name: '陈晨', docNumberMasked: '4401**********123X', phone: '139****0001', leaseOverdue: true, cohabitants: [], version: 2 })

/** A misuse dispute (有人冒用我的证件) as the police list shows it, with one registration of the number. */
export const DISPUTE: MisuseView = {
  id: 'MIS-1',
  number: '京溪-2026-00031',
  status: 'open',
  statusLabel: '待核实',
  buildingName: BUILDING.name,
  buildingAddress: BUILDING.address,
  gridName: BUILDING.gridName,
  docTypeLabel: '居民身份证',
  docNumberMasked: '4401**********123X',
  note: '我从未在此登记，有人用我的身份证号登记入住',
  reporterName: '陈晨',
  resolution: null,
  related: [{ ...ACTIVE, alerts: ['有人报告该证件被冒用'] }],
  createdAt: '2026-11-29T02:00:00.000Z',
  version: 1,
}

/** A mediation case its mediator referred to the police (警调对接). */
export const REFERRED: ReferredCaseView = {
  id: 'MED-9',
  number: '京溪-2026-00009',
  disputeTypeLabel: '邻里纠纷',
  statusLabel: '调解不成',
  unitName: '京溪街道',
  referralNote: '涉及人身威胁，转辖区派出所处理',
  updatedAt: '2026-11-30T03:00:00.000Z',
}

export const ITEMS: InspectionItemView[] = [
  { code: 'extinguisher', label: '灭火器在有效期内', category: 'safety.fire' },
  { code: 'exit', label: '安全出口、疏散通道畅通', category: 'safety.fire' },
]

export const INSPECTION: InspectionView = {
  id: 'INS-1',
  buildingId: BUILDING.id,
  inspectorName: '王建国',
  at: '2026-10-30T02:00:00.000Z',
  items: [
    { code: 'extinguisher', label: ITEMS[0]!.label, passed: true, note: null },
    { code: 'exit', label: ITEMS[1]!.label, passed: false, note: '2 楼楼道堆放电动车' },
  ],
  photos: [],
  failed: 1,
  caseIds: ['R-0101'],
  caseNumbers: ['京溪-2026-00101'],
}

/** Default rental answers: each page of the area loads from these. */
export function rentalAnswers(): Record<string, Answer> {
  return {
    'rental.building': (d) => ((d as { code?: string }).code === BUILDING.code ? { ok: true, building: PUBLIC_BUILDING } : { ok: false, code: 'NOT_FOUND', message: '楼栋二维码无效或已停用' }),
    'rental.mine': () => ({ ok: true, registrations: [registration(), registration({ id: 'REG-0', status: 'refused', statusLabel: '已驳回', room: '202', refusedReason: '房号填写错误' })] }),
    'rental.myBuildings': () => ({ ok: true, buildings: [BUILDING] }),
    'rental.buildingQr': () => ({ ok: true, qr: { kind: 'qr', link: `https://jiefang.example/#/pages/rental/checkin/index?b=${BUILDING.code}`, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' }, building: BUILDING }),
    'rental.registrations': (d) => {
      const statuses = (d as { statuses?: string[] }).statuses ?? []
      return { ok: true, registrations: [registration(), ACTIVE].filter((r) => statuses.includes(r.status)) }
    },
    'rental.inspectionItems': () => ({ ok: true, items: ITEMS }),
    'rental.inspections': () => ({ ok: true, inspections: [INSPECTION] }),
    'rental.area': () => ({ ok: true, registrations: [ACTIVE], disputes: [], referred: [], next: null, total: 1 }),
    'rental.audit': () => ({
      ok: true,
      entries: [
        {
          id: 'AUD-1',
          actorName: '吴刚',
          actorRole: 'police',
          actorRoleLabel: '社区民警',
          action: 'reveal',
          target: 'REG-2',
          caseId: 'REG-2',
          what: '查看 京溪-2026-00012 的证件号码和手机号',
          sentence: '吴刚 查看 京溪-2026-00012 的证件号码和手机号，理由：核查盗窃案线索',
          reason: '核查盗窃案线索',
          at: '2026-11-28T06:00:00.000Z',
        },
      ],
      next: null,
    }),
    'rental.overdueInspections': () => ({ ok: true, buildings: [{ ...BUILDING, inspectionState: 'overdue', lastInspectionAt: '2026-09-30T02:00:00.000Z' }] }),
  }
}
