/** One HTTP request to a running proxy with its shared secret, and the answer read whole. */
export interface ProxyAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON freely
  body: any;
  text: string;
  headers: Headers;
}

export interface CallOptions {
  /** Sent as `content-type`; default application/json when there is a body. */
  contentType?: string;
  /** Extra headers, sent last: `authorization` here replaces the secret's. */
  headers?: Record<string, string>;
  /** The body's bytes as they are, instead of the body as JSON. */
  raw?: boolean;
  signal?: AbortSignal;
}

export async function callProxy(
  baseUrl: string,
  secret: string,
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<ProxyAnswer> {
  const payload =
    body === undefined
      ? undefined
      : options.raw
        ? (body as string | Uint8Array)
        : JSON.stringify(body);
  const contentType =
    options.contentType ?? (payload !== undefined ? "application/json" : undefined);
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      authorization: `Bearer ${secret}`,
      ...(contentType !== undefined ? { "content-type": contentType } : {}),
      ...options.headers,
    },
    body: payload,
    signal: options.signal,
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}
