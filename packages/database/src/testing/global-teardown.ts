/** Jest global teardown: stop the embedded server the setup started, deleting its files. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.shequTestServer?.stop();
}
