/**
 * Points the mini-program running in WeChat DevTools at the local server instead of CloudBase, so the
 * suite needs DevTools alone (no appid with CloudBase, no deployed functions) and signs in as brand-new
 * identities. Installed in the app service with `miniProgram.evaluate`, as source text, so no compiler
 * rewrites it:
 *
 * - `wx.cloud.callFunction({ name, data })` → `POST <server>/api/fn/<name>` with the identity's token
 *   (wx.request: DevTools must run with urlCheck off, which the suite sets);
 * - direct photo uploads: local mode refuses `files.ticket`/`files.register` (they exist for CloudBase
 *   storage), so a ticket is a path this bridge makes up, `wx.cloud.uploadFile` sends the file's bytes
 *   to `files.upload` (the server's own checks: type sniffed, metadata stripped, 5 MB) and `register`
 *   answers with the id that upload gave — and refuses a file this bridge did not upload.
 */
export const INSTALL_BRIDGE = `function (base, token) {
  function post(path, body) {
    return new Promise(function (resolve, reject) {
      wx.request({
        url: base + path,
        method: 'POST',
        data: body,
        header: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
        success: function (r) { r.statusCode >= 500 ? reject(new Error('HTTP ' + r.statusCode)) : resolve(r.data) },
        fail: function (e) { reject(new Error(e.errMsg)) },
      })
    })
  }
  var uploaded = {}
  var typeOf = function (path) {
    var ext = (/\\.(\\w+)$/.exec(path) || [])[1] || ''
    return { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }[ext.toLowerCase()] || ''
  }
  var cloud = wx.cloud
  cloud.init = function () {}
  cloud.callFunction = function (o) {
    var name = o.name, data = o.data || {}
    if (name === 'files' && data.action === 'ticket') {
      var ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }[data.data.contentType]
      return Promise.resolve({ result: { ok: true, cloudPath: 'devtools/' + Date.now() + '-' + Math.random().toString(36).slice(2) + '.' + ext, expiresAt: new Date(Date.now() + 600000).toISOString() } })
    }
    if (name === 'files' && data.action === 'register') {
      var id = uploaded[data.data.cloudFileId]
      delete uploaded[data.data.cloudFileId]
      return Promise.resolve({ result: id ? { ok: true, fileId: id } : { ok: false, code: 'VALIDATION', message: '上传凭证无效或已过期，请重新选择照片上传' } })
    }
    return post('/api/fn/' + encodeURIComponent(name), data).then(function (result) { return { result: result } })
  }
  cloud.uploadFile = function (o) {
    var contentBase64 = wx.getFileSystemManager().readFileSync(o.filePath, 'base64')
    return post('/api/fn/files', { action: 'upload', data: { contentBase64: contentBase64, contentType: typeOf(o.cloudPath) } }).then(function (r) {
      if (!r || !r.ok) throw new Error((r && r.message) || 'upload failed')
      var fileID = 'cloud://devtools/' + o.cloudPath
      uploaded[fileID] = r.fileId
      return { fileID: fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }
    })
  }
  return true
}`

/** Writes bytes into the app's user data folder (what a picked photo would be) and returns the path. */
export const WRITE_USER_FILE = `function (name, base64) {
  var path = wx.env.USER_DATA_PATH + '/' + name
  wx.getFileSystemManager().writeFileSync(path, base64, 'base64')
  return path
}`
