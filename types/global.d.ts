/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** Build platform, set by `taro build --type`. */
    TARO_ENV: 'weapp' | 'h5' | undefined
    /** H5 only: 'http' talks to the local server, 'cloudbase' to CloudBase with @cloudbase/js-sdk. */
    TARO_APP_TRANSPORT?: 'http' | 'cloudbase'
    /** CloudBase environment id; empty means the mini-program's current (DYNAMIC_CURRENT_ENV). */
    TARO_APP_CLOUDBASE_ENV?: string
  }
}
