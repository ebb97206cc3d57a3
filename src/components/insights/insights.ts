import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleProps } from '../shared/style-props.js';
import { SubscriptionController } from '../../controllers/subscription.js';
import { ElementObserverController } from '../../controllers/element-observer.js';
import { warnOnce } from '../../log.js';
import type { StatsQuery } from '../../data/store.js';
import { DEFAULT_CATEGORIES, monthKey, type CategoryId, type ChannelId, type MonthKey, type MonthStat, type Viewer } from '../../data/types.js';
import { insightsMessages } from '../../i18n/messages/insights.js';
import { ContentElement } from '../shared/content-element.js';
import {
  buildGrid,
  cellOf,
  MEASURES,
  MIN_POSTS_FOR_RANKING,
  monthDate,
  monthRange,
  mostLiked,
  niceTicks,
  valueOf,
  type Grid,
  type Measure,
} from './insights-model.js';
import { insightsStyles } from './insights.styles.js';
import { define } from '../shared/define.js';
import { dateFormat, formatDate } from '../../i18n/formats.js';


/** The periods offered, in months; the `months` attribute adds its own when it is not one of these. */
export const PERIOD_PRESETS: readonly number[] = [3, 6, 12];
/** Longest period: three years of monthly bars is already more than a widget can show legibly. */
export const MAX_MONTHS = 36;
const DEFAULT_MONTHS = 6;
/** Width used until the chart has been measured (and in a page that never lays it out). */
const FALLBACK_WIDTH = 560;

let uid = 0;

/**
 * Posts and likes per category per month, for one channel or all of them: the chart the seed's authors
 * drew by hand after counting a month of posts, kept up to date by the database.
 *
 * It reads only the monthly totals the store keeps at `/stats` (one subscription, whatever the number
 * of posts), never the posts themselves, so a channel with ten thousand posts costs what one with ten
 * does.
 *
 * ```html
 * <lenig-insights channel="general"></lenig-insights>          <!-- last 6 months of one channel -->
 * <lenig-insights months="12"></lenig-insights>                <!-- every channel, last 12 months -->
 * ```
 *
 * The "most liked" call-out ranks categories by **likes per post** over the period (so a busy category
 * does not win on volume alone), among categories with at least three posts; when none has that many,
 * among all of them, and it says so. A like counts in the month its post was written.
 *
 * Keyboard: the period is a `<select>`, the measure three radio buttons (arrow keys), and "Show as
 * table" swaps the chart for a table with every number.
 *
 * @summary Grouped bar chart (and table) of posts and likes per category per month.
 *
 * @csspart header - The title and the controls.
 * @csspart title - The widget's title.
 * @csspart period - The period `<select>`.
 * @csspart measure - The likes / posts / likes-per-post radio group.
 * @csspart toggle - The "Show as table" / "Show as chart" button.
 * @csspart callout - The "Most liked" sentence.
 * @csspart chart - The `<svg>` chart.
 * @csspart legend - The list of categories and their colours under the chart.
 * @csspart table - The `<table>` shown instead of the chart.
 * @csspart offline - The offline notice.
 * @csspart status - Loading, empty, error and configuration messages.
 *
 * @cssproperty --lenig-insights-color-news - Bars of business news. Also `--lenig-insights-color-idea`, `-question`, `-personal`, `-praise`, and `--lenig-insights-color-<id>` for a channel's own category ids.
 * @cssproperty --lenig-insights-color-idea - Bars of improvement ideas.
 * @cssproperty --lenig-insights-color-question - Bars of questions.
 * @cssproperty --lenig-insights-color-personal - Bars of personal updates.
 * @cssproperty --lenig-insights-color-praise - Bars of praise.
 * @cssproperty --lenig-insights-grid-color - The chart's horizontal grid lines. Default: the border colour.
 * @cssproperty --lenig-insights-chart-height - Height of the loading placeholder. Default `16rem`.
 * @cssproperty --lenig-insights-offline-color - The stripe of the offline notice. Default: amber.
 *
 * @fires {CustomEvent<LenigErrorDetail>} lenig-error - `{operation: 'subscribeStats', error}` when the stats cannot be read.
 */
