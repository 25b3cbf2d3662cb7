import { redirect } from 'next/navigation';
import { requirePageCaller } from '@/server/access/guard';

// GET /admin — the section opens on its user list.
export default async function AdminPage() {
  await requirePageCaller('users.manage');
  redirect('/admin/users');
}
