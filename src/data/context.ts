import { createContext } from '@lit/context';
import type { LenigStore } from './store.js';

/**
 * The store shared by every lenig element below a provider. The key is a string on purpose: two copies
 * of the library on one SharePoint page (two web parts bundling lenig) still find each other's provider.
 */
export const storeContext = createContext<LenigStore | undefined>('lenig-store');
