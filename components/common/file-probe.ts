// Synchronous look at a local (temp) file — its size and first bytes — through
// wx.getFileSystemManager(), for checks that must happen BEFORE an upload (image type by magic
// bytes, size limit). Synchronous on purpose: the check, and the one render it causes, happen in
// the same turn as the user's action. Whatever the platform cannot tell is left undefined; callers
// then fall back to weaker evidence (file extension) and let the server check again.
// Used by <authing-avatar-uploader>; generic for any "pick a file, then upload it" component.

export interface FileProbe {
  /** Bytes, when statSync answered. */
  size?: number;
  /** The first `headLength` bytes, when readFileSync could read them. */
  head?: Uint8Array;
}

function fileSystem(): WechatMiniprogram.FileSystemManager | undefined {
  try {
    return typeof wx !== 'undefined' && typeof wx.getFileSystemManager === 'function' ? wx.getFileSystemManager() : undefined;
  } catch (e) {
    return undefined;
  }
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  // Not `instanceof`: buffers can come from another realm (devtools, test runners).
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

export function probeLocalFile(filePath: string, headLength = 16): FileProbe {
  const out: FileProbe = {};
  const fs = fileSystem();
  if (!fs || !filePath) return out;
  try {
    const stats = fs.statSync(filePath, false) as WechatMiniprogram.Stats;
    if (stats && typeof stats.size === 'number' && stats.size >= 0) out.size = stats.size;
  } catch (e) { /* unknown size */ }
  try {
    // readFileSync(path, encoding, position, length): base library >= 2.10.0 for the range.
    const data: unknown = fs.readFileSync(filePath, undefined, 0, headLength);
    if (isArrayBuffer(data)) out.head = new Uint8Array(data);
  } catch (e) { /* unknown content */ }
  return out;
}
