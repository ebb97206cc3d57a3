import { html, nothing, type TemplateResult } from 'lit';

export interface TextFieldOptions {
  /** The textarea's id (its label points at it). */
  id: string;
  label: string;
  value: string;
  /** The message under the field; marks the field invalid while not empty. */
  error: string;
  /** The id of that message's element. */
  errorId: string;
  /** The id of a hint shown elsewhere in the form (a keyboard shortcut), also part of the description. */
  hintId?: string;
  /** While sending: the text stays readable and selectable, but fixed. */
  readonly: boolean;
  onInput: (e: Event) => void;
  onKeydown?: (e: KeyboardEvent) => void;
}

/**
 * The labelled text box of a small form (a reply, an edit, a report) with its error message: the message
 * is announced when it appears (`role=alert`) and is part of the field's description, as is the hint.
 */
export function renderTextField(o: TextFieldOptions): TemplateResult {
  return html`<label for=${o.id}>${o.label}</label>
    <textarea
      id=${o.id}
      part="textarea"
      .value=${o.value}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${o.hintId ? `${o.errorId} ${o.hintId}` : o.errorId}
      ?readonly=${o.readonly}
      @input=${o.onInput}
      @keydown=${o.onKeydown ?? nothing}
    ></textarea>
    <p id=${o.errorId} class="error" role="alert">${o.error}</p>`;
}
