/** Types of ./components.js (plain CommonJS: the Taro plugin runs it in Node, the mini-program bundles it). */
export declare const ARIA: Record<'View' | 'Text' | 'Image' | 'Button', string[]>
export declare const UNUSED: Record<'View' | 'Text', string[]>
export declare function patchComponents<T extends Record<string, Record<string, string>>>(table: T): T
