/** Over-long input is never cut silently: what a box keeps of a change, and the warning it shows. */
import { cutText, limitText, overLimitMessage, textLength } from '../../src/utils/textLimit'

describe('text limits', () => {
  it('keeps a change within the limit as it is', () => {
    expect(limitText('垃圾'.repeat(250), 500)).toEqual({ text: '垃圾'.repeat(250), over: false })
    expect(limitText('anything', undefined)).toEqual({ text: 'anything', over: false })
    expect(limitText('anything', -1)).toEqual({ text: 'anything', over: false })
  })

  it('keeps the first characters of an over-long paste and says so', () => {
    const pasted = '垃'.repeat(700)
    expect(limitText(pasted, 500)).toEqual({ text: '垃'.repeat(500), over: true })
    expect(overLimitMessage(500)).toBe('已超过 500 字，超出部分不会保存')
  })

  it('never splits an emoji, and never keeps more UTF-16 units than the server counts', () => {
    const kept = cutText(`${'字'.repeat(9)}😀😀`, 10)
    expect(kept).toBe('字'.repeat(9))
    expect(cutText('😀😀😀', 4)).toBe('😀😀')
    expect(textLength('😀字')).toBe(2)
    for (const s of ['a😀'.repeat(300), '😀'.repeat(600), '字'.repeat(600)]) {
      const { text } = limitText(s, 500)
      expect(text.length).toBeLessThanOrEqual(500)
      expect(s.startsWith(text)).toBe(true)
      expect(text).not.toMatch(/[\ud800-\udbff]$/)
    }
  })
})
