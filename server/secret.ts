/**
 * The key tokens are signed with. It never lives in the code: the environment variable
 * RESOLUTION_DRAFTER_SECRET gives it (several instances behind one address must share it), or else the
 * data folder keeps one, made at the first start and readable by its owner only.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_VARIABLE = 'RESOLUTION_DRAFTER_SECRET';
export const SECRET_FILE = 'secret.key';

export function loadSecret(dataDir: string | null, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env[SECRET_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < 32)
      throw new Error(`${SECRET_VARIABLE} is too short to sign tokens safely: give at least 32 characters.`);
    return Buffer.from(fromEnv, 'utf8');
  }
  if (dataDir === null)
    throw new Error(
      `No secret to sign tokens with: set ${SECRET_VARIABLE}, or give the server a data folder.`,
    );
  const path = join(dataDir, SECRET_FILE);
  if (existsSync(path)) {
    const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    if (secret.length < 32)
      throw new Error(
        `The secret in ${path} is damaged: remove it to make a new one (every link given out stops working).`,
      );
    return secret;
  }
  const secret = randomBytes(32);
  writeFileSync(path, `${secret.toString('hex')}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return secret;
}
