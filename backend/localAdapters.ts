/**
 * Local mode's adapters: the SQLite store, files, sessions and secrets under DATA_DIR, and the
 * stand-ins for WeChat (recorded content checks, subscribe messages to a file, a voip signer).
 * A function's bundle never carries them: scripts/build-functions.mjs builds this file once into
 * cloudfunctions/<name>/local.js beside each index.js, and backend/runtime.ts requires it only in
 * local mode, so a CloudBase cold start loads no SQLite adapter, migrations or stand-ins.
 */
import { resolve } from 'node:path'
import { openSqliteStore } from './adapters/sqlite'
import type { SqliteStoreOptions } from './adapters/sqlite/sqliteStore'
import { LocalFileStore } from './adapters/local/files'
import { qrSvg } from './adapters/local/qrSvg'
import { FileNotifier } from './adapters/local/notifier'
import { RecordedWxOpenApi, blockedWordsFrom } from './adapters/local/recordedWxOpenApi'
import { loadOrCreateSecret } from './adapters/local/secret'
import { LocalSessions } from './adapters/local/session'
import { StandInVoipSigner } from './adapters/local/voipSigner'
import { WechatContentSecurity } from './adapters/wechat/contentSecurity'
import type { Deps } from './deps'
import type { Host } from './host'
import { receiveVerdict } from './mediaVerdicts'

export type LocalAdapters = Pick<Deps, 'store' | 'files' | 'fileUrl' | 'identity' | 'notifier' | 'voipSigner' | 'contentSecurity' | 'qrSvg'> & {
  /** A secret kept in the data directory (made on first use), by file name. */
  secret(name: string): Buffer
}

/** `deps` is the wiring's, for the verdicts' receiver. */
export function localAdapters(h: Host, dir: string, sqlite: SqliteStoreOptions, deps: () => Deps): LocalAdapters {
  const secret = loadOrCreateSecret(dir)
  const files = new LocalFileStore(resolve(dir, 'files'), secret)
  return {
    store: openSqliteStore(dir, sqlite, h.sqliteStores),
    files,
    fileUrl: async (meta) => files.url(meta.id),
    identity: new LocalSessions(secret),
    notifier: new FileNotifier(resolve(dir, 'subscribe-messages.jsonl')),
    // WeChat's documented signature over a stand-in session key: the path runs, WeChat would refuse it.
    voipSigner: new StandInVoipSigner(loadOrCreateSecret(dir, 'voip.secret')),
    // An image verdict reaches the same receiver WeChat's message push does (the cases function).
    contentSecurity: new WechatContentSecurity(new RecordedWxOpenApi(blockedWordsFrom(), (event) => receiveVerdict(h, deps, event))),
    qrSvg,
    secret: (name) => loadOrCreateSecret(dir, name),
  }
}
