/** Uploaded files: temporary keys from POST /k/v1/file.json, and the permanent keys FILE values hold. */
import { randomUUID } from "node:crypto";
import type { KintoneFile } from "../../../core/kintone/KintoneRecord";
import { KintoneApiError } from "../KintoneApiError";
import { randomKey } from "./randomKey";

export interface StoredFile {
  bytes: Uint8Array;
  name: string;
  contentType: string;
}

export type KeptFile = StoredFile & { temporary: boolean; createdAt: number };

/** Temporary file keys from POST /k/v1/file.json live three days (https://cybozu.dev/ja/kintone/docs/rest-api/files/upload-file/). */
const TEMPORARY_FILE_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;

export class StoredFiles {
  private readonly files = new Map<string, KeptFile>();

  constructor(private readonly now: () => Date) {}

  /** Like POST /k/v1/file.json: keeps the bytes under a temporary fileKey that a FILE field value then attaches. */
  put(bytes: Uint8Array, name: string, contentType: string): { fileKey: string } {
    const fileKey = randomUUID();
    this.files.set(fileKey, {
      bytes,
      name,
      contentType,
      temporary: true,
      createdAt: this.now().getTime(),
    });
    return { fileKey };
  }

  get(fileKey: string): StoredFile | undefined {
    const file = this.files.get(fileKey);
    if (!file || (file.temporary && this.isExpiredTemporary(file.createdAt))) return undefined;
    return { bytes: file.bytes, name: file.name, contentType: file.contentType };
  }

  /** Copies a live temporary file under a new permanent key, as a FILE value; else kintone's GAIA_BL01. */
  attachTemporary(fileKey: string): KintoneFile {
    const file = this.files.get(fileKey);
    if (!file || !file.temporary || this.isExpiredTemporary(file.createdAt)) {
      throw new KintoneApiError(400, "GAIA_BL01", `The specified file (id: ${fileKey}) not found.`);
    }
    const permanentKey = `${this.now().toISOString().slice(0, 10).replace(/-/g, "")}${randomKey()}`;
    this.files.set(permanentKey, { ...file, temporary: false });
    return {
      contentType: file.contentType,
      fileKey: permanentKey,
      name: file.name,
      size: String(file.bytes.byteLength),
    };
  }

  delete(fileKey: string): void {
    this.files.delete(fileKey);
  }

  /** Every kept file with its key, as `replaceAll` takes them back. */
  entries(): Array<[string, KeptFile]> {
    return [...this.files.entries()];
  }

  replaceAll(entries: Iterable<[string, KeptFile]>): void {
    this.files.clear();
    for (const [key, file] of entries) this.files.set(key, file);
  }

  private isExpiredTemporary(createdAt: number): boolean {
    return this.now().getTime() - createdAt > TEMPORARY_FILE_LIFETIME_MS;
  }
}