export class LenigInsightsElement extends ContentElement {
  static override styles = insightsStyles;

  // --- controllers -------------------------------------------------------------------------------------

  private readonly i18n = this.localize(insightsMessages);

  /** The one data subscription: the monthly totals of the period. Moves when the channel or period does. */
  private readonly stats = new SubscriptionController<MonthStat[], readonly [ChannelId | undefined, MonthKey, MonthKey]>(
    this,
    () => this.activeStore,
    () => {
      const months = this.monthList;
      return [this.channelQuery, months[0]!, months[months.length - 1]!] as const;
    },
    (store, [channel, from, to], next, fail) => {
      const query: StatsQuery = channel === undefined ? { from, to } : { channel, from, to };
      return store.subscribeStats(query, next, (error) => {
        fail(error);
        this.emitError('subscribeStats', error);
      });
    },
  );

  /** `.info/connected`: a local flag of the SDK, not a database read. */
  private readonly connection = this.watchConnection();
  /** Who reads, asked only once loading failed: an admin is told how to fix an unknown channel. */
  private readonly viewer = new SubscriptionController<Viewer | null, readonly []>(
    this,
    () => this.activeStore,
    () => (this.stats.status === 'error' ? ([] as const) : undefined),
    (store, _deps, next) => store.subscribeViewer(next),
  );

  // --- state -------------------------------------------------------------------------------------------

  /** The period the reader picked; undefined follows the `months` attribute. */
  @state() private chosenMonths?: number;
  @state() private measure: Measure = 'likes';
  @state() private asTable = false;
  /** The chart's width in CSS pixels, measured, so its text is drawn at its real size. */
  @state() private width = 0;

  private readonly ids = `insights-${++uid}`;
  /** The chart's frame: the chart is drawn for its width. */
  private readonly frame = new ElementObserverController(
    this,
    () =>
      new ResizeObserver((entries) => {
        const w = Math.floor(entries[entries.length - 1]!.contentRect.width);
        // Next frame: changing the chart inside the observer's own callback would trip its loop guard.
        if (w > 0 && w !== this.width) requestAnimationFrame(() => (this.width = w));
      }),
  );

  // --- properties --------------------------------------------------------------------------------------

  /** The channel to count. Absent or `*`: every channel together. */
  @property() channel?: string;

  /**
   * The default period: the last `months` months up to and including the current one (in UTC, as the
   * stats are kept). A whole number from 1 to 36; default 6. The reader can pick 3, 6 or 12 as well.
   */
  @property({ type: Number }) months = DEFAULT_MONTHS;

