// The platform seam: everything the client needs from wx / Taro / uni, promise-shaped.
// Adapters (wechat.ts, taro.ts, uni.ts) map each platform's callback APIs onto this.

export interface PlatformRequest {
  url: string;
  method: 'GET' | 'POST';
  header: Record<string, string>;
  /** Object: JSON for POST, query for GET; string: sent as-is (form bodies). */
  data?: Record<string, unknown> | string;
  timeout: number;
}

export interface PlatformResponse {
  statusCode: number;
  /** Parsed JSON when the platform could parse it, else the raw text. */
  data: unknown;
  header?: Record<string, string>;
}

export interface PlatformUpload {
  url: string;
  filePath: string;
  name: string;
  header: Record<string, string>;
  formData?: Record<string, string>;
  timeout: number;
  onProgress?: (percent: number) => void;
}

export interface PlatformUploadResponse {
  statusCode: number;
  /** Upload responses are always text on every platform. */
  data: string;
}

export interface ChosenImage {
  tempFilePath: string;
  size: number;
  /** 'image' when the platform says so; adapters pick images only. */
  fileType?: string;
}

/** A platform failure: `errMsg` as the platform gave it (e.g. `request:fail timeout`). */
export interface PlatformError {
  errMsg: string;
  errno?: number;
}

export interface Platform {
  /** 'wx' | 'taro' | 'uni' — for diagnostics only. */
  readonly name: string;
  request(req: PlatformRequest): Promise<PlatformResponse>;
  uploadFile(req: PlatformUpload): Promise<PlatformUploadResponse>;
  getStorage<T>(key: string): Promise<T | undefined>;
  setStorage(key: string, value: unknown): Promise<void>;
  removeStorage(key: string): Promise<void>;
  /** A fresh login code (`wx.login`). */
  login(): Promise<string>;
  chooseImage(): Promise<ChosenImage>;
  /** Cryptographically secure random bytes (`wx.getRandomValues`). */
  getRandomValues(length: number): Promise<Uint8Array>;
}
