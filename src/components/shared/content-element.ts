import { html, nothing, type TemplateResult } from 'lit';
import type { Viewer } from '../../data/types.js';
import { toStoreError, type DetailOf, type LenigEventName } from './events.js';
import { relay } from './relay.js';
import { LocalizeController } from '../../i18n/localize.js';
import { contentMessages } from '../../i18n/messages/content.js';
import { LenigElement } from './lenig-element.js';

/**
 * Base of the widgets that show a channel's content (feed, composer, idea board, insights): what they
 * share beyond every widget's base — the invitation to sign in where reading needs it, the channel that
 * does not exist (and its Create button for admins), and the way a container acts on its leaves'
 * requests (`relay`). Kept out of `LenigElement` so that a page with only like buttons does not carry them.
 */
export class ContentElement extends LenigElement {
  /** The strings these widgets share (the `content` table). */
  protected readonly contentText = new LocalizeController(this, contentMessages);

  /**
   * Acts on a leaf's request the one way every container does: the request stops here, is fired again
   * (cancelable) from this element, and `act` runs only when the page did not call `preventDefault()`.
   */
  protected relay<K extends LenigEventName>(event: GlobalEventHandlersEventMap[K] & CustomEvent<DetailOf<K>>, act: (detail: DetailOf<K>) => void): boolean {
    return relay<K>(this, event, act);
  }

  /**
   * The invitation a signed-out reader gets where reading needs sign-in (a store error `unauthenticated`):
   * not an error, a Sign in button. `reload` runs once signed in, for stores that do not resume by
   * themselves.
   */
  protected renderSignInToRead(reload: () => void): TemplateResult {
    const signIn = async () => {
      const store = this.activeStore;
      if (!store) return;
      try {
        await store.signIn();
        reload();
      } catch (e) {
        this.emitError('signIn', toStoreError(e));
      }
    };
    return html`<div class="notice sign-in-to-read" part="status sign-in">
      <p>${this.contentText.t.signInToRead}</p>
      <button class="button primary" type="button" part="sign-in-button" @click=${signIn}>${this.common.t.signIn}</button>
    </div>`;
  }

  /**
   * The sentence for a channel the store does not know: an admin is told how to fix it, anyone else
   * whom to tell.
   */
  protected channelMissing(channel: string, viewer: Viewer | null | undefined): string {
    return viewer?.admin ? this.contentText.t.channelMissingAdmin(channel) : this.contentText.t.channelMissing(channel);
  }

  /**
   * For an admin looking at a widget whose channel does not exist: a button that creates it (named after
   * its id, with the default categories), then calls `then` (the widget's retry), also when a colleague's create
 * got there first. Nothing for anyone else.
   */
  protected renderCreateChannel(channel: string, viewer: Viewer | null | undefined, then: () => void): TemplateResult | typeof nothing {
    if (!viewer?.admin || !channel) return nothing;
    const t = this.contentText.t;
    const create = async (e: Event) => {
      const button = e.currentTarget as HTMLButtonElement;
      const store = this.activeStore;
      if (!store) return;
      button.disabled = true;
      button.textContent = t.creatingChannel;
      try {
        await store.createChannel({ id: channel, name: channel });
        then();
      } catch (err) {
        const error = toStoreError(err);
        // A colleague created it a moment before: it exists, which is what was asked for.
        if (error.reason === 'taken') return then();
        button.disabled = false;
        button.textContent = t.createChannel;
        this.emitError('createChannel', error);
      }
    };
    return html`<button class="button primary" part="create-channel" type="button" @click=${create}>${t.createChannel}</button>`;
  }

  /**
   * A container's answer to a leaf's `lenig-sign-in-request` (bind it with `@lenig-sign-in-request`):
   * relayed, cancelable, then the store's sign-in; a failure is reported as `lenig-error`.
   */
  protected readonly relaySignIn = (e: CustomEvent<DetailOf<'lenig-sign-in-request'>>): void => {
    this.relay<'lenig-sign-in-request'>(e, this.startSignIn);
  };

  /** Starts the store's sign-in; a failure is reported as `lenig-error` (`signIn`). */
  protected readonly startSignIn = (): void => {
    this.activeStore?.signIn().catch((error: unknown) => this.emitError('signIn', toStoreError(error)));
  };
}
