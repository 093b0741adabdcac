/** Local SharePoint list forms and views (what SharePoint itself provides in a tenant). */
import { mountListPage, parseListPageUrl } from '../forms/index';

const cfg = parseListPageUrl(window.location.pathname, window.location.search);
const root = document.getElementById('root');
if (cfg && root) {
  mountListPage(root, cfg);
} else if (root) {
  root.textContent = 'Onbekende lijstpagina. / Unknown list page.';
}
