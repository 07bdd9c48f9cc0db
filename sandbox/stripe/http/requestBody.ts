/**
 * Reads request bodies as stripe-node sends them: `application/x-www-form-urlencoded` with
 * bracket notation (`line_items[0][price_data][currency]=jpy`), parsed with qs, and
 * `multipart/form-data` for file uploads, parsed with busboy.
 */
import type { IncomingMessage } from "node:http";
import busboy from "busboy";
import qs from "qs";
import type { ParamObject } from "../params";
import { StripeApiError } from "../StripeApiError";
import type { UploadedFile } from "./Router";

const MAX_FORM_BYTES = 2 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024 + 1; // the largest purpose limit, plus one byte to detect excess

/** Limits high enough for 100 line items with product data each. */
const QS_OPTIONS = { depth: 10, arrayLimit: 1000, parameterLimit: 100_000 };

export function parseForm(text: string): ParamObject {
  return qs.parse(text, QS_OPTIONS) as ParamObject;
}

function tooLarge() {
  return new StripeApiError(413, {
    type: "invalid_request_error",
    message: "The request body is too large.",
  });
}

export function readBody(request: IncomingMessage, limit = MAX_FORM_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(tooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

export function parseMultipart(
  request: IncomingMessage,
): Promise<{ params: ParamObject; file?: UploadedFile }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
      });
    } catch (error) {
      reject(
        new StripeApiError(400, {
          type: "invalid_request_error",
          message: `Invalid multipart/form-data request: ${(error as Error).message}`,
        }),
      );
      return;
    }
    const fields: string[] = [];
    let file: UploadedFile | undefined;
    let truncated = false;
    parser.on("field", (name, value) => {
      fields.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    });
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => (truncated = true));
      stream.on("end", () => {
        if (name === "file") {
          file = {
            bytes: Buffer.concat(chunks),
            filename: info.filename ?? "file",
            mimeType: info.mimeType,
          };
        }
      });
    });
    parser.on("close", () => {
      if (truncated) reject(tooLarge());
      else resolve({ params: parseForm(fields.join("&")), ...(file ? { file } : {}) });
    });
    parser.on("error", (error: Error) =>
      reject(
        new StripeApiError(400, {
          type: "invalid_request_error",
          message: `Invalid multipart/form-data request: ${error.message}`,
        }),
      ),
    );
    request.pipe(parser);
  });
}
