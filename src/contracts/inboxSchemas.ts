import { z } from 'zod'

/** Inputs of the `inbox` function (types in inbox.ts). */

export const inboxPage = z.object({ before: z.string().max(100).optional(), limit: z.number().int().min(1).max(100).optional() }).strict()

export const markRead = z.object({ ids: z.array(z.string().max(100)).max(200).optional(), all: z.boolean().optional() }).strict()

export const subscribe = z.object({ accepted: z.array(z.string().max(64)).max(10) }).strict()
