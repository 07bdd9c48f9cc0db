/**
 * The one place errors become answers: `{ error: { code, message, details } }`, with a code of
 * the contract's list (`errorCodeSchema`).
 * Our own errors carry their code and status; zod and body-parser errors are bad requests;
 * anything else is a 500 with a generic message, and its detail goes only to the log.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { ZodError } from "zod";
import type { ErrorCode } from "../../core/api/proxyApi";
import { AppError } from "../errors/AppError";
import { JournalUnavailableError } from "../errors/JournalUnavailableError";
import { UpstreamError } from "../errors/UpstreamError";

interface ErrorBody {
  error: { code: ErrorCode; message: string; details: unknown[] };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const { status, body } = toErrorAnswer(error);
    if (status >= 500 && !(error instanceof AppError)) {
      logger.error({ err: error, method: req.method, path: req.path }, "unhandled error");
    } else if (error instanceof JournalUnavailableError) {
      // The answer says only that the journal failed; the database's own error is for the log.
      logger.error({ err: error.cause ?? error, path: req.path }, error.message);
    } else if (error instanceof UpstreamError) {
      logger.warn(
        {
          code: error.code,
          upstreamCode: error.upstreamCode,
          upstreamStatus: error.upstreamStatus,
          requestId: error.requestId,
          path: req.path,
        },
        error.message,
      );
    }
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}

export function toErrorAnswer(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: {
        // An upstream's request id, where known, is in `details` (UpstreamError puts it there).
        error: { code: error.code, message: error.message, details: error.details },
      },
    };
  }
  if (error instanceof ZodError) {
    return badRequest(
      "The request is not valid.",
      error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    );
  }
  // The router decodes path parameters with decodeURIComponent: "/v1/checkouts/%ZZ" is the
  // caller's malformed URL, not the proxy's failure.
  if (error instanceof URIError) {
    return badRequest("The URL is not validly percent-encoded.");
  }
  const bodyParserType = (error as { type?: unknown } | null)?.type;
  if (bodyParserType === "entity.parse.failed") {
    return badRequest("The body is not valid JSON.");
  }
  if (bodyParserType === "entity.too.large") {
    return badRequest("The body is too large.");
  }
  if (typeof bodyParserType === "string" && bodyParserType.startsWith("encoding.")) {
    return badRequest("The body's encoding is not supported.");
  }
  return {
    status: 500,
    body: {
      error: { code: "INTERNAL", message: "Something went wrong in the proxy.", details: [] },
    },
  };
}

function badRequest(message: string, details: unknown[] = []): { status: number; body: ErrorBody } {
  return { status: 400, body: { error: { code: "BAD_REQUEST", message, details } } };
}

export const notFound: RequestHandler = (req, res) => {
  const body: ErrorBody = {
    error: { code: "NOT_FOUND", message: `No route ${req.method} ${req.path}.`, details: [] },
  };
  res.status(404).json(body);
};
