/**
 * Files (https://docs.stripe.com/api/files, https://docs.stripe.com/file-upload) uploaded as
 * multipart/form-data — on files.stripe.com in production, on the emulator's own port here — and
 * file links (https://docs.stripe.com/api/file_links), whose `url` the emulator serves publicly.
 * `business_logo` files must be JPEG, PNG or GIF (checked by their bytes) of at most 512 KB.
 */
import crypto from "node:crypto";
import type { EmulatorContext } from "../EmulatorContext";
import { mergeMetadata, missingParam, ParamReader, UNSET } from "../params";
import { invalidParam, invalidRequest, requireFound, resourceMissing } from "../StripeApiError";
import { newestFirst, randomId } from "../StripeStore";
import type { FileLink, StripeFile } from "../stripeObjects";
import { RawBody, type Router } from "../http/Router";
import { createdFilter, fieldFilter, registerList, registerRetrieve } from "./listAndRetrieve";

export const FILE_PURPOSES = [
  "account_requirement",
  "additional_verification",
  "business_icon",
  "business_logo",
  "customer_signature",
  "dispute_evidence",
  "identity_document",
  "issuing_regulatory_reporting",
  "pci_document",
  "tax_document_user_upload",
  "terminal_android_apk",
  "terminal_reader_splashscreen",
] as const;

/** "Creating a link is only possible when the file's purpose is one of the following" (files/create). */
const LINKABLE_PURPOSES = new Set([
  "business_icon",
  "business_logo",
  "customer_signature",
  "dispute_evidence",
  "issuing_regulatory_reporting",
  "pci_document",
  "tax_document_user_upload",
  "terminal_android_apk",
  "terminal_reader_splashscreen",
]);

interface PurposeRule {
  types: string[];
  maxBytes: number;
}
const KB = 1024;
const MB = 1024 * KB;
/** The purposes table of https://docs.stripe.com/file-upload (types and max sizes). */
const PURPOSE_RULES: Record<string, PurposeRule> = {
  account_requirement: { types: ["pdf", "jpg", "png"], maxBytes: 64 * MB },
  additional_verification: { types: ["pdf", "jpg", "png"], maxBytes: 16 * MB },
  business_icon: { types: ["jpg", "png", "gif"], maxBytes: 512 * KB },
  business_logo: { types: ["jpg", "png", "gif"], maxBytes: 512 * KB },
  customer_signature: { types: ["jpg", "png"], maxBytes: 4 * MB },
  dispute_evidence: { types: ["pdf", "jpg", "png"], maxBytes: 5 * MB },
  identity_document: { types: ["pdf", "jpg", "png"], maxBytes: 32 * MB },
  pci_document: { types: ["pdf"], maxBytes: 16 * MB },
};
/** Purposes without a row in the table get the common 32 MB limit. */
const DEFAULT_MAX_BYTES = 32 * MB;

/** The file's type from its first bytes, as Stripe reports it in `type`. */
export function detectFileType(bytes: Buffer): { type: string; mimeType: string } | undefined {
  const starts = (signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts([0xff, 0xd8, 0xff])) return { type: "jpg", mimeType: "image/jpeg" };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { type: "png", mimeType: "image/png" };
  }
  const head = bytes.subarray(0, 6).toString("latin1");
  if (head === "GIF87a" || head === "GIF89a") return { type: "gif", mimeType: "image/gif" };
  if (head.startsWith("%PDF-")) return { type: "pdf", mimeType: "application/pdf" };
  return undefined;
}

