/** file.json: download a file, upload one for a FILE field (https://cybozu.dev/ja/kintone/docs/rest-api/files/). */
import Busboy from "busboy";
import { KintoneApiError, invalidInput } from "../KintoneApiError";
import type { KintoneStore } from "../KintoneStore";
import { param, required, requireCaller, type ApiCall, type KintoneRequest } from "./apiCall";
import type { RestRoutes } from "./restRoutes";

/** Files up to 1 GB (https://jp.cybozu.help/k/ja/user/app_settings/form/form_parts/file.html). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export function defineFileRoutes({ router, handle }: RestRoutes, store: KintoneStore): void {
  router.get(
    "/file.json",
    handle((req, res) => {
      requireFilePath(req);
      const fileKey = param(req, "fileKey");
      if (typeof fileKey !== "string" || !fileKey) throw required("fileKey");
      const file = store.getFile(fileKey);
      if (!file)
        throw new KintoneApiError(
          404,
          "GAIA_BL01",
          `The specified file (id: ${fileKey}) not found.`,
        );
      res.status(200);
      res.setHeader("Content-Type", file.contentType);
      res.setHeader("Content-Length", String(file.bytes.byteLength));
      res.setHeader(
        "Content-Disposition",
        `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      );
      res.end(Buffer.from(file.bytes));
      return undefined;
    }),
  );

  router.post("/file.json", (req: KintoneRequest, res, next) => {
    try {
      requireFilePath(req);
    } catch (error) {
      next(error);
      return;
    }
    uploadFile(store, req).then((body) => res.json(body), next);
  });
}

/** A file names no app: an API token's apps must be reachable on the call's path. */
function requireFilePath(req: ApiCall): void {
  const caller = requireCaller(req);
  if (caller.kind === "token") for (const appId of caller.grants.keys()) req.checkAppPath?.(appId);
}

/** POST /k/v1/file.json: multipart with one part named `file`; answers a temporary fileKey. */
function uploadFile(store: KintoneStore, req: KintoneRequest): Promise<{ fileKey: string }> {
  return new Promise((resolve, reject) => {
    if (!req.is("multipart/form-data")) {
      reject(invalidInput({ file: { messages: ["Required field."] } }));
      return;
    }
    let busboy: ReturnType<typeof Busboy>;
    try {
      busboy = Busboy({ headers: req.headers, limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
    } catch {
      reject(invalidInput({ file: { messages: ["Invalid multipart body."] } }));
      return;
    }
    let upload: { bytes: Buffer; name: string; contentType: string } | undefined;
    let requestToken: string | undefined;
    let tooLarge = false;
    busboy.on("field", (name, value) => {
      if (name === "__REQUEST_TOKEN__") requestToken = value;
    });
    busboy.on("file", (name, stream, info) => {
      if (name !== "file") {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => {
        tooLarge = true;
      });
      stream.on("end", () => {
        upload = {
          bytes: Buffer.concat(chunks),
          name: info.filename ?? "file",
          contentType: info.mimeType || "application/octet-stream",
        };
      });
    });
    busboy.on("error", () =>
      reject(invalidInput({ file: { messages: ["Invalid multipart body."] } })),
    );
    busboy.on("close", () => {
      if (req.caller?.kind === "session" && requestToken !== req.caller.requestToken) {
        reject(
          new KintoneApiError(
            400,
            "CB_IL02",
            "Illegal request: the request token is missing or wrong.",
          ),
        );
        return;
      }
      if (tooLarge) {
        reject(invalidInput({ file: { messages: ["The file is too large."] } }));
        return;
      }
      if (!upload) {
        reject(invalidInput({ file: { messages: ["Required field."] } }));
        return;
      }
      resolve(store.putFile(new Uint8Array(upload.bytes), upload.name, upload.contentType));
    });
    req.pipe(busboy);
  });
}
