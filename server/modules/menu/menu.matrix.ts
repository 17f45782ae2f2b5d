// Policy matrix entries for the service menu routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const menuMatrix: MatrixEntry[] = [];
