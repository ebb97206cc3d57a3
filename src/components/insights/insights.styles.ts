import { css } from 'lit';
import { offlineBanner, segmented, shimmer, widgetBox } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

/**
 * Category colours: distinct in hue and lightness (so they survive the common colour-vision deficiencies
 * better than hue alone), each at least 3:1 against the light or dark surface, as WCAG asks of graphics.
 */
export const insightsStyles = [
  tokens,
  shimmer,
  offlineBanner('--lenig-insights-offline-color'),
  widgetBox('.lenig'),
  segmented('.segments', 'label', 'label:has(input:checked)', 's'),
  css`
    .lenig {
      --_c-news: var(--lenig-insights-color-news, light-dark(#0f6cbd, #4ea1f3));
      --_c-idea: var(--lenig-insights-color-idea, light-dark(#b35c00, #f0a35a));
      --_c-question: var(--lenig-insights-color-question, light-dark(#6b3fb8, #b99cf2));
      --_c-personal: var(--lenig-insights-color-personal, light-dark(#c0306d, #f27aa8));
      --_c-praise: var(--lenig-insights-color-praise, light-dark(#0e7a4f, #4cc38a));
      --_c-extra-0: light-dark(#00777a, #4fc1c4);
      --_c-extra-1: light-dark(#8e562e, #d6a37c);
      --_c-extra-2: light-dark(#4f52b2, #9ea2ff);
      --_c-extra-3: light-dark(#59636e, #a0a7b0);
      --_grid: var(--lenig-insights-grid-color, var(--_border));
      --_chart-height: var(--lenig-insights-chart-height, 16rem);
      /* minmax(0, …): a wide table scrolls inside its box instead of widening the widget. */
      grid-template-columns: minmax(0, 1fr);
      container-type: inline-size;
      line-height: 1.4;
    }

    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      justify-content: space-between;
      gap: var(--_space-s) var(--_space-m);
    }
    .title {
      margin: 0;
      font-weight: 600;
      font-size: 1.0625rem;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_space-s) var(--_space-m);
    }
    .field {
      display: grid;
      gap: 2px;
    }
    .small-label,
    legend {
      font-size: 0.8125rem;
      color: var(--_text-quiet);
      padding: 0;
    }
    select {
      font: inherit;
      min-height: 2rem;
      padding: 0 var(--_space-s);
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-s);
    }

    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .segments label {
      position: relative;
      display: inline-flex;
      align-items: center;
      font-size: 0.875rem;
      white-space: nowrap;
    }
    .segments input {
      /* Native radios, so arrow keys move between them; the label is what is seen. */
      position: absolute;
      opacity: 0;
      inset: 0;
      margin: 0;
      cursor: pointer;
    }
    .segments label:has(input:focus-visible) {
      outline: var(--_focus-ring);
      outline-offset: -3px;
    }

    .toggle {
      min-height: 2rem;
    }

    .callout {
      margin: 0;
      padding: var(--_space-s) var(--_space-m);
      border-inline-start: 4px solid var(--_callout-color, var(--_accent));
      background: var(--_surface-raised);
      border-radius: var(--_radius-s);
    }
    .sentence {
      margin: 0;
    }
    .callout strong {
      font-weight: 600;
    }
    .note {
      margin: var(--_space-xs) 0 0;
      font-size: 0.8125rem;
      color: var(--_text-quiet);
    }

    .frame,
    .chart-box {
      display: grid;
      gap: var(--_space-m);
      min-width: 0;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      overflow: visible;
      font-size: 12px;
    }
    .tick text,
    .axis text {
      fill: var(--_text-quiet);
    }
    .axis .year {
      font-size: 11px;
    }
    .tick line {
      stroke: var(--_grid);
      stroke-width: 1;
    }
    .baseline {
      stroke: var(--_text-quiet);
      stroke-width: 1;
    }
    .series rect {
      fill: var(--_bar);
    }
    .series rect:hover {
      opacity: 0.8;
    }

    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-xs) var(--_space-m);
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.875rem;
    }
    .legend li {
      display: inline-flex;
      align-items: center;
      gap: var(--_space-xs);
    }
    .swatch {
      width: 0.875rem;
      height: 0.875rem;
      border-radius: 2px;
      background: var(--_bar);
      flex: none;
    }

    .table-box {
      overflow-x: auto;
      max-width: 100%;
    }
    table {
      border-collapse: collapse;
      font-size: 0.875rem;
      font-variant-numeric: tabular-nums;
      min-width: 100%;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: var(--_space-s);
    }
    th,
    td {
      padding: var(--_space-xs) var(--_space-s);
      border-bottom: 1px solid var(--_border);
      white-space: nowrap;
    }
    thead th {
      text-align: end;
      font-weight: 600;
      vertical-align: bottom;
    }
    thead th[scope='colgroup'] {
      text-align: center;
      border-bottom-color: var(--_text-quiet);
    }
    thead th.sub {
      font-weight: normal;
      color: var(--_text-quiet);
    }
    th[scope='row'] {
      text-align: start;
      font-weight: normal;
    }
    td {
      text-align: end;
    }
    tfoot th,
    tfoot td {
      font-weight: 600;
      border-bottom: 0;
      border-top: 2px solid var(--_border);
    }
    .group-start {
      border-inline-start: 1px solid var(--_border);
    }

    .live:empty {
      display: none;
    }

    .state {
      margin: 0;
      display: grid;
      justify-items: center;
      gap: var(--_space-s);
    }
    .state p {
      margin: 0;
    }
    .state .hint {
      font-size: 0.875rem;
    }

    .skeleton {
      display: flex;
      align-items: end;
      gap: 6%;
      height: var(--_chart-height);
      padding: var(--_space-s) var(--_space-s) 0;
      border-bottom: 1px solid var(--_border);
    }
    .skeleton .group {
      flex: 1;
      display: flex;
      align-items: end;
      gap: 3px;
      height: 100%;
    }
    .skeleton .bar {
      flex: 1;
      border-radius: 2px 2px 0 0;
    }
    .skeleton-line {
      height: 2.5rem;
      border-radius: var(--_radius-s);
    }

    @container (max-width: 30rem) {
      .header {
        align-items: start;
        flex-direction: column;
      }
      .segments label {
        padding: 0 var(--_space-xs);
        font-size: 0.8125rem;
      }
    }
  `,
];
