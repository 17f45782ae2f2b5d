// The body of a keyset-paginated console list: the table (its empty text says "loading" until the first answer),
// or the error with a retry button in its place, and the pager under it. Columns and other table options are the
// page's own.
import type { ReactNode } from 'react';
import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { CursorPager } from './CursorPager';
import { PageState } from './PageState';
import type { CursorPage, CursorPages } from './use-cursor-pages';

/** What the table needs of a list query (the result of useCursorList, or of a useQuery for one page). */
export type CursorListQuery<T> = {
  data: CursorPage<T> | undefined;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => unknown;
};

type Props<T> = Omit<TableProps<T>, 'size' | 'rowKey' | 'loading' | 'dataSource' | 'pagination' | 'locale'> & {
  list: CursorListQuery<T>;
  pages: CursorPages;
  /** Shown when the list has no rows. */
  emptyText: string;
  /** The total for the pager; by default the list's own. null: show none (e.g. a count that was capped). */
  total?: number | null;
  /** Shown between the table and the pager. */
  note?: ReactNode;
};

export function CursorTable<T extends { id: string | number }>({ list, pages, emptyText, total, note, ...table }: Props<T>) {
  const { t } = useTranslation();
  if (list.isError) return <PageState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Table<T>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <PageState empty={list.isPending ? t('common.loading') : emptyText} /> }}
        {...table}
      />
      {note}
      <CursorPager pages={pages} total={total === null ? undefined : (total ?? list.data?.total)} nextCursor={list.data?.nextCursor} />
    </>
  );
}
