import { html, nothing, type TemplateResult } from 'lit';
import { ComboboxController } from '../../controllers/combobox.js';
import type { Profile } from '../../data/types.js';
import { renderAvatar } from '../shared/avatar.js';

/**
 * The composer's @mention list: the combobox's state and keyboard (the textarea is the combobox) and the
 * people it offers. Code of its own, which the composer fetches when it is first needed: most visits to a
 * page write no post, and fewer mention anyone.
 */
export class MentionList extends ComboboxController<Profile> {
  /** The options: each person with photo or initials, name, job title and department. */
  renderOptions(): TemplateResult[] {
    return this.items.map(
      (p, i) => html`<div
        id=${this.optionId(i)}
        role="option"
        part="option"
        class="option"
        aria-selected=${i === this.active ? 'true' : 'false'}
        @click=${() => this.choose(i)}
      >
        ${renderAvatar(p, '2rem')}
        <span class="who">
          <span class="name">${p.name}</span>
          ${p.jobTitle || p.department ? html`<span class="job">${[p.jobTitle, p.department].filter(Boolean).join(' · ')}</span>` : nothing}
        </span>
      </div>`,
    );
  }
}
