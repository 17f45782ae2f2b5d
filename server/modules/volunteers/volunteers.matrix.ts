// Policy matrix entries for the volunteers routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const volunteersMatrix: MatrixEntry[] = [];
