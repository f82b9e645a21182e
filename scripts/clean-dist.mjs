// Removes a package's dist/ before a build so files deleted from src/ never linger in a published tarball.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
