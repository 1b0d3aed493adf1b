/**
 * Opens a data file for reading, turning the operating system's errors into one line the user can act on.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { DataFileError } from './table';

export interface OpenedFile {
  handle: FileHandle;
  size: number;
}

/** @throws {DataFileError} when the path is missing, a folder, or not readable. */
export async function openDataFile(path: string): Promise<OpenedFile> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new DataFileError(path, `${path} is a folder, not a data file — pick a .csv, .tsv, .arrow or .feather file`);
    const handle = await open(path, 'r');
    return { handle, size: st.size };
  } catch (err) {
    if (err instanceof DataFileError) throw err;
    throw new DataFileError(path, describeOpenError(path, err));
  }
}

/** The one line shown for an error thrown by `stat`/`open` on `path`. */
export function describeOpenError(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${path} does not exist — check the path`;
  if (code === 'EACCES' || code === 'EPERM') return `${path} cannot be read: permission denied — check the file's permissions`;
  if (code === 'ENOTDIR') return `${path} does not exist: a part of the path is not a folder`;
  if (code === 'EISDIR') return `${path} is a folder, not a data file`;
  return `${path} cannot be opened: ${(err as Error).message ?? String(err)}`;
}

/** Reads up to `length` bytes from the start of the file (for sniffing formats and delimiters). */
export async function readHead(handle: FileHandle, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, 0);
  return buf.subarray(0, bytesRead);
}