export function registerFileRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context;

  function findFile(id: string, param = "id", status = 404): StripeFile {
    const file = store.files.get(id);
    if (!file) throw resourceMissing("file", id, param, status);
    return file;
  }

  function createLink(
    file: StripeFile,
    livemode: boolean,
    expiresAt: number | undefined,
    metadata: Record<string, string>,
  ): FileLink {
    if (!LINKABLE_PURPOSES.has(file.purpose)) {
      throw invalidRequest(
        `Cannot create file links for files with purpose \`${file.purpose}\`.`,
        undefined,
        "file",
      );
    }
    const token = crypto.randomBytes(24).toString("base64url");
    const link: FileLink = {
      id: randomId("link_"),
      object: "file_link",
      created: store.now(),
      expired: false,
      expires_at: expiresAt ?? null,
      file: file.id,
      livemode,
      metadata,
      url: `${context.config.publicBaseUrl}/links/${token}`,
    };
    store.fileLinks.set(link.id, link);
    store.fileLinkTokens.set(token, link.id);
    return link;
  }

  /** Links expire by emulator time. */
  function current(link: FileLink): FileLink {
    link.expired = link.expires_at !== null && link.expires_at <= store.now();
    return link;
  }

  function withLinks(file: StripeFile): StripeFile {
    const links = newestFirst(store.fileLinks.values())
      .filter((link) => link.file === file.id)
      .map(current);
    return {
      ...file,
      links: {
        object: "list",
        data: links.slice(0, 10),
        has_more: links.length > 10,
        url: `/v1/file_links?file=${file.id}`,
      },
    };
  }

  function readExpiresAt(params: ParamReader): number | undefined {
    const expiresAt = params.integer("expires_at");
    if (expiresAt !== undefined && expiresAt <= store.now()) {
      throw invalidParam(
        params.name("expires_at"),
        "The expires_at timestamp must be in the future.",
      );
    }
    return expiresAt;
  }

  router.post("/v1/files", "file_write", (request) => {
    const params = ParamReader.from(request.params).allowOnly([
      "file",
      "purpose",
      "file_link_data",
    ]);
    const upload = request.file;
    if (!upload) throw missingParam("file");
    const purpose = params.enumOf("purpose", FILE_PURPOSES, { required: true }) as string;
    const linkData = params.object("file_link_data", ["create", "expires_at", "metadata"]);
    const detected = detectFileType(upload.bytes);
    const rule = PURPOSE_RULES[purpose];
    if (rule && (!detected || !rule.types.includes(detected.type))) {
      throw invalidParam(
        "file",
        `Invalid file: must be one of the following types for purpose '${purpose}': ${rule.types.join(", ")}.`,
      );
    }
    const maxBytes = rule?.maxBytes ?? DEFAULT_MAX_BYTES;
    if (upload.bytes.length > maxBytes) {
      throw invalidParam(
        "file",
        `File size ${upload.bytes.length} bytes exceeds the maximum of ${maxBytes / KB} KB for files with purpose '${purpose}'.`,
      );
    }
    const createLinkNow = linkData?.boolean("create", { required: true }) ?? false;
    const linkExpiresAt = linkData ? readExpiresAt(linkData) : undefined;
    const linkMetadata = mergeMetadata({}, linkData?.metadata());
    const id = randomId("file_");
    const extension = detected?.type ?? upload.filename.split(".").pop()?.toLowerCase() ?? null;
    const file: StripeFile = {
      id,
      object: "file",
      created: store.now(),
      expires_at: null,
      filename: upload.filename,
      links: null,
      purpose,
      size: upload.bytes.length,
      title: null,
      type: extension,
      url: `${context.config.publicBaseUrl}/v1/files/${id}/contents`,
    };
    store.files.set(id, file);
    store.fileContents.set(id, {
      bytes: upload.bytes,
      mimeType: detected?.mimeType ?? (upload.mimeType || "application/octet-stream"),
    });
    if (createLinkNow) createLink(file, request.apiKey.livemode, linkExpiresAt, linkMetadata);
    return withLinks(file);
  });

  router.get("/v1/files/:id", "file_read", (request) => {
    ParamReader.from(request.params).allowOnly([]);
    return withLinks(findFile(request.pathParams.id ?? ""));
  });

  router.get("/v1/files/:id/contents", "file_read", (request) => {
    const file = findFile(request.pathParams.id ?? "");
    const contents = store.fileContents.get(file.id);
    return new RawBody(
      contents?.bytes ?? Buffer.alloc(0),
      contents?.mimeType ?? "application/octet-stream",
    );
  });

  registerList(router, "/v1/files", "file", {
    filters: [fieldFilter("purpose", FILE_PURPOSES), createdFilter()],
    items: () => store.files.values(),
    renderer: () => withLinks,
  });

  router.post("/v1/file_links", "file_link_write", (request) => {
    const params = ParamReader.from(request.params).allowOnly(["file", "expires_at", "metadata"]);
    const fileId = params.requiredString("file");
    const expiresAt = readExpiresAt(params);
    const metadata = mergeMetadata({}, params.metadata());
    const file = findFile(fileId, "file", 400);
    return createLink(file, request.apiKey.livemode, expiresAt, metadata);
  });

  registerRetrieve(router, "/v1/file_links/:id", "file_link", (id) => {
    const link = store.fileLinks.get(id);
    return link && current(link);
  });

  router.post("/v1/file_links/:id", "file_link_write", (request) => {
    const id = request.pathParams.id ?? "";
    const link = requireFound(store.fileLinks.get(id), id, request.apiKey.livemode, "file_link");
    const params = ParamReader.from(request.params, "update").allowOnly(["expires_at", "metadata"]);
    if (params.raw.expires_at === "now") link.expires_at = store.now();
    else if (params.raw.expires_at === "") link.expires_at = null;
    else {
      const expiresAt = readExpiresAt(params);
      if (expiresAt !== undefined) link.expires_at = expiresAt;
    }
    const metadata = params.metadata();
    link.metadata = mergeMetadata(link.metadata, metadata === UNSET ? UNSET : metadata);
    return current(link);
  });

  registerList(router, "/v1/file_links", "file_link", {
    filters: [fieldFilter("file"), fieldFilter("expired", "boolean"), createdFilter()],
    items: () => [...store.fileLinks.values()].map(current),
    livemodeOf: (link) => link.livemode,
  });
}

/** The bytes behind a public file link url, or undefined when unknown or expired. */
export function fileLinkContents(
  context: EmulatorContext,
  token: string,
): { bytes: Buffer; mimeType: string } | undefined {
  const linkId = context.store.fileLinkTokens.get(token);
  const link = linkId ? context.store.fileLinks.get(linkId) : undefined;
  if (!link) return undefined;
  if (link.expires_at !== null && link.expires_at <= context.store.now()) return undefined;
  return context.store.fileContents.get(link.file);
}
