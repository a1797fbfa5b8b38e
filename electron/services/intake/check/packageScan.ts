/**
 * Walks a delivery package without ever following a link: one folder per person whose name holds
 * the ID number (default layout), page images inside it (subfolders = volumes), an optional item list
 * (.xlsx/.csv). Symlinks, special files and names that try to climb out (`..`, separators) are
 * reported as UNSAFE_PATH and never opened.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { compareByTrailingNumber } from './pageOrder';

/** Extensions read as page images (their real format is checked from the bytes). */
export const PAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.jpe', '.jfif', '.tif', '.tiff']);
/** Image (or page-like) files that are pages but not in an accepted format. */
export const OTHER_IMAGE_EXTENSIONS = new Set(['.png', '.bmp', '.gif', '.webp', '.jp2', '.j2k', '.jpf', '.jpx', '.heic', '.heif', '.avif', '.pdf', '.svg', '.ofd']);
export const ITEM_LIST_EXTENSIONS = new Set(['.xlsx', '.xls', '.csv']);
const ID_IN_NAME = /(\d{17}[\dXx])(?!\d)/;

export interface ImageFile {
  /** Path relative to the package root, forward slashes. */
  rel: string;
  abs: string;
  /** Relative path of its volume folder inside the person folder ('' when directly inside). */
  volume: string;
}

export interface PersonFolder {
  rel: string;
  abs: string;
  /** The ID number in the folder name, upper-case X. */
  idNumber: string;
  /** In page order: volumes in order, pages by trailing number. */
  images: ImageFile[];
  itemLists: ImageFile[];
}

export interface UnsafeEntry {
  rel: string;
  reason: 'symlink' | 'special' | 'name' | 'depth' | 'too-many' | 'unreadable';
}

export interface PackageScan {
  root: string;
  persons: PersonFolder[];
  /** Folders holding page images whose name has no ID number. */
  strayFolders: { rel: string; images: number }[];
  /** Page images lying outside any person folder (e.g. in the package root). */
  strayImages: string[];
  unsafe: UnsafeEntry[];
}

export interface ScanLimits {
  maxDepth: number;
  maxEntries: number;
}

const DEFAULT_LIMITS: ScanLimits = { maxDepth: 8, maxEntries: 500_000 };

function isHidden(name: string): boolean {
  return name.startsWith('.') || /^(thumbs\.db|desktop\.ini|~\$.*)$/i.test(name);
}

/** Names no file system should hand us, but a crafted archive extraction might. */
function unsafeName(name: string): boolean {
  return name === '..' || name === '.' || /[/\\]/.test(name) || name.includes('\0');
}

export function idInFolderName(name: string): string | null {
  const m = ID_IN_NAME.exec(name.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)));
  return m?.[1] ? m[1].toUpperCase() : null;
}

function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

interface WalkState {
  root: string;
  limits: ScanLimits;
  entries: number;
  unsafe: UnsafeEntry[];
}

type Entry = { kind: 'dir' | 'file'; name: string; abs: string };

async function list(dir: string, st: WalkState, depth: number): Promise<Entry[]> {
  if (depth > st.limits.maxDepth) {
    st.unsafe.push({ rel: toRel(st.root, dir), reason: 'depth' });
    return [];
  }
  let dirents;
  try {
    dirents = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    // No permission (or it vanished): reported, and the rest of the package is still checked.
    st.unsafe.push({ rel: toRel(st.root, dir), reason: 'unreadable' });
    return [];
  }
  const out: Entry[] = [];
  for (const d of dirents) {
    const abs = path.join(dir, d.name);
    if (++st.entries > st.limits.maxEntries) {
      st.unsafe.push({ rel: toRel(st.root, dir), reason: 'too-many' });
      break;
    }
    if (unsafeName(d.name)) st.unsafe.push({ rel: toRel(st.root, dir) + '/' + d.name, reason: 'name' });
    else if (d.isSymbolicLink()) st.unsafe.push({ rel: toRel(st.root, abs), reason: 'symlink' });
    else if (d.isDirectory()) out.push({ kind: 'dir', name: d.name, abs });
    else if (d.isFile()) {
      if (!isHidden(d.name)) out.push({ kind: 'file', name: d.name, abs });
    } else st.unsafe.push({ rel: toRel(st.root, abs), reason: 'special' });
  }
  return out;
}

async function collectPerson(abs: string, volume: string, st: WalkState, depth: number, into: PersonFolder): Promise<void> {
  const entries = await list(abs, st, depth);
  const files = entries.filter((e) => e.kind === 'file').sort((a, b) => compareByTrailingNumber(a.name, b.name));
  for (const f of files) {
    const ext = path.extname(f.name).toLowerCase();
    const file: ImageFile = { rel: toRel(st.root, f.abs), abs: f.abs, volume };
    if (PAGE_EXTENSIONS.has(ext) || OTHER_IMAGE_EXTENSIONS.has(ext)) into.images.push(file);
    else if (ITEM_LIST_EXTENSIONS.has(ext)) into.itemLists.push(file);
  }
  const dirs = entries.filter((e) => e.kind === 'dir').sort((a, b) => compareByTrailingNumber(a.name, b.name));
  for (const d of dirs) await collectPerson(d.abs, volume ? `${volume}/${d.name}` : d.name, st, depth + 1, into);
}

async function walkGroup(abs: string, st: WalkState, depth: number, out: PackageScan): Promise<void> {
  const entries = await list(abs, st, depth);
  let images = 0;
  for (const e of entries) {
    if (e.kind === 'file') {
      const ext = path.extname(e.name).toLowerCase();
      if (PAGE_EXTENSIONS.has(ext) || OTHER_IMAGE_EXTENSIONS.has(ext)) {
        images++;
        if (abs === st.root) out.strayImages.push(toRel(st.root, e.abs));
      }
      continue;
    }
    const id = idInFolderName(e.name);
    if (id) {
      const person: PersonFolder = { rel: toRel(st.root, e.abs), abs: e.abs, idNumber: id, images: [], itemLists: [] };
      await collectPerson(e.abs, '', st, depth + 1, person);
      out.persons.push(person);
    } else {
      await walkGroup(e.abs, st, depth + 1, out);
    }
  }
  if (images > 0 && abs !== st.root) out.strayFolders.push({ rel: toRel(st.root, abs), images });
}

/** Scans the package; `dir` must be a real directory (the desk chose it), everything below is untrusted. */
export async function scanPackage(dir: string, limits: Partial<ScanLimits> = {}): Promise<PackageScan> {
  const root = await fs.realpath(dir).catch(() => null);
  if (!root || !(await fs.stat(root)).isDirectory()) {
    throw new AppError('VALIDATION', `找不到数字副本文件夹：${dir}。请选择移交单位提供的数字副本所在的文件夹。`, { reason: 'NO_PACKAGE' });
  }
  const st: WalkState = { root, limits: { ...DEFAULT_LIMITS, ...limits }, entries: 0, unsafe: [] };
  const out: PackageScan = { root, persons: [], strayFolders: [], strayImages: [], unsafe: st.unsafe };
  await walkGroup(root, st, 0, out);
  out.persons.sort((a, b) => compareByTrailingNumber(a.rel, b.rel));
  return out;
}
