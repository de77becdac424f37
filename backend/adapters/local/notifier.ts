import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Notifier, SubscribeMessage } from '../../ports'

/**
 * Locally there is no WeChat to push to; messages land in a JSON-lines file (like a mail
 * catcher) so a developer can see what would have been sent.
 */
export class FileNotifier implements Notifier {
  constructor(private readonly file: string) {}

  async sendSubscribe(msg: SubscribeMessage): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true })
    await appendFile(this.file, `${JSON.stringify({ at: new Date().toISOString(), ...msg })}\n`)
  }
}