  // --- lifecycle ---------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('months')) {
      // A new default from the page wins over what the reader picked under the old one.
      if (changed.get('months') !== undefined) this.chosenMonths = undefined;
      if (!validMonths(this.months)) {
        warnOnce(
          `<lenig-insights months="${String(this.months)}"> must be a whole number from 1 to ${MAX_MONTHS}; using ${DEFAULT_MONTHS}.`,
        );
      }
    }
    if (changed.has('channel') && this.channel !== undefined && this.channel.trim() === '') {
      warnOnce('<lenig-insights channel=""> is empty; counting every channel.');
    }
  }

  protected override updated(): void {
    this.observeWidth();
  }

  // --- handlers ----------------------------------------------------------------------------------------

  private onPeriodChange(e: Event): void {
    this.chosenMonths = Number((e.target as HTMLSelectElement).value);
  }

  private onMeasureChange(e: Event): void {
    this.measure = (e.target as HTMLInputElement).value as Measure;
  }

  private onToggleTable(): void {
    this.asTable = !this.asTable;
  }

  private onRetry(): void {
    this.stats.retry();
    this.requestUpdate();
  }

  // --- internals ---------------------------------------------------------------------------------------

  /** The channel as the store's query wants it: undefined for all channels. */
  private get channelQuery(): ChannelId | undefined {
    const c = this.channel?.trim();
    return !c || c === '*' ? undefined : c;
  }

  private get periodMonths(): number {
    if (this.chosenMonths !== undefined) return this.chosenMonths;
    return validMonths(this.months) ? this.months : DEFAULT_MONTHS;
  }

  /** The months shown, oldest first, ending with the current month. */
  private get monthList(): MonthKey[] {
    // Re-read on every update, so a widget left open over midnight on the 1st moves on by itself.
    return monthRange(monthKey(new Date()), this.periodMonths);
  }

  private observeWidth(): void {
    this.frame.observe(this.renderRoot.querySelector('.frame'));
  }

  private monthName(month: MonthKey, style: 'long' | 'short' | 'narrow' = 'long', year = true): string {
    const options: Intl.DateTimeFormatOptions = { month: style, timeZone: 'UTC' };
    if (year) options.year = 'numeric';
    return formatDate(this.i18n, monthDate(month), options);
  }

  /** "June – November 2026" / "juni – november 2026"; one month is just its name. */
  private rangeName(months: MonthKey[]): string {
    const first = months[0]!;
    const last = months[months.length - 1]!;
    if (first === last) return this.monthName(first);
    return dateFormat(this.i18n, { month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(monthDate(first), monthDate(last));
  }

  private decimal(n: number): string {
    return this.i18n.number(n, { maximumFractionDigits: 1 });
  }

  private likesText(n: number): string {
    const t = this.i18n.t;
    return this.i18n.plural(n, { one: t.likesOne, other: t.likesOther });
  }

  private postsText(n: number): string {
    const t = this.i18n.t;
    return this.i18n.plural(n, { one: t.postsOne, other: t.postsOther });
  }

  /** A bar's value in words: "412 likes", "38 posts", "10.8 per post". */
  private valueText(value: number | undefined): string {
    if (value === undefined) return this.i18n.t.notAvailable;
    switch (this.measure) {
      case 'likes':
        return this.likesText(value);
      case 'posts':
        return this.postsText(value);
      case 'per-post':
        return this.i18n.t.perPostValue(this.decimal(value));
    }
  }

  private measureName(measure: Measure): string {
    const t = this.i18n.t;
    return measure === 'likes' ? t.likes : measure === 'posts' ? t.posts : t.perPost;
  }

  /** The colour of a category: its own token, else one of a few spare colours. */
  private colorOf(category: CategoryId, index: number): string {
    if ((DEFAULT_CATEGORIES).includes(category)) return `var(--_c-${category})`;
    const spare = `var(--_c-extra-${index % 4})`;
    // Only characters a custom property name can hold; anything else just gets the spare colour.
    return /^[A-Za-z0-9_-]+$/.test(category) ? `var(--lenig-insights-color-${category}, ${spare})` : spare;
  }

  // --- render ------------------------------------------------------------------------------------------

  protected override render(): TemplateResult | typeof nothing {
    const unavailable = this.renderUnavailable();
    if (unavailable !== nothing) return unavailable;
    const t = this.i18n.t;
    const months = this.monthList;
    const offline = this.connection.value === false;
    const stats = this.stats.status === 'ready' ? this.stats.value : undefined;
    const grid = stats ? buildGrid(stats, months) : undefined;
    return html`<section class="lenig" aria-labelledby="${this.ids}-title">
      ${this.renderHeader(grid)}
      <div class="live" role="status">${this.cspBlocked
          ? html`<p class="offline" part="offline">${this.offlineMessage}</p>`
          : offline
            ? html`<p class="offline" part="offline">${t.offline}</p>`
            : nothing}</div>
      <div class="frame">${this.renderBody(months.length, grid)}</div>
    </section>`;
  }

  private renderHeader(grid: Grid | undefined): TemplateResult {
    const t = this.i18n.t;
    const period = this.periodMonths;
    const options = [...new Set([...PERIOD_PRESETS, period])].sort((a, b) => a - b);
    // Nothing to tabulate while loading, failed or empty.
    const ready = grid !== undefined && grid.categories.length > 0;
    return html`<div class="header" part="header">
      <p class="title" part="title" id="${this.ids}-title">${t.title}</p>
      <div class="controls">
        <div class="field">
          <label class="small-label" for="${this.ids}-period">${t.period}</label>
          <select id="${this.ids}-period" part="period" @change=${this.onPeriodChange}>
            ${options.map(
              (n) => html`<option value=${n} ?selected=${n === period}>${n === 1 ? t.thisMonth : t.lastMonths(this.i18n.number(n))}</option>`,
            )}
          </select>
        </div>
        ${this.asTable
          ? nothing
          : html`<fieldset class="field" part="measure">
              <legend>${t.measure}</legend>
              <div class="segments">
                ${MEASURES.map(
                  (m) => html`<label
                    ><input
                      type="radio"
                      name="measure"
                      value=${m}
                      .checked=${this.measure === m}
                      @change=${this.onMeasureChange}
                    />${this.measureName(m)}</label
                  >`,
                )}
              </div>
            </fieldset>`}
        <button class="button toggle" part="toggle" type="button" ?disabled=${!ready} @click=${this.onToggleTable}>
          ${this.asTable ? t.showChart : t.showTable}
        </button>
      </div>
    </div>`;
  }

  private renderBody(monthCount: number, grid: Grid | undefined): TemplateResult {
    const t = this.i18n.t;
    if (this.stats.status === 'error') {
      const error = this.stats.error;
      if (error?.code === 'unauthenticated' && !this.cspBlocked) return this.renderSignInToRead(() => this.stats.retry());
      return html`<div class="notice error state" role="alert" part="status">
        <p>${error?.code === 'not-found' && this.channel ? this.channelMissing(this.channelQuery ?? this.channel, this.viewer.value) : t.loadFailed}</p>
        <button class="button" type="button" @click=${this.onRetry}>${this.common.t.retry}</button>
      </div>`;
    }
    if (!grid) return this.renderSkeleton(monthCount);
    if (grid.categories.length === 0) {
      return html`<div class="notice state" part="status">
        <p>${t.empty}</p>
        <p class="hint">${t.emptyHint}</p>
      </div>`;
    }
    return html`${this.renderCallout(grid)} ${this.asTable ? this.renderTable(grid) : this.renderChart(grid)}`;
  }

  private renderSkeleton(monthCount: number): TemplateResult {
    const groups = Math.min(monthCount, 12);
    // Fixed, varied heights: a placeholder that looks like a chart, not like data.
    const heights = [55, 80, 35, 65, 45, 70, 30, 60, 50, 75, 40, 85];
    return html`<div aria-busy="true">
      <p class="visually-hidden" role="status" part="status">${this.i18n.t.loading}</p>
      <div aria-hidden="true">
        <div class="skeleton-line shimmer"></div>
        <div class="skeleton">
          ${Array.from(
            { length: groups },
            (_, g) => html`<div class="group">
              ${[0, 1, 2].map((b) => html`<span class="bar shimmer" style=${styleProps({ height: `${heights[(g + b * 5) % heights.length]}%` })}></span>`)}
            </div>`,
          )}
        </div>
      </div>
    </div>`;
  }

  private renderCallout(grid: Grid): TemplateResult {
    const t = this.i18n.t;
    const best = mostLiked(grid);
    if (!best) return html`<p class="callout" part="callout">${t.noLikes}</p>`;
    const index = grid.categories.indexOf(best.category);
    return html`<div class="callout" part="callout" style=${styleProps({ '--_callout-color': this.colorOf(best.category, index) })}>
      <p class="sentence">
        <strong
          >${t.mostLiked(
            t.category(best.category),
            this.likesText(best.likes),
            this.postsText(best.posts),
            this.decimal(best.perPost),
          )}</strong
        >
      </p>
      <p class="note">
        ${best.qualified ? t.rankedBy(this.i18n.number(MIN_POSTS_FOR_RANKING)) : t.rankedByFew} ${t.attribution}
      </p>
    </div>`;
  }

  private renderChart(grid: Grid): TemplateResult {
    const t = this.i18n.t;
    const measure = this.measure;
    const width = Math.max(240, this.width || FALLBACK_WIDTH);
    const narrow = width < 420;
    const height = narrow ? 220 : 260;

    // Values and the top of the axis.
    let max = 0;
    let highest: { category: CategoryId; month: MonthKey; value: number } | undefined;
    for (const month of grid.months) {
      for (const category of grid.categories) {
        const v = valueOf(cellOf(grid, month, category), measure) ?? 0;
        if (v > max) {
          max = v;
          highest = { category, month, value: v };
        }
      }
    }
    const ticks = niceTicks(max, narrow ? 3 : 5, measure !== 'per-post');
    const top = ticks[ticks.length - 1]!;
    const tickLabel = (v: number) => (measure === 'per-post' ? this.decimal(v) : this.i18n.number(v));

    const widest = Math.max(...ticks.map((v) => tickLabel(v).length));
    const m = { top: 10, right: 4, bottom: 36, left: widest * 7 + 10 };
    const plotW = width - m.left - m.right;
    const plotH = height - m.top - m.bottom;
    const groupW = plotW / grid.months.length;
    const n = grid.categories.length;
    const gap = groupW * (n > 1 ? 0.22 : 0.45);
    const barW = (groupW - gap) / n;
    const y = (v: number) => m.top + plotH - (top > 0 ? (v / top) * plotH : 0);
    const monthStyle = groupW >= 34 ? 'short' : 'narrow';

    const series = grid.categories.map((category, ci) => {
      const name = t.category(category);
      const bars = grid.months.map((month, mi) => {
        const value = valueOf(cellOf(grid, month, category), measure);
        const x = m.left + mi * groupW + gap / 2 + ci * barW;
        const h = value === undefined ? 0 : y(0) - y(value);
        // A hairline of a gap between neighbours, when there is room for one.
        const inset = barW > 5 ? 0.5 : 0;
        return svg`<rect
          x=${(x + inset).toFixed(2)}
          y=${(y(0) - h).toFixed(2)}
          width=${Math.max(1, barW - 2 * inset).toFixed(2)}
          height=${h.toFixed(2)}
          data-month=${month}
          data-category=${category}
        ><title>${t.barTitle(name, this.monthName(month), this.valueText(value))}</title></rect>`;
      });
      return svg`<g class="series" style=${styleProps({ '--_bar': this.colorOf(category, ci) })}>${bars}</g>`;
    });

    const gridLines = ticks.map(
      (v) => svg`<g class="tick">
        <line x1=${m.left} x2=${width - m.right} y1=${y(v)} y2=${y(v)}></line>
        <text x=${m.left - 6} y=${y(v)} dy="0.32em" text-anchor="end">${tickLabel(v)}</text>
      </g>`,
    );

    // The year under the first month and under each January, unless it would touch the one before.
    let lastYearX = -Infinity;
    const xLabels = grid.months.map((month, i) => {
      const cx = m.left + i * groupW + groupW / 2;
      const showYear = (i === 0 || month.endsWith('-01')) && cx - lastYearX >= 40;
      if (showYear) lastYearX = cx;
      return svg`<text x=${cx} y=${m.top + plotH + 16} text-anchor="middle">${this.monthName(month, monthStyle, false)}</text>
        ${showYear ? svg`<text class="year" x=${cx} y=${m.top + plotH + 30} text-anchor="middle">${month.slice(0, 4)}</text>` : nothing}`;
    });

    const titleId = `${this.ids}-chart-title`;
    const summaryId = `${this.ids}-chart-summary`;
    const categoryNames = grid.categories.map((c) => t.category(c)).join(', ');
    const summary = t.chartSummary(
      categoryNames,
      this.rangeName(grid.months),
      highest ? t.highest(t.category(highest.category), this.monthName(highest.month), this.valueText(highest.value)) : t.nothingToChart,
    );

    return html`<div class="chart-box">
      <svg
        part="chart"
        role="img"
        aria-labelledby=${titleId}
        aria-describedby=${summaryId}
        width=${width}
        height=${height}
        viewBox="0 0 ${width} ${height}"
      >
        <title id=${titleId}>${t.chartTitle(this.measureName(measure), this.rangeName(grid.months))}</title>
        ${gridLines} ${series}
        <line class="baseline" x1=${m.left} x2=${width - m.right} y1=${y(0)} y2=${y(0)}></line>
        <g class="axis">${xLabels}</g>
      </svg>
      <p class="visually-hidden" id=${summaryId}>${summary}</p>
      <ul class="legend" part="legend" aria-label=${t.legend}>
        ${grid.categories.map(
          (c, i) => html`<li><span class="swatch" style=${styleProps({ '--_bar': this.colorOf(c, i) })}></span>${t.category(c)}</li>`,
        )}
      </ul>
    </div>`;
  }

  private renderTable(grid: Grid): TemplateResult {
    const t = this.i18n.t;
    const id = (kind: string, key: string) => `${this.ids}-${kind}-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const captionId = `${this.ids}-caption`;
    const num = (n: number) => this.i18n.number(n);
    const cells = (cell: { posts: number; likes: number }, rowHeader: string, category: string) => html`<td
        class="group-start"
        headers="${rowHeader} ${id('cat', category)} ${id('posts', category)}"
        data-category=${category}
        data-measure="posts"
      >
        ${num(cell.posts)}
      </td>
      <td headers="${rowHeader} ${id('cat', category)} ${id('likes', category)}" data-category=${category} data-measure="likes">
        ${num(cell.likes)}
      </td>`;
    const allKey = '*';
    return html`<div class="table-box" role="region" aria-labelledby=${captionId} tabindex="0">
      <table part="table">
        <caption id=${captionId}>
          ${t.tableCaption(this.rangeName(grid.months))}
        </caption>
        <thead>
          <tr>
            <td></td>
            ${grid.categories.map(
              (c) => html`<th scope="colgroup" colspan="2" id=${id('cat', c)} class="group-start">${t.category(c)}</th>`,
            )}
            <th scope="colgroup" colspan="2" id=${id('cat', allKey)} class="group-start">${t.allCategories}</th>
          </tr>
          <tr>
            <th scope="col" id=${id('month', 'head')}>${t.month}</th>
            ${[...grid.categories, allKey].map(
              (c) => html`<th scope="col" class="sub group-start" id=${id('posts', c)}>${t.posts}</th>
                <th scope="col" class="sub" id=${id('likes', c)}>${t.likes}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${grid.months.map((month) => {
            const rowId = id('row', month);
            let all = { posts: 0, likes: 0 };
            const row = grid.categories.map((c) => {
              const cell = cellOf(grid, month, c);
              all = { posts: all.posts + cell.posts, likes: all.likes + cell.likes };
              return cells(cell, rowId, c);
            });
            return html`<tr data-month=${month}>
              <th scope="row" id=${rowId}>${this.monthName(month)}</th>
              ${row} ${cells(all, rowId, allKey)}
            </tr>`;
          })}
        </tbody>
        <tfoot>
          <tr data-month="total">
            <th scope="row" id=${id('row', 'total')}>${t.total}</th>
            ${grid.categories.map((c) => cells(grid.totals.get(c)!, id('row', 'total'), c))}
            ${cells(grid.all, id('row', 'total'), allKey)}
          </tr>
        </tfoot>
      </table>
    </div>`;
  }
}

function validMonths(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_MONTHS;
}

define('lenig-insights', LenigInsightsElement);

declare global {
  interface HTMLElementTagNameMap {
    'lenig-insights': LenigInsightsElement;
  }
}
