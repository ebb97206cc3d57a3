import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../like-button/like-view.js';
import type { LikeTarget } from '../../data/types.js';

/** What a card or row shows on its like (or vote) button, as its container worked it out. */
export interface LikeViewState {
  count: number;
  /** Whether the viewer likes it (optimism included). */
  pressed: boolean;
  /** A like or unlike of the viewer's is still being saved. */
  pending: boolean;
  /** Names for the "liked by" tooltip, newest first; undefined until asked for and loaded. */
  likers: string[] | undefined;
}

export interface LikeViewOptions {
  /** Nobody is signed in: a click asks for sign-in. */
  signedOut: boolean;
  /** The button cannot be used (the post is not saved yet). */
  disabled?: boolean;
  /** The target is in an archived channel: read-only, saying why (see `<lenig-like-view archived>`). */
  archived?: boolean;
  /** The target's channel no longer exists: read-only, saying so. */
  channelDeleted?: boolean;
  /** Re-exports the view's `button` and `count` parts under the host's names, e.g. `button: like-button, count: like-count`. */
  exportparts?: string;
}

/** The one way a card, row or detail shows the like view of `target`. */
export function renderLikeView(target: LikeTarget, state: LikeViewState, { signedOut, disabled = false, archived = false, channelDeleted = false, exportparts }: LikeViewOptions): TemplateResult {
  return html`<lenig-like-view
    exportparts=${ifDefined(exportparts)}
    .target=${target}
    .count=${state.count}
    .pressed=${state.pressed}
    .likers=${state.likers}
    ?pending=${state.pending}
    ?signed-out=${signedOut}
    ?disabled=${disabled}
    ?archived=${archived || channelDeleted}
    ?channel-deleted=${channelDeleted}
  ></lenig-like-view>`;
}
