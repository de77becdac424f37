import { buildRegisterBuilding, emptyBuilding, roomsByFloor, roomsFor, validateBuilding } from '../../src/utils/rental/buildings'
import { buildCheckIn, checkinFieldOf, cleanDocNumber, docNumberError, emptyCheckin, firstError, leaseEndError, phoneError, serverErrors, shanghaiDay, typedDocNumber, validateCheckin, type CheckinDraft } from '../../src/utils/rental/checkin'
import { buildInspect, emptyMarks, inspectionErrors } from '../../src/utils/rental/inspection'
import { statusTone } from '../../src/utils/rental/labels'
import { buildingCodeFrom } from '../../src/utils/rental/links'
import { buildMisuse, emptyMisuse, misuseErrors } from '../../src/utils/rental/misuse'
import { isDocNumberQuery, reasonError } from '../../src/utils/rental/police'
import { mainEntries, rentalEntries } from '../../src/pages/home/entries'
import { qrDataUrl, svgDataUrl } from '../../src/utils/qr-image'

const NOW = new Date('2026-12-01T04:00:00Z')
const ROOMS = ['101', '102', '201', '202']

function filled(over: Partial<CheckinDraft> = {}): CheckinDraft {
  return {
    ...emptyCheckin('2026-12-01'),
    room: '201',
    name: ' 刘洋 ',
    docNumber: '11010519491231002X',
    phone: '138 0013 8000',
    consentPurpose: true,
    consentSensitive: true,
    ...over,
  }
}

describe('building code from the page query', () => {
  it('reads ?b= from the printed link and scene=b%3D from a 小程序码', () => {
    expect(buildingCodeFrom({ b: 'B7K2' })).toBe('B7K2')
    expect(buildingCodeFrom({ b: 'B7%20K2' })).toBe('B7 K2')
    expect(buildingCodeFrom({ scene: 'b%3DB7K2' })).toBe('B7K2')
    expect(buildingCodeFrom({ scene: 'x%3D1%26b%3DQ9' })).toBe('Q9')
    expect(buildingCodeFrom({ q: encodeURIComponent('http://127.0.0.1:8080/#/pages/rental/checkin/index?b=B7K2Q9') })).toBe('B7K2Q9')
    expect(buildingCodeFrom({ scene: 'x=1' })).toBe('')
    expect(buildingCodeFrom({})).toBe('')
    // A broken escape is read as typed rather than throwing.
    expect(buildingCodeFrom({ b: '%E4' })).toBe('%E4')
  })
})

