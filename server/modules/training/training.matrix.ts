// Policy matrix entries for the training routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const trainingMatrix: MatrixEntry[] = [];
