/** 扫一扫: our codes (小程序码 paths and H5 link QRs) open their pages; anything else is refused in Chinese. */
import { SCAN_UNKNOWN, scanRoute } from '../../src/utils/scanLink'

const ok = (url: string) => expect.objectContaining({ ok: true, url })

describe('scanRoute', () => {
  it('opens check-in for a building code, as a 小程序码 path or an H5 link', () => {
    expect(scanRoute({ path: 'pages/rental/checkin/index?scene=b%3DYJ0018A' })).toEqual(ok('/pages/rental/checkin/index?b=YJ0018A'))
    expect(scanRoute({ path: 'pages/rental/checkin/index?scene=b=YJ0018A' })).toEqual(ok('/pages/rental/checkin/index?b=YJ0018A'))
    expect(scanRoute({ result: 'http://127.0.0.1:8080/#/pages/rental/checkin/index?b=YJ0018A' })).toMatchObject({ ok: true, url: '/pages/rental/checkin/index?b=YJ0018A', what: '楼栋登记' })
  })

  it('opens 工作人员绑定 and the mediation join page with the invitation code', () => {
    expect(scanRoute({ path: 'pages/join/index?scene=K7M2P9QX' })).toEqual(ok('/pages/join/index?code=K7M2P9QX'))
    expect(scanRoute({ result: 'https://jiefang.example.cn/#/pages/join/index?code=K7M2P9QX' })).toEqual(ok('/pages/join/index?code=K7M2P9QX'))
    expect(scanRoute({ path: '/pages/mediation/join/index?scene=H3N8R2TW' })).toEqual(ok('/pages/mediation/join/index?invite=H3N8R2TW'))
    expect(scanRoute({ result: 'https://jiefang.example.cn/#/pages/mediation/join/index?invite=H3N8R2TW' })).toMatchObject({ ok: true, what: '调解邀请' })
  })

  it('opens a grid 公示牌 by its code', () => {
    expect(scanRoute({ path: 'pages/grid/board/index?scene=440111010001001' })).toEqual(ok('/pages/grid/board/index?code=440111010001001'))
    expect(scanRoute({ result: 'http://192.168.1.5:8080/#/pages/grid/board/index?code=440111010001001' })).toEqual(ok('/pages/grid/board/index?code=440111010001001'))
  })

  it('prefers the 小程序码 path over the result text', () => {
    expect(scanRoute({ result: '*wxacode-bytes*', path: 'pages/grid/board/index?scene=440111010001001' })).toEqual(ok('/pages/grid/board/index?code=440111010001001'))
  })

  it('refuses anything else with a Chinese message, never opening what the code says', () => {
    for (const scan of [
      {},
      { result: '' },
      { result: 'https://weixin.qq.com/r/abcdef' },
      { result: '6901234567892' },
      { result: 'K7M2P9QX' },
      { result: 'http://evil.example/#/pages/report/detail/index?id=01ABC' },
      { path: 'pages/rental/checkin/index?scene=' },
      { path: 'pages/rental/checkin/index?b=%3Cscript%3E' },
      { path: 'pages/grid/board/index?code=../../me/index' },
      { result: 'https://x.example/#/pages/join/index?code=AB&x=1 javascript:alert(1)' },
    ]) {
      expect(scanRoute(scan)).toEqual({ ok: false, message: SCAN_UNKNOWN })
    }
    expect(SCAN_UNKNOWN).toMatch(/^[^A-Za-z]+$/)
  })

  it('keeps only the code: extra parameters never reach the opened page', () => {
    expect(scanRoute({ result: 'https://jiefang.example.cn/#/pages/rental/checkin/index?b=YJ0018A&next=/pages/admin/config/index' })).toEqual(ok('/pages/rental/checkin/index?b=YJ0018A'))
  })
})
