// WeChat DevTools' 代码质量扫描, offline: miniprogram-ci's checkCodeQuality over a built mini-program
// with the project's own project.config.json (compression settings, appid). deploy:check fails unless
// every check passes. It reads no private key and sends nothing; the key it asks for is a placeholder.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const require = createRequire(import.meta.url)

/**
 * Runs the scan on a copy of `weappDir` laid out as DevTools opens it (project.config.json beside
 * app.json, miniprogramRoot "./"), so the repository's config is the one judged, not a stale copy
 * in the build, and fixture builds need no config of their own.
 */
export async function codeQuality(weappDir, projectConfigFile) {
  const ci = require('miniprogram-ci')
  const dir = mkdtempSync(join(tmpdir(), 'jf-quality-'))
  try {
    cpSync(weappDir, dir, { recursive: true })
    const config = JSON.parse(readFileSync(projectConfigFile, 'utf8'))
    writeFileSync(join(dir, 'project.config.json'), JSON.stringify({ ...config, miniprogramRoot: './' }))
    const project = new ci.Project({ appid: config.appid, type: 'miniProgram', projectPath: dir, privateKey: 'unused: the offline scan signs nothing' })
    const results = await ci.checkCodeQuality(project)
    const failed = results.filter((r) => !r.success)
    return {
      problems: failed.map((r) => `mini-program code quality ${r.name}: ${r.text}${r.detail && Object.keys(r.detail).length ? ` (${JSON.stringify(r.detail).slice(0, 300)})` : ''}`),
      facts: failed.length === 0 ? [`mini-program code quality: all ${results.length} checks pass (${results.map((r) => r.name).join(', ')})`] : [],
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
