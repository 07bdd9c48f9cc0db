/** How kintone's asynchronous APIs answer: a promise, or the callbacks when given. */
export type FailureCallback = (error: unknown) => void;

/** Resolves or calls back, the way kintone's asynchronous APIs do. */
export function settle<T>(
  promise: Promise<T>,
  onSuccess?: (value: T) => void,
  onFailure?: FailureCallback,
): Promise<T> | undefined {
  if (onSuccess === undefined) return promise;
  promise.then(onSuccess, (error: unknown) => onFailure?.(error));
  return undefined;
}
