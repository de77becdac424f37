import { checkCharacter, maskDocNumber, maskPhone, validateIdNumber, validateResidencePermitNumber } from '../../src/core/idNumber'
import { validateDocNumber, validateMobile } from '../../src/core/rental'

const TODAY = new Date('2026-12-01T00:00:00Z')

describe('resident identity numbers (GB 11643-1999)', () => {
  it('accepts the standard\'s own example 11010519491231002X with its birth date and sex', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', regionCode: '110105' })
  })

  it.each([
    ['440106199001011235', '1990-01-01', 'male'],
    ['440111198506154326', '1985-06-15', 'female'],
    ['440304200002290014', '2000-02-29', 'male'],
    ['510107197811305679', '1978-11-30', 'male'],
    ['440106202412010012', '2024-12-01', 'male'],
  ])('accepts %s (check character computed by MOD 11-2)', (n, birth, sex) => {
    expect(validateIdNumber(n, TODAY)).toMatchObject({ ok: true, birthDate: birth, sex })
  })

  it('computes the check character over the first 17 digits (S mod 11 → 1 0 X 9 8 7 6 5 4 3 2)', () => {
    expect(checkCharacter('11010519491231002')).toBe('X')
    expect(checkCharacter('44010619900101123')).toBe('5')
    expect(checkCharacter('00000000000000000')).toBe('1')
  })

  it.each(['110105194912310021', '440106199001011234', '44010619900101123X'])('refuses a wrong check character: %s', (n) => {
    expect(validateIdNumber(n, TODAY)).toEqual({ ok: false, part: 'checkDigit', message: '身份证号码校验位不正确，请核对后重新输入' })
  })

  it.each([
    ['440106199002301238', '19900230'],
    ['440106199013011233', '19901301'],
    ['440106190002290014', '19000229'],
    ['440106189912310014', '18991231'],
    ['440106202712010016', '20271201'],
    ['440106199000001234', '19900000'],
  ])('refuses an impossible, too early or future birth date: %s', (n, part) => {
    const r = validateIdNumber(n, TODAY)
    expect(r).toMatchObject({ ok: false, part: 'birthDate' })
    expect(r.ok ? '' : r.message).toContain(part)
    expect(r.ok ? '' : r.message).toContain('第 7–14 位出生日期')
  })

  it.each([['', 0], ['1101051949123100', 16], ['11010519491231002X1', 19], ['110105491231002', 15]])('refuses the wrong length %#: says how many characters it got', (n, len) => {
    expect(validateIdNumber(n, TODAY)).toEqual({ ok: false, part: 'length', message: `身份证号码应为 18 位，当前为 ${len} 位` })
  })

  it('refuses a lower-case x and says to write it upper-case', () => {
    expect(validateIdNumber('11010519491231002x', TODAY)).toEqual({ ok: false, part: 'checkDigit', message: '身份证号码最后一位 X 请使用大写' })
  })

  it.each(['1101051949123100XX', '11010A19491231002X', '１１０１０５１９４９１２３１００２Ｘ'])('refuses non-digits in the first 17: %s', (n) => {
    expect(validateIdNumber(n, TODAY)).toMatchObject({ ok: false, part: expect.stringMatching(/characters|length/) })
  })

  it.each(['990105194912310021', '100105194912310025', '110000194912310021'])('refuses a region code that does not exist: %s', (n) => {
    const r = validateIdNumber(n, TODAY)
    expect(r).toMatchObject({ ok: false, part: 'region' })
    expect(r.ok ? '' : r.message).toContain(n.slice(0, 6))
  })

  it('trims surrounding spaces but nothing else', () => {
    expect(validateIdNumber('  11010519491231002X ', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' })
  })
})

describe('other documents', () => {
  it('港澳台居民居住证: GB 11643 with region 810000 / 820000 / 830000', () => {
    for (const n of ['810000199001010019', '820000198812120024', '830000197505050035']) expect(validateResidencePermitNumber(n, TODAY)).toMatchObject({ ok: true })
    expect(validateResidencePermitNumber('440106199001011235', TODAY)).toMatchObject({ ok: false, part: 'region' })
    expect(validateResidencePermitNumber('810000199001010018', TODAY)).toMatchObject({ ok: false, part: 'checkDigit' })
    expect(validateDocNumber('hkmt_residence', '810000199001010019', TODAY)).toEqual({ ok: true, value: '810000199001010019' })
  })

  it('外国人永久居留身份证: 2017 (3 letters + 12 digits) or 2023 (18, starting 9, GB 11643 check)', () => {
    expect(validateDocNumber('foreign_permanent', 'usa440190101234', TODAY)).toEqual({ ok: true, value: 'USA440190101234' })
    expect(validateDocNumber('foreign_permanent', '911440200501010018', TODAY)).toEqual({ ok: true, value: '911440200501010018' })
    expect(validateDocNumber('foreign_permanent', '911440200501010017', TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('校验位') })
    expect(validateDocNumber('foreign_permanent', '811440200501010018', TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('以 9 开头') })
    expect(validateDocNumber('foreign_permanent', 'US4401901012345', TODAY)).toMatchObject({ ok: false })
  })

  it('passports: 5–17 letters or digits, stored upper-case', () => {
    expect(validateDocNumber('passport', 'e12345678', TODAY)).toEqual({ ok: true, value: 'E12345678' })
    expect(validateDocNumber('passport', 'E12', TODAY)).toMatchObject({ ok: false })
    expect(validateDocNumber('passport', 'E1234-5678', TODAY)).toMatchObject({ ok: false })
  })

  it('resident IDs through validateDocNumber take a lower-case x as X and keep their messages', () => {
    expect(validateDocNumber('id_card', '11010519491231002x', TODAY)).toEqual({ ok: true, value: '11010519491231002X' })
    expect(validateDocNumber('id_card', '11010519491231002y', TODAY)).toEqual({ ok: false, message: '身份证号码前 17 位应为数字，最后一位为数字或 X' })
    expect(validateDocNumber('passport', 'e12345678', TODAY)).toEqual({ ok: true, value: 'E12345678' })
  })
})

describe('phones and masks', () => {
  it('accepts mainland mobiles only', () => {
    expect(validateMobile('13800138000')).toEqual({ ok: true, value: '13800138000' })
    for (const bad of ['12800138000', '1380013800', '020-87700000', '+8613800138000', '138001380001']) expect(validateMobile(bad).ok).toBe(false)
  })

  it('masks a document to its first and last four', () => {
    expect(maskDocNumber('440106199001011235')).toBe('4401**********1235')
    expect(maskDocNumber('11010519491231002X')).toBe('1101**********002X')
    expect(maskDocNumber('E12345678')).toBe('E123*5678')
    expect(maskDocNumber('E1234')).toBe('E***4')
    expect(maskPhone('13800138000')).toBe('138****8000')
  })
})
