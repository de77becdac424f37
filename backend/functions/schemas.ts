import { z } from 'zod'

/** Shapes of the events in src/contracts/api.ts, checked at the function boundary. */
export const empty = z.object({}).strict()

export const lng = z.number({ invalid_type_error: '经度必须是数字' }).finite().min(-180, '经度超出范围').max(180, '经度超出范围')
export const lat = z.number({ invalid_type_error: '纬度必须是数字' }).finite().min(-90, '纬度超出范围').max(90, '纬度超出范围')

export const point = z.object({ lng, lat }).strict()

export const id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '编号格式不正确')

export const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '幂等键格式不正确')

export const imageType = z.enum(['image/jpeg', 'image/png', 'image/webp'], {
  errorMap: () => ({ message: '只支持 JPG、PNG、WebP 格式的照片' }),
})

export const submitReport = z
  .object({
    idempotencyKey,
    category: z.string().min(1, '请选择问题分类').max(16),
    description: z.string().trim().min(5, '问题描述至少 5 个字').max(500, '问题描述最多 500 个字'),
    photos: z.array(id).max(9, '最多上传 9 张照片'),
    location: z
      .object({ lng, lat, address: z.string().trim().min(1, '请填写地址').max(120, '地址最多 120 个字') })
      .strict(),
    anonymous: z.boolean(),
  })
  .strict()

export const page = z
  .object({ before: id.optional(), limit: z.number().int().min(1).max(50).optional() })
  .strict()

// base64 of 5 MB is about 6.7 MB of text; anything longer is refused before decoding.
export const uploadPhoto = z
  .object({ contentBase64: z.string().min(1).max(7_000_000, '照片不能超过 5 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, '照片编码不正确'), contentType: imageType })
  .strict()

export const registerPhoto = z
  .object({ cloudFileId: z.string().regex(/^cloud:\/\/[\w.\-/]+$/, '云文件编号不正确').max(300), contentType: imageType, size: z.number().int().positive() })
  .strict()
