import * as files from '../usecases/files'
import { action, defineFunction } from './handler'
import { registerPhoto, uploadPhoto } from './schemas'

export const main = defineFunction('files', {
  upload: action(uploadPhoto, files.upload),
  register: action(registerPhoto, files.register),
})
