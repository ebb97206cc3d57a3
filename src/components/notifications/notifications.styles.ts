import { css } from 'lit';
import { shimmer } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { avatarStyles } from '../shared/avatar.js';

export const notificationsStyles = [
  tokens,
  shimmer,
  avatarStyles,
  css`
    :host {
      /* A bell sits in a header bar or a line of text. */
      display: inline-block;
      vertical-align: middle;
    }
    .lenig {
      --_badge-bg: var(--lenig-notifications-badge-background, var(--_danger));
      --_badge-color: var(--lenig-notifications-badge-color, light-dark(#ffffff, #1b1d21));
      --_panel-width: var(--lenig-notifications-panel-width, 24rem);
      --_panel-max-height: var(--lenig-notifications-panel-max-height, 32rem);
      --_unread-bg: var(--lenig-notifications-unread-background, light-dark(#eaf3fc, #1d2d40));
      position: relative;
      display: inline-flex;
      align-items: center;
      gap: var(--_space-s);
      line-height: 1.4;
    }

    .bell {
      position: relative;
      display: inline-grid;
      place-items: center;
      width: 2.5rem;
      height: 2.5rem;
      padding: 0;
      border: 1px solid transparent;
      border-radius: 50%;
      background: transparent;
      color: var(--_text);
      cursor: pointer;
    }
    .bell:hover,
    .bell[aria-expanded='true'] {
      background: var(--_surface-raised);
      border-color: var(--_border);
    }
    .bell.signed-out {
      /* The visible "Sign in" is the start of the accessible name ("Sign in to see notifications"). */
      display: inline-flex;
      gap: var(--_space-xs);
      width: auto;
      height: 2.25rem;
      padding: 0 var(--_space-s);
      border-color: var(--_border);
      border-radius: 1.125rem;
      color: var(--_text-quiet);
      font-size: 0.875rem;
    }
    .bell.signed-out svg {
      width: 1.25rem;
      height: 1.25rem;
    }
    .bell svg {
      width: 1.5rem;
      height: 1.5rem;
    }
    .badge {
      position: absolute;
      top: -2px;
      /* Grows away from the bell, so "99+" still leaves the bell in view. */
      inset-inline-start: 55%;
      min-width: 1.25rem;
      height: 1.25rem;
      padding: 0 0.3rem;
      border-radius: 0.625rem;
      background: var(--_badge-bg);
      color: var(--_badge-color);
      /* A ring in the page colour keeps the badge apart from the bell. */
      box-shadow: 0 0 0 2px var(--_surface);
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1.25rem;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }
    .bell-message {
      font-size: 0.875rem;
      color: var(--_text-quiet);
    }
    .bell-message.error {
      color: var(--_danger);
    }
    .bell-message:empty {
      display: none;
    }

    .panel {
      /* In the top layer (popover) it is fixed to the viewport and placed next to the bell by script. */
      position: fixed;
      inset: auto;
      margin: 0;
      width: min(var(--_panel-width), calc(100vw - 16px));
      max-height: min(var(--_panel-max-height), var(--_room, 80vh));
      display: flex;
      flex-direction: column;
      padding: 0;
      overflow: hidden;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-m);
      box-shadow:
        0 8px 24px rgb(0 0 0 / 0.18),
        0 2px 6px rgb(0 0 0 / 0.12);
      font-family: var(--lenig-font-family, inherit);
      font-size: 0.9375rem;
    }
    .panel:not([popover]) {
      /* No popover support: an ordinary dropdown under the bell. */
      position: absolute;
      top: calc(100% + 6px);
      inset-inline-end: 0;
      z-index: 1000;
    }
    .panel[hidden],
    .panel[popover]:not(:popover-open) {
      /* The display above would otherwise beat the browser's own hiding of a closed popover. */
      display: none;
    }
    .panel:focus {
      outline: none;
    }
    .panel:focus-visible {
      outline: var(--_focus-ring);
      outline-offset: -2px;
    }

    .panel-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space-s);
      padding: var(--_space-s) var(--_space-m);
      border-bottom: 1px solid var(--_border);
    }
    .heading {
      margin: 0;
      font-weight: 600;
      font-size: 1rem;
    }
    .link-button {
      padding: var(--_space-xs) var(--_space-s);
      border: 0;
      border-radius: var(--_radius-s);
      background: none;
      color: var(--_accent);
      font-size: 0.875rem;
      cursor: pointer;
    }
    .link-button:hover {
      text-decoration: underline;
    }

    .scroll {
      overflow-y: auto;
      overscroll-behavior: contain;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li + li {
      border-top: 1px solid var(--_border);
    }
    .item {
      display: grid;
      grid-template-columns: auto 1fr auto;
      gap: var(--_space-s);
      align-items: start;
      width: 100%;
      padding: var(--_space-s) var(--_space-m);
      border: 0;
      background: none;
      text-align: start;
      cursor: pointer;
    }
    .item:hover {
      background: var(--_surface-raised);
    }
    .item:focus-visible {
      outline-offset: -2px;
    }
    .item.unread {
      background: var(--_unread-bg);
    }
    .item.unread .sentence {
      font-weight: 600;
    }
    .body {
      display: grid;
      gap: 2px;
      min-width: 0;
    }
    .sentence {
      overflow-wrap: anywhere;
    }
    q {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 4;
      overflow: hidden;
      padding-inline-start: var(--_space-s);
      border-inline-start: 3px solid var(--_border);
      color: var(--_text);
      font-style: italic;
      overflow-wrap: anywhere;
    }
    time,
    .gone {
      font-size: 0.8125rem;
      color: var(--_text-quiet);
    }
    .gone {
      font-style: italic;
    }
    .dot {
      width: 0.625rem;
      height: 0.625rem;
      margin-top: 0.45rem;
      border-radius: 50%;
      background: var(--_accent);
    }
    .dot.read {
      background: transparent;
    }

    .state {
      display: grid;
      justify-items: center;
      gap: var(--_space-s);
      margin: 0;
      padding: var(--_space-l) var(--_space-m);
      text-align: center;
      color: var(--_text-quiet);
    }
    .state p {
      margin: 0;
    }
    .state .big {
      color: var(--_text);
      font-weight: 600;
    }
    .state.error {
      color: var(--_danger);
    }
    .state svg {
      width: 2rem;
      height: 2rem;
      color: var(--_accent);
    }
    .offline,
    .message {
      margin: 0;
      padding: var(--_space-s) var(--_space-m);
      font-size: 0.875rem;
      border-bottom: 1px solid var(--_border);
      background: var(--_surface-raised);
    }
    .offline {
      border-inline-start: 4px solid var(--lenig-notifications-offline-color, light-dark(#9a6700, #d29922));
    }
    .message {
      color: var(--_danger);
    }
    .footer {
      margin: 0;
      padding: var(--_space-s) var(--_space-m);
      border-top: 1px solid var(--_border);
      font-size: 0.8125rem;
      color: var(--_text-quiet);
      text-align: center;
    }

    .skeleton {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: var(--_space-s);
      padding: var(--_space-s) var(--_space-m);
    }
    .skeleton + .skeleton {
      border-top: 1px solid var(--_border);
    }
    .skeleton .disc {
      width: 2rem;
      height: 2rem;
      border-radius: 50%;
    }
    .skeleton .lines {
      display: grid;
      gap: 6px;
      padding-top: 2px;
    }
    .skeleton .line {
      height: 0.75rem;
      border-radius: var(--_radius-s);
    }
  `,
];
