// Placeholder until the module's pages land.
import { PageState } from '../ui/PageState';

export function CoveragePage() {
  return <PageState notFound />;
}
