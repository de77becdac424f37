/**
 * The CloudBase adapters built from the function's environment. Inside a cloud function the
 * SDK takes the environment and temporary credentials from the runtime; elsewhere (scripts,
 * the contract test) CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY and optionally
 * CLOUDBASE_REGION say where.
 */
import * as tcb from '@cloudbase/node-sdk'
import type { FileMeta, FileStore, Identity, Store } from '../../ports'
import { CloudbaseFileStore } from './files'
import { CloudbaseIdentity } from './identity'
import { CloudbaseStore } from './store'

export interface CloudbaseParts {
  store: Store
  files: FileStore
  fileUrl(meta: FileMeta): Promise<string>
  fileUrls(metas: readonly FileMeta[]): Promise<string[]>
  identity: Identity
}

export function initApp(env: NodeJS.ProcessEnv = process.env): ReturnType<typeof tcb.init> {
  const secretId = env.TENCENTCLOUD_SECRETID
  const secretKey = env.TENCENTCLOUD_SECRETKEY
  return tcb.init({
    env: env.CLOUDBASE_ENV_ID || tcb.SYMBOL_CURRENT_ENV,
    // Both or neither: the SDK refuses half a pair. In a function the runtime supplies them.
    ...(secretId && secretKey && !env.SCF_NAMESPACE ? { secretId, secretKey } : {}),
    // Environments outside ap-shanghai need their region's endpoint when called from outside.
    ...(env.CLOUDBASE_REGION ? { region: env.CLOUDBASE_REGION } : {}),
    // Another endpoint for the whole API (a private gateway; the bench's and tests' fake).
    ...(env.CLOUDBASE_SERVICE_URL ? { serviceUrl: env.CLOUDBASE_SERVICE_URL } : {}),
    timeout: 8000,
  })
}

export function createCloudbaseDeps(env: NodeJS.ProcessEnv = process.env): CloudbaseParts {
  const app = initApp(env)
  // Inside a function the runtime names the environment (TCB_ENV, else SCF_NAMESPACE); scripts give CLOUDBASE_ENV_ID.
  const files = new CloudbaseFileStore(app, undefined, env.CLOUDBASE_ENV_ID || env.TCB_ENV || env.SCF_NAMESPACE || '')
  return {
    store: new CloudbaseStore(app.database()),
    files,
    fileUrl: (meta) => files.tempUrl(meta.storageKey),
    fileUrls: (metas) => files.tempUrls(metas.map((m) => m.storageKey)),
    // No fallback to the process environment: a warm container may still hold a previous caller.
    identity: new CloudbaseIdentity(),
  }
}
