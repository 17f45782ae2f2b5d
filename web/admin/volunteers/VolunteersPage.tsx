// 志愿者: the registry of the staff member's scope. The page owns its sub-paths: the list at /volunteers and a
// volunteer's detail at /volunteers/:id.
import { Route, Routes } from 'react-router';
import { PageState } from '../ui/PageState';
import { VolunteerList } from './VolunteerList';
import { VolunteerDetailPage } from './VolunteerDetailPage';

export function VolunteersPage() {
  return (
    <Routes>
      <Route index element={<VolunteerList />} />
      <Route path=":id" element={<VolunteerDetailPage />} />
      <Route path="*" element={<PageState notFound />} />
    </Routes>
  );
}
