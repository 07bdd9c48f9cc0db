/** The cursors of the cursor API: matched record ids, handed out `size` at a time. */
import { randomUUID } from "node:crypto";
import { KintoneApiError } from "../KintoneApiError";

/** A cursor of the cursor API: the matched record ids, fetched `size` at a time. */
export interface KintoneCursor {
  id: string;
  appId: string;
  recordIds: string[];
  fields?: string[];
  size: number;
  position: number;
  expiresAt: number;
}

/** Cursors expire 10 minutes after their last use; a domain holds at most 10 (https://cybozu.dev/ja/kintone/docs/rest-api/records/create-cursor/). */
export const CURSOR_LIFETIME_MS = 10 * 60 * 1000;
export const MAX_CURSORS = 10;

export class KintoneCursors {
  private readonly cursors = new Map<string, KintoneCursor>();

  constructor(private readonly now: () => Date) {}

  /** Opens a cursor over what `match` answers (run once the limit is checked). */
  open(
    fields: string[] | undefined,
    size: number,
    match: () => { appId: string; recordIds: string[] },
  ): { id: string; totalCount: string } {
    this.dropExpired();
    if (this.cursors.size >= MAX_CURSORS) {
      // Code as observed from kintone (the documentation names the limit, not the code).
      throw new KintoneApiError(
        400,
        "GAIA_TM12",
        "The number of cursors has reached the limit. Delete unnecessary cursors or try again later.",
      );
    }
    const { appId, recordIds } = match();
    const id = randomUUID();
    this.cursors.set(id, {
      id,
      appId,
      recordIds,
      ...(fields?.length ? { fields } : {}),
      size,
      position: 0,
      expiresAt: this.now().getTime() + CURSOR_LIFETIME_MS,
    });
    return { id, totalCount: String(recordIds.length) };
  }

  /** The ids of the cursor's next page; the cursor is deleted once its last page is read. */
  advance(cursor: KintoneCursor): { pageIds: string[]; next: boolean } {
    const pageIds = cursor.recordIds.slice(cursor.position, cursor.position + cursor.size);
    cursor.position += pageIds.length;
    cursor.expiresAt = this.now().getTime() + CURSOR_LIFETIME_MS;
    const next = cursor.position < cursor.recordIds.length;
    if (!next) this.cursors.delete(cursor.id);
    return { pageIds, next };
  }

  delete(id: string): void {
    this.require(id);
    this.cursors.delete(id);
  }

  /** The cursor, or kintone's `GAIA_CU01` (404). */
  require(id: string): KintoneCursor {
    this.dropExpired();
    const cursor = this.cursors.get(id);
    if (!cursor) {
      throw new KintoneApiError(
        404,
        "GAIA_CU01",
        `The specified cursor (id: ${id}) was not found. It may have expired.`,
      );
    }
    return cursor;
  }

  private dropExpired(): void {
    const now = this.now().getTime();
    for (const [id, cursor] of this.cursors) if (cursor.expiresAt <= now) this.cursors.delete(id);
  }
}
