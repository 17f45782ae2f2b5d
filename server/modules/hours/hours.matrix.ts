// Policy matrix entries for the hours routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const hoursMatrix: MatrixEntry[] = [];
