/**
 * Offline use and updates: registers the service worker that precaches the app, and tells the
 * page when a new version is waiting. The page offers a reload; it never reloads by itself, so
 * nobody is surprised in the middle of an analysis.
 */
import { registerSW } from 'virtual:pwa-register';

export class Updates {
  /** A new version is installed and waits for the user to reload. */
  waiting = $state(false);
  #update: ((reload?: boolean) => Promise<void>) | null = null;

  start(): void {
    if (!('serviceWorker' in navigator)) return;
    this.#update = registerSW({
      onNeedRefresh: () => {
        this.waiting = true;
      },
    });
  }

  /** Activates the waiting version and reloads the page. */
  reload(): void {
    void this.#update?.(true);
  }

  dismiss(): void {
    this.waiting = false;
  }
}
