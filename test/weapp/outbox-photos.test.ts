/**
 * The report outbox in the built mini-program: a report queued offline copies its photo from
 * chooseImage's temporary path into the user data folder (wx.env.USER_DATA_PATH) and keeps that
 * path, so the photo is still there after WeChat clears temporary files. The rules (restart, a
 * deleted copy ending as a visible failure) are tested in test/app/outbox-photos.test.ts.
 */
import { answers, cloudFake, GRID, type Answer } from './fixtures'
import { ensureBuilt, MiniProgram, sleep, type LaunchOptions } from './simulate'

ensureBuilt()

const open: MiniProgram[] = []
afterEach(() => {
  while (open.length) open.pop()?.close()
})

function launch(over: Record<string, Answer>, opts: Partial<LaunchOptions>) {
  const mp = MiniProgram.launch({ cloud: cloudFake(answers(over)), ...opts })
  open.push(mp)
  return mp
}

test('a report queued offline keeps its photo in the user data folder, not at the temporary path', async () => {
  const shot = 'http://tmp/offline-east-gate.jpg'
  const down = () => {
    throw new Error('network down')
  }
  const mp = launch({ 'files.ticket': down, 'reports.submit': down }, { images: [shot] })
  const form = await mp.open('pages/report/new/index')
  await form.waitForText('市容环境')
  await form.tap('#jf-cat-env')
  await form.waitForText('垃圾堆放')
  await form.tap('#jf-cat-env.garbage')
  await form.input('#jf-description', '云景路东门垃圾堆放三天没人清理')
  await form.tap('#jf-loc-current')
  await form.waitForText(`所属网格：${GRID.name}`)
  await form.input('#jf-address', '云景路 12 号东门')
  await form.tap('#jf-photo-add')
  const end = Date.now() + 3000
  while (!form.findAll('.jf-photo[data-state="failed"]').length && Date.now() < end) await sleep(20)

  await form.tap('#jf-submit')
  await form.waitForText('网络不可用，已保存到待发送，将自动重试')
  const copy = mp.wxCalls.find(([n]) => n === 'copyFile')?.[1] as { srcPath: string; destPath: string } | undefined
  expect(copy).toMatchObject({ srcPath: shot, destPath: expect.stringMatching(/^wxfile:\/\/usr\/outbox\/[0-9A-Z]{26}-[0-9a-z]+\.jpg$/) })
  const queued = mp.stored('jf.outbox') as Array<{ draft: { photos: Array<{ localPath: string; fileId: string | null }> } }>
  expect(queued).toHaveLength(1)
  expect(queued[0]!.draft.photos).toEqual([{ localPath: copy!.destPath, fileId: null }])
  expect(mp.errors).toEqual([])
})
