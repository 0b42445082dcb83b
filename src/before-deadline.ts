/**
 * A promise's outcome, or a rejection with `expired()` once `deadline` aborts first. The promise itself is left to
 * settle alone (its late rejection handled): for waits that cannot be cancelled, such as a throttled GitHub request
 * or a Redis command queued on a connection that waits for Redis forever.
 */
export function beforeDeadline<T>(promise: Promise<T>, deadline: AbortSignal, expired: () => Error): Promise<T> {
  if (deadline.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(expired());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(expired());
    deadline.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        deadline.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        deadline.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
