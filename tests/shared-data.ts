/**
 * Where the shared real data lives: `../shared/data` beside the project root, wherever the
 * checkout is (a developer's machine or CI's fresh clone).
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const sharedData = resolve(projectRoot, '../shared/data');