describe('check-in form', () => {
  it('starts today with a one-year lease and no consent', () => {
    const d = emptyCheckin('2026-12-01')
    expect(d).toMatchObject({ docType: 'id_card', moveInDate: '2026-12-01', leaseEnd: '2027-12-01', consentPurpose: false, consentSensitive: false, cohabitants: [] })
    expect(shanghaiDay(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01')
  })

  it('a lease from 29 February ends on 28 February of a common year', () => {
    expect(emptyCheckin('2028-02-29').leaseEnd).toBe('2029-02-28')
    expect(emptyCheckin('2027-02-28').leaseEnd).toBe('2028-02-28')
    expect(emptyCheckin('2026-12-31').leaseEnd).toBe('2027-12-31')
  })

  it('accepts a filled form and builds the contract input, cleaned', () => {
    const d = filled({ cohabitants: [{ name: ' 王芳 ', relation: '配偶' }] })
    expect(validateCheckin(d, ROOMS, NOW)).toEqual({})
    expect(buildCheckIn(d, 'B7K2', 'v1', 'KEY')).toEqual({
      idempotencyKey: 'KEY',
      buildingCode: 'B7K2',
      room: '201',
      name: '刘洋',
      docType: 'id_card',
      docNumber: '11010519491231002X',
      phone: '13800138000',
      moveInDate: '2026-12-01',
      leaseEnd: '2027-12-01',
      cohabitants: [{ name: '王芳', relation: '配偶' }],
      consent: { purpose: true, sensitive: true, version: 'v1' },
    })
  })

  it('names every missing part, the two consents separately', () => {
    const e = validateCheckin(emptyCheckin('2026-12-01'), ROOMS, NOW)
    expect(e).toEqual({
      room: '请选择房号',
      name: '请填写真实姓名',
      docNumber: '请填写证件号码',
      phone: '请填写手机号码',
      consentPurpose: '请阅读并同意登记目的与保存期限',
      consentSensitive: '请单独同意处理敏感个人信息（证件号码）',
    })
    expect(firstError(e)).toBe('请选择房号')
    expect(validateCheckin(filled({ consentSensitive: false }), ROOMS, NOW)).toEqual({ consentSensitive: '请单独同意处理敏感个人信息（证件号码）' })
  })

  it('points at the wrong part of a resident ID number with the validator\'s messages', () => {
    expect(docNumberError('1101051949123100', 'id_card', NOW)).toBe('身份证号码应为 18 位，当前为 16 位')
    // A lower-case x is typed as X and never refused for it.
    expect(docNumberError('11010519491231002x', 'id_card', NOW)).toBe('')
    expect(cleanDocNumber(' 11010519491231002x ', 'id_card')).toBe('11010519491231002X')
    expect(typedDocNumber('11010519491231002x')).toBe('11010519491231002X')
    expect(typedDocNumber('e1234')).toBe('E1234')
    expect(docNumberError('99010519491231002X', 'id_card', NOW)).toContain('地区码')
    expect(docNumberError('110105194913310028', 'id_card', NOW)).toContain('出生日期「19491331」')
    expect(docNumberError('110105194912310021', 'id_card', NOW)).toBe('身份证号码校验位不正确，请核对后重新输入')
    expect(docNumberError('1101 0519 4912 3100 2X', 'id_card', NOW)).toBe('')
    expect(validateCheckin(filled({ docNumber: '110105194912310021' }), ROOMS, NOW).docNumber).toBe('身份证号码校验位不正确，请核对后重新输入')
  })

  it('checks the other documents by their own shapes', () => {
    // 810000 + 19900101 + 001 + check character 9 (GB 11643); 2 is wrong.
    expect(docNumberError('810000199001010019', 'hkmt_residence', NOW)).toBe('')
    expect(docNumberError('810000199001010012', 'hkmt_residence', NOW)).toBe('居住证号码校验位不正确，请核对后重新输入')
    expect(docNumberError('11010519491231002X', 'hkmt_residence', NOW)).toBe('居住证号码前 6 位应为 810000（香港）、820000（澳门）或 830000（台湾）')
    expect(docNumberError('e12345678', 'passport', NOW)).toBe('')
    expect(docNumberError('E1', 'passport', NOW)).toBe('护照号码应为 5–17 位字母或数字')
    expect(docNumberError('usa110019900101', 'foreign_permanent', NOW)).toBe('')
    expect(docNumberError('91234', 'foreign_permanent', NOW)).toContain('15 位')
  })

  it('validates the phone and the lease', () => {
    expect(phoneError('13800138000')).toBe('')
    expect(phoneError('138-0013-8000')).toBe('')
    expect(phoneError('1380013800')).toBe('请填写 11 位手机号码（1 开头）')
    expect(phoneError('020-87701001')).toBe('请填写 11 位手机号码（1 开头）')
    expect(leaseEndError('2026-12-01', '2026-12-01')).toBe('租约到期日应晚于入住日期')
    expect(leaseEndError('2026-12-01', '2026-02-30')).toBe('租约到期日不是有效日期')
    expect(leaseEndError('2026-12-01', '2027-06-30')).toBe('')
  })

  it('refuses a room of another building and a nameless cohabitant', () => {
    expect(validateCheckin(filled({ room: '909' }), ROOMS, NOW)).toEqual({ room: '房号「909」不在本楼栋的房间列表中' })
    expect(validateCheckin(filled({ cohabitants: [{ name: ' ', relation: '子女' }] }), ROOMS, NOW)).toEqual({ cohabitants: '请填写同住人姓名' })
  })

  it('puts server field errors on the form\'s fields', () => {
    expect(checkinFieldOf('cohabitants.0.name')).toBe('cohabitants')
    expect(checkinFieldOf('consent.sensitive')).toBe('consentSensitive')
    expect(checkinFieldOf('nonsense')).toBeNull()
    expect(serverErrors({ docNumber: '身份证号码校验位不正确，请核对后重新输入', 'consent.purpose': '请同意', phone: '手机号码格式不正确' })).toEqual({
      docNumber: '身份证号码校验位不正确，请核对后重新输入',
      consentPurpose: '请同意',
      phone: '手机号码格式不正确',
    })
    expect(serverErrors(undefined)).toEqual({})
  })
})

describe('buildings', () => {
  it('numbers rooms by floor and door, and groups them back by floor', () => {
    expect(roomsFor(2, 3)).toEqual(['101', '102', '103', '201', '202', '203'])
    expect(roomsFor(12, 1).slice(-1)).toEqual(['1201'])
    expect(roomsByFloor(['101', '102', '1201', 'A铺'])).toEqual([
      { floor: '1', rooms: ['101', '102'] },
      { floor: '12', rooms: ['1201'] },
      { floor: '', rooms: ['A铺'] },
    ])
  })

  it('asks for a name, address, a located point inside a grid and sizes', () => {
    expect(validateBuilding(emptyBuilding(), false)).toEqual({
      name: '请填写楼栋名称',
      address: '请填写详细地址',
      location: '请选择楼栋位置，用于确定所属网格',
      floors: '楼层数应为 1–99 的整数',
      perFloor: '每层户数应为 1–30 的整数',
    })
    const d = { name: '云景花园 3 栋', address: '云景路 12 号', point: { lng: 113.32, lat: 23.18 }, floors: '6', perFloor: '2' }
    expect(validateBuilding(d, false)).toEqual({ location: '该位置不在服务网格内，请重新选点' })
    expect(validateBuilding({ ...d, floors: '2.5' }, true)).toEqual({ floors: '楼层数应为 1–99 的整数' })
    expect(validateBuilding(d, true)).toEqual({})
    expect(validateBuilding({ ...d, floors: '40', perFloor: '30' }, true)).toEqual({ perFloor: '房号最多 1000 个' })
    expect(buildRegisterBuilding(d, 'K')).toEqual({
      idempotencyKey: 'K',
      name: '云景花园 3 栋',
      address: '云景路 12 号',
      location: { lng: 113.32, lat: 23.18 },
      floors: 6,
      rooms: roomsFor(6, 2),
    })
  })
})

describe('fire-safety inspection', () => {
  const ITEMS = [
    { code: 'extinguisher', label: '灭火器在有效期内', category: 'safety.fire' },
    { code: 'exit', label: '安全出口畅通', category: 'safety.fire' },
  ]

  it('wants every item answered and a note on each failure', () => {
    const marks = emptyMarks(ITEMS)
    expect(inspectionErrors(ITEMS, marks)).toEqual({ extinguisher: '请选择合格或不合格', exit: '请选择合格或不合格' })
    marks.extinguisher = { passed: true, note: '' }
    marks.exit = { passed: false, note: ' ' }
    expect(inspectionErrors(ITEMS, marks)).toEqual({ exit: '请说明不合格的情况' })
    marks.exit = { passed: false, note: ' 3 楼楼道堆放电动车 ' }
    expect(inspectionErrors(ITEMS, marks)).toEqual({})
    expect(buildInspect('BLD', ITEMS, marks, ['f1'], 'K')).toEqual({
      idempotencyKey: 'K',
      buildingId: 'BLD',
      items: [
        { code: 'extinguisher', passed: true },
        { code: 'exit', passed: false, note: '3 楼楼道堆放电动车' },
      ],
      photos: ['f1'],
    })
  })
})

describe('police and home', () => {
  it('wants a reason before a reveal or an export, bounded as the server bounds it', () => {
    expect(reasonError(' ')).toBe('请填写事由（至少 2 个字）')
    expect(reasonError('查')).toBe('请填写事由（至少 2 个字）')
    expect(reasonError('核查盗窃案线索')).toBe('')
    expect(reasonError('字'.repeat(201))).toBe('事由最多 200 个字')
  })

  it('colours statuses: waiting warm, living green, refused red', () => {
    expect(['pending', 'active', 'refused', 'checked_out', 'purged'].map(statusTone)).toEqual(['warning', 'success', 'danger', 'default', 'default'])
  })

  it('gives each role its rental entry', () => {
    expect(mainEntries(['tenant']).map((e) => e.id)).toContain('jf-entry-rental')
    expect(mainEntries(['resident']).map((e) => e.id)).not.toContain('jf-entry-rental')
    expect(rentalEntries(['building_manager']).map((e) => e.id)).toEqual(['jf-entry-buildings'])
    expect(rentalEntries(['police']).map((e) => e.id)).toEqual(['jf-entry-police-area'])
    expect(rentalEntries(['dispatcher']).map((e) => e.id)).toEqual(['jf-entry-fire-overdue'])
    expect(rentalEntries(['resident', 'grid_worker'])).toEqual([])
  })

  it('draws the QR as a GIF and wraps the server SVG without inserting markup', () => {
    const gif = qrDataUrl('https://example.invalid/#/pages/rental/checkin/index?b=B7K2')
    expect(gif).toMatch(/^data:image\/gif;base64,R0lGOD/)
    expect(qrDataUrl('b=1')).not.toBe(qrDataUrl('b=2'))
    expect(svgDataUrl('<svg a="1"/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%221%22%2F%3E')
  })
})

describe('有人冒用我的证件 and the audited search', () => {
  it('checks the number and the note with the server\'s messages, and sends the cleaned number', () => {
    expect(misuseErrors(emptyMisuse(), NOW)).toEqual({ docNumber: '请填写证件号码', note: '请说明情况（至少 5 个字）' })
    expect(misuseErrors({ docType: 'id_card', docNumber: '110105194912310021', note: '有人冒用我的证件' }, NOW)).toEqual({ docNumber: '身份证号码校验位不正确，请核对后重新输入' })
    expect(misuseErrors({ docType: 'id_card', docNumber: '1101 0519 4912 3100 2X', note: '有人冒用我的证件' }, NOW)).toEqual({})
    expect(misuseErrors({ docType: 'id_card', docNumber: '11010519491231002X', note: '冒'.repeat(501) }, NOW)).toEqual({ note: '说明最多 500 个字' })
    expect(buildMisuse({ docType: 'passport', docNumber: ' e1234 5678 ', note: ' 有人冒用我的护照 ' }, 'B7K2Q9', 'key-12345678')).toEqual({ idempotencyKey: 'key-12345678', buildingCode: 'B7K2Q9', docType: 'passport', docNumber: 'E12345678', note: '有人冒用我的护照' })
  })

  it('tells a full document number (asked why, audited) from a building name', () => {
    expect(isDocNumberQuery('11010519491231002X', NOW)).toBe(true)
    expect(isDocNumberQuery(' 11010519491231002X ', NOW)).toBe(true)
    expect(isDocNumberQuery('云景花园', NOW)).toBe(false)
    expect(isDocNumberQuery('1235', NOW)).toBe(false)
    expect(isDocNumberQuery('', NOW)).toBe(false)
  })
})
