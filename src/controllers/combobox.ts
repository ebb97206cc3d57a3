import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

export interface ComboboxOptions<T> {
  /** Element ids are derived from this, so two comboboxes in one shadow root do not collide. */
  id: string;
  /** The options for what was typed; may be async (a profile search). An empty query may have options too. */
  search: (query: string) => readonly T[] | Promise<readonly T[]>;
  /** Called when the user picks an option (Enter, Tab with an option active, or a click). */
  pick: (item: T) => void;
  /** Open the list on an empty query with ArrowDown (the merge picker shows similar ideas first). */
  openOnEmpty?: boolean;
  /**
   * The field is a multi-line text (the composer's @mention list), whose host sets the query itself
   * with `search()`: with the list closed the keys keep their text meaning, Enter with no option
   * active is a new line, and a failed search just closes the list.
   */
  multiline?: boolean;
  /** Each answer, e.g. to announce how many were found. */
  onResults?: (items: readonly T[]) => void;
  /** Escape closed the list. */
  onDismiss?: () => void;
}

/**
 * The state and keyboard of an ARIA 1.2 editable combobox with a list popup (focus stays in the field,
 * the active option is `aria-activedescendant`, ↑/↓ move, Enter or Tab pick, Escape closes) as a
 * controller, so the host renders the field and the list in its own shadow root, where labels and ids
 * resolve. The idea detail's owner and merge pickers use `render()`; the composer's @mention list renders
 * its own textarea and list and drives this with `search()` and `onKeydown()`.
 */
export class ComboboxController<T> implements ReactiveController {
  query = '';
  items: readonly T[] = [];
  active = -1;
  open = false;
  /** A search has answered at least once for the current query (distinguishes "nothing found" from "still looking"). */
  answered = false;
  private seq = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ComboboxOptions<T>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close();
  }

  get listId(): string {
    return `${this.options.id}-list`;
  }

  optionId(i: number): string {
    return `${this.options.id}-option-${i}`;
  }

  onInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    void this.look(false);
  }

  /** Looks up options for `query` (a host that reads the query from its own field). */
  search(query: string): Promise<void> {
    this.query = query;
    return this.look(true);
  }

  /** Whether the list is showing options. */
  get expanded(): boolean {
    return this.open && this.items.length > 0;
  }

  onKeydown(e: KeyboardEvent): void {
    const n = this.items.length;
    if (this.options.multiline && !this.expanded) return;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.open) {
          if (this.query.trim() || this.options.openOnEmpty) void this.look(true, 0);
          return;
        }
        if (n) this.active = (this.active + 1) % n;
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (this.open && n) this.active = this.active <= 0 ? n - 1 : this.active - 1;
        break;
      case 'Enter':
        if (this.options.multiline) {
          // Nothing chosen yet: Enter is a new line, as without the list.
          if (this.active >= 0) {
            e.preventDefault();
            this.choose(this.active);
          } else {
            this.close();
          }
          break;
        }
        // Enter inside the combobox never submits a surrounding form: it picks, or does nothing.
        e.preventDefault();
        if (this.open && this.active >= 0) this.choose(this.active);
        break;
      case 'Tab':
        if (this.open && this.active >= 0) {
          e.preventDefault();
          this.choose(this.active);
        } else {
          this.close();
        }
        break;
      case 'Escape':
        if (this.open) {
          // Swallowed only when it closed something, so the dialog around us closes on the next Escape.
          e.preventDefault();
          e.stopPropagation();
          this.close();
          this.options.onDismiss?.();
        } else if (this.query) {
          e.preventDefault();
          e.stopPropagation();
          this.clear();
        }
        break;
      default:
        return;
    }
    this.host.requestUpdate();
  }

  /** Picks option `i`. */
  choose(i: number): void {
    const item = this.items[i];
    if (item === undefined) return;
    this.close();
    this.options.pick(item);
  }

  close(): void {
    this.seq++;
    this.open = false;
    this.active = -1;
    this.host.requestUpdate();
  }

  clear(): void {
    this.query = '';
    this.items = [];
    this.answered = false;
    this.close();
  }

  private async look(show: boolean, activate = -1): Promise<void> {
    const seq = ++this.seq;
    const query = this.query.trim();
    if (!show && !query) {
      this.items = [];
      this.open = false;
      this.active = -1;
      this.host.requestUpdate();
      return;
    }
    this.answered = false;
    let found: readonly T[];
    try {
      found = await this.options.search(query);
    } catch {
      // A failed lookup only means no options; the person can keep typing.
      if (this.options.multiline) {
        if (seq === this.seq) this.close();
        return;
      }
      found = [];
    }
    // A slower answer to an older query must not replace the newer one.
    if (seq !== this.seq) return;
    this.items = found;
    this.answered = true;
    this.open = true;
    this.active = found.length ? Math.min(Math.max(activate, -1), found.length - 1) : -1;
    this.options.onResults?.(found);
    this.host.requestUpdate();
  }

  /**
   * The input and its list. `label` is the visible label's id; `renderItem` draws one option's content.
   * The list stays in the DOM (hidden) so `aria-controls` always points at something.
   */
  render(args: {
    labelId: string;
    describedBy?: string;
    disabled?: boolean;
    placeholder?: string;
    listLabel: string;
    empty: string;
    renderItem: (item: T) => TemplateResult;
  }): TemplateResult {
    const open = this.open && this.items.length > 0;
    const nothingFound = this.open && this.answered && this.items.length === 0;
    return html`<div class="combo">
      <input
        id=${this.options.id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${this.listId}
        aria-labelledby=${args.labelId}
        aria-describedby=${ifDefined(args.describedBy)}
        aria-activedescendant=${ifDefined(open && this.active >= 0 ? this.optionId(this.active) : undefined)}
        placeholder=${ifDefined(args.placeholder)}
        .value=${live(this.query)}
        ?disabled=${args.disabled ?? false}
        @input=${(e: Event) => this.onInput(e)}
        @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}
        @blur=${() => this.close()}
      />
      <div id=${this.listId} role="listbox" class="listbox" aria-label=${args.listLabel} ?hidden=${!open} @mousedown=${(e: Event) => e.preventDefault()}>
        ${this.items.map(
          (item, i) => html`<div
            id=${this.optionId(i)}
            role="option"
            class="option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            @click=${() => this.choose(i)}
          >
            ${args.renderItem(item)}
          </div>`,
        )}
      </div>
      <p class="combo-empty" role="status">${nothingFound ? args.empty : nothing}</p>
    </div>`;
  }
}
