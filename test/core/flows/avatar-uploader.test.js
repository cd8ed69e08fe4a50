// Unit tests of core/flows/avatar-uploader (built output): the checks made before any upload.
const {
  extensionOf, detectImageType, checkAvatarFile, normalizeMaxSize, formatBytes, DEFAULT_MAX_AVATAR_BYTES,
} = require('../../helpers/kit').internal('core/flows/avatar-uploader');
const { AVATAR_TEXTS } = require('../../helpers/kit').internal('components/avatar-uploader/texts');

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46];
const GIF = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61];
const WEBP = [0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50];
const TEXT = Array.from(Buffer.from('hello, world'));

test('extensionOf handles temp paths, URLs and names without extension', () => {
  expect(extensionOf('http://tmp/abc.JPEG')).toBe('jpeg');
  expect(extensionOf('wxfile://tmp_a1b2.png?x=1#y')).toBe('png');
  expect(extensionOf('/tmp/dir.d/file')).toBe('');
  expect(extensionOf('.hidden')).toBe('');
  expect(extensionOf('')).toBe('');
});

test('detectImageType reads magic bytes', () => {
  expect(detectImageType(PNG)).toBe('png');
  expect(detectImageType(new Uint8Array(JPEG))).toBe('jpeg');
  expect(detectImageType(GIF)).toBe('gif');
  expect(detectImageType(WEBP)).toBe('webp');
  expect(detectImageType([0x42, 0x4d, 0, 0])).toBe('bmp');
  expect(detectImageType(TEXT)).toBeNull();
  expect(detectImageType([0x89, 0x50])).toBeNull();
  expect(detectImageType(null)).toBeNull();
});

describe('checkAvatarFile', () => {
  test('accepts an image within the limit', () => {
    expect(checkAvatarFile({ path: '/tmp/a.png', size: 1000, head: PNG }, 2000)).toBeNull();
    expect(checkAvatarFile({ path: 'http://tmp/noext', size: 10 })).toBeNull(); // unknown type: the server checks
    expect(checkAvatarFile({ path: '/tmp/a.jpg' })).toBeNull(); // unknown size: the server checks
  });

  test('magic bytes beat the extension both ways', () => {
    expect(checkAvatarFile({ path: '/tmp/fake.png', size: 12, head: TEXT })).toEqual({ key: 'notImage' });
    expect(checkAvatarFile({ path: '/tmp/photo.bin', size: 12, head: JPEG })).toBeNull();
  });

  test('refuses non-image extensions and non-image picker results', () => {
    expect(checkAvatarFile({ path: '/tmp/notes.txt', size: 5 })).toEqual({ key: 'notImage' });
    expect(checkAvatarFile({ path: '/tmp/clip.mp4', size: 5, fileType: 'video' })).toEqual({ key: 'notImage' });
    expect(checkAvatarFile({ path: '/tmp/empty.png', size: 0 })).toEqual({ key: 'notImage' });
    expect(checkAvatarFile({ path: '' })).toEqual({ key: 'noFile' });
  });

  test('refuses oversize files with the limit in the message params', () => {
    expect(checkAvatarFile({ path: '/tmp/a.png', size: DEFAULT_MAX_AVATAR_BYTES + 1, head: PNG }))
      .toEqual({ key: 'imageTooLarge', params: { max: '2 MB' } });
    expect(checkAvatarFile({ path: '/tmp/a.png', size: 600 * 1024, head: PNG }, 500 * 1024))
      .toEqual({ key: 'imageTooLarge', params: { max: '500 KB' } });
    expect(checkAvatarFile({ path: '/tmp/a.png', size: 2048 }, 2048)).toBeNull(); // the limit itself is allowed
  });
});

test('normalizeMaxSize / formatBytes', () => {
  expect(normalizeMaxSize(1000)).toBe(1000);
  expect(normalizeMaxSize(0)).toBe(DEFAULT_MAX_AVATAR_BYTES);
  expect(normalizeMaxSize(-5)).toBe(DEFAULT_MAX_AVATAR_BYTES);
  expect(normalizeMaxSize('big')).toBe(DEFAULT_MAX_AVATAR_BYTES);
  expect(formatBytes(2 * 1024 * 1024)).toBe('2 MB');
  expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
  expect(formatBytes(512000)).toBe('500 KB');
  expect(formatBytes(900)).toBe('900 B');
});

test('texts exist in both languages with the same keys', () => {
  expect(Object.keys(AVATAR_TEXTS['en-US']).sort()).toEqual(Object.keys(AVATAR_TEXTS['zh-CN']).sort());
  expect(AVATAR_TEXTS['zh-CN'].imageTooLarge).toContain('{max}');
  expect(AVATAR_TEXTS['en-US'].imageTooLarge).toContain('{max}');
});
