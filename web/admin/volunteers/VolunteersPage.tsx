// Placeholder until the module's pages land.
import { PageState } from '../ui/PageState';

export function VolunteersPage() {
  return <PageState notFound />;
}
