import { fileURLToPath } from 'node:url';

/** Absolute path of a file or folder at the project root (data lives beside `src/`). */
export function projectPath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../${parts.join('/')}`, import.meta.url));
}
