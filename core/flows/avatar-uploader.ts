// The avatar file rule of <authing-avatar-uploader> (flow: avatar-uploader-flow.ts): is the picked file an
// image, is it small enough. Pure; the flow feeds it what the platform can tell (path, size, the first
// bytes) and acts on the answer BEFORE anything is uploaded.

export const DEFAULT_MAX_AVATAR_BYTES = 2 * 1024 * 1024;

/** Extensions WeChat's pickers produce for images (chooseAvatar gives jpeg/png temp files). */
export const IMAGE_EXTENSIONS: readonly string[] = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'];

export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

/** Lower-case extension of a path or URL ('' when there is none). */
export function extensionOf(path: string): string {
  const clean = String(path || '').split(/[?#]/)[0];
  const name = clean.slice(clean.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Image type from the file's first bytes ("magic numbers"), or null when they are not an image we accept. */
export function detectImageType(head: ArrayLike<number> | null | undefined): ImageType | null {
  if (!head || head.length < 4) return null;
  // Past the end an index reads undefined, which matches no signature byte.
  const b = (i: number): number | undefined => head[i];
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'gif';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46
    && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'webp';
  if (b(0) === 0x42 && b(1) === 0x4d) return 'bmp';
  return null;
}

export interface PickedFile {
  path: string;
  /** Bytes, when the platform told us (chooseMedia does; chooseAvatar needs a file-info call). */
  size?: number;
  /** chooseMedia's fileType ('image' | 'video'). */
  fileType?: string;
  /** The first bytes of the file when they could be read (12 are enough). */
  head?: ArrayLike<number> | null;
}

export type AvatarProblem =
  | { key: 'notImage' }
  | { key: 'imageTooLarge'; params: { max: string } }
  | { key: 'noFile' };

/**
 * Decides whether a picked file may be uploaded. The strongest evidence wins: the first bytes when
 * readable, else the picker's fileType and the extension. Unknown size or type is let through: the
 * server checks again (magic bytes and size), this check only spares the user a doomed upload.
 */
export function checkAvatarFile(file: PickedFile, maxSize: number = DEFAULT_MAX_AVATAR_BYTES): AvatarProblem | null {
  if (!file || !file.path) return { key: 'noFile' };
  if (file.fileType && file.fileType !== 'image') return { key: 'notImage' };
  if (file.head && file.head.length >= 4) {
    if (!detectImageType(file.head)) return { key: 'notImage' };
  } else {
    const ext = extensionOf(file.path);
    if (ext && IMAGE_EXTENSIONS.indexOf(ext) < 0) return { key: 'notImage' };
  }
  const limit = normalizeMaxSize(maxSize);
  if (typeof file.size === 'number' && file.size > limit) return { key: 'imageTooLarge', params: { max: formatBytes(limit) } };
  if (typeof file.size === 'number' && file.size === 0) return { key: 'notImage' };
  return null;
}

/** A positive byte count; anything else falls back to the 2 MB default. */
export function normalizeMaxSize(value: unknown): number {
  return typeof value === 'number' && isFinite(value) && value > 0 ? Math.floor(value) : DEFAULT_MAX_AVATAR_BYTES;
}

/** 2097152 → '2 MB', 512000 → '500 KB', 900 → '900 B'. */
export function formatBytes(bytes: number): string {
  const trim = (n: number) => String(Math.round(n * 10) / 10);
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} B`;
}
