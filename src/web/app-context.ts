/** What every group of routes is given: the store, the settings and the page renderer. */
import type { Store } from '../store/index.ts';
import type { PageRenderer } from './rendering.ts';
import type { WebSettings } from './settings.ts';

export interface AppContext {
  store: Store;
  settings: WebSettings;
  render: PageRenderer;
}
