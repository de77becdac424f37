/**
 * A new version of the mini-program: WeChat downloads it in the background (getUpdateManager); once
 * ready the person is asked to restart into it. Reports waiting to be sent stay (storage and the
 * user data folder survive the restart), so restarting loses nothing.
 */
export interface UpdateManagerLike {
  onUpdateReady(cb: () => void): void
  onUpdateFailed(cb: () => void): void
  applyUpdate(): void
}

export interface UpdateDeps {
  getUpdateManager?: () => UpdateManagerLike
  showModal(o: { title: string; content: string; confirmText: string; cancelText: string }): Promise<{ confirm: boolean }>
}

export const UPDATE_READY = { title: '发现新版本', content: '新版本已准备好，重启后即可使用。未发送的上报会保留。', confirmText: '立即重启', cancelText: '稍后' }

export function watchForUpdates(deps: UpdateDeps): void {
  if (typeof deps.getUpdateManager !== 'function') return
  const um = deps.getUpdateManager()
  um.onUpdateReady(() => {
    void deps.showModal(UPDATE_READY).then(
      (r) => {
        if (r.confirm) um.applyUpdate()
      },
      () => undefined,
    )
  })
  // A failed download is tried again by WeChat at the next cold start; nothing to tell the person.
  um.onUpdateFailed(() => undefined)
}
