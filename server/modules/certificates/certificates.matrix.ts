// Policy matrix entries for the certificates routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const certificatesMatrix: MatrixEntry[] = [];
