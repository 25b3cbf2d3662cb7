import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create, extract } from 'tar';
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_NAME, manifestSchema,
  type BackupEntry, type BackupManifest,
} from './manifest';

// The backup file: an uncompressed tar (`tar -tf` lists it), manifest.json first. The database
// entry is compressed on its own terms (pg_dump's custom format, a gzipped PGlite folder).

export async function describeEntry(stagingDir: string, relPath: string): Promise<BackupEntry> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path.join(stagingDir, relPath))) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { path: relPath, bytes, sha256: hash.digest('hex') };
}

/** A staging folder for the parts of one backup; `dispose` removes it. */
export async function makeStaging(prefix = 'kezdesu-backup-'): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, dispose: () => fs.rm(dir, { recursive: true, force: true }) };
}

export type ManifestInput = Omit<BackupManifest, 'format' | 'formatVersion' | 'createdAt'> & { createdAt?: Date };

/**
 * Writes manifest.json beside the parts in `stagingDir` and packs them into `out`, through a
 * `.partial` file renamed at the end, so a crash never leaves a file that looks complete.
 */
export async function packBackup(stagingDir: string, out: string, input: ManifestInput): Promise<BackupManifest> {
  const { createdAt, ...rest } = input;
  const manifest = manifestSchema.parse({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: (createdAt ?? new Date()).toISOString(),
    ...rest,
  });
  await fs.writeFile(path.join(stagingDir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
  const entries = [MANIFEST_NAME, manifest.database.path, ...(manifest.authSecret ? [manifest.authSecret.path] : []), ...manifest.files.map((f) => f.path)];
  const target = path.resolve(out);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  try {
    await create({ file: partial, cwd: stagingDir, portable: true, noDirRecurse: true, mode: 0o600 }, entries);
    await fs.chmod(partial, 0o600);
    await fs.rename(partial, target);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
  return manifest;
}

export type OpenedBackup = { dir: string; manifest: BackupManifest; dispose: () => Promise<void> };

/**
 * Unpacks a backup file into a temporary folder and checks it whole: the manifest's format,
 * then the size and SHA-256 of every entry it names. Nothing is restored from a file that fails.
 */
export async function openBackup(file: string): Promise<OpenedBackup> {
  const staging = await makeStaging('kezdesu-restore-');
  try {
    await extract({ file: path.resolve(file), cwd: staging.dir, strict: true });
    let raw: unknown;
    try {
      raw = JSON.parse(await fs.readFile(path.join(staging.dir, MANIFEST_NAME), 'utf8'));
    } catch {
      throw new Error(`${file} is not a Kezdesu backup: it has no readable ${MANIFEST_NAME}`);
    }
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${file} is not a Kezdesu backup this version reads: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const manifest = parsed.data;
    if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
      throw new Error(`${file} has backup format ${manifest.formatVersion}; this version reads up to ${BACKUP_FORMAT_VERSION}. Restore it with a newer Kezdesu.`);
    }
    for (const expected of [manifest.database, ...(manifest.authSecret ? [manifest.authSecret] : []), ...manifest.files]) {
      const actual = await describeEntry(staging.dir, expected.path).catch(() => null);
      if (!actual) throw new Error(`${file} is incomplete: ${expected.path} is missing`);
      if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) throw new Error(`${file} is damaged: ${expected.path} does not match its checksum`);
    }
    return { dir: staging.dir, manifest, dispose: staging.dispose };
  } catch (error) {
    await staging.dispose();
    throw error;
  }
}
