/** Interactive console placeholder; replaced by the real console. */
export async function runConsole(): Promise<void> {}
