import { ListItem } from './mapping';

/**
 * SharePoint's largest page for a list item query ($top) and its list view threshold: 5,000.
 * Every read that may meet a large list uses this one constant.
 */
export const PAGE_SIZE: number = 5000;

/**
 * The rest of a read whose first page came back full: page after page by ID ($skiptoken p_ID),
 * which SharePoint allows at any list size. `next` reads the page after an id with the same query.
 */
export async function pageOnById(first: ListItem[], next: (afterId: number) => Promise<ListItem[]>): Promise<ListItem[]> {
  let all = first;
  let page = first;
  while (page.length === PAGE_SIZE) {
    page = await next(page[page.length - 1].Id as number);
    all = all.concat(page);
  }
  return all;
}
