// Policy matrix entries for the network routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const networkMatrix: MatrixEntry[] = [];
