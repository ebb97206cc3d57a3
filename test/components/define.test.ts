import { expect } from '@open-wc/testing';
import { define } from '../../src/components/shared/define.js';
import { VERSION } from '../../src/version.js';

const registry = (globalThis as Record<symbol, { tags: Map<string, string> }>)[Symbol.for('lenig.define')]!;

function capture(): { warnings: string[]; restore: () => void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

describe('define()', () => {
  it('defines a new tag once and leaves it alone on a second call, silently for the same version', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    const c = capture();
    try {
      expect(define('lenig-test-define-a', A)).to.equal(true);
      expect(() => define('lenig-test-define-a', B)).not.to.throw();
      expect(define('lenig-test-define-a', B)).to.equal(false);
    } finally {
      c.restore();
    }
    expect(customElements.get('lenig-test-define-a')).to.equal(A);
    expect(c.warnings).to.deep.equal([]);
  });

  it('warns once when another version defined the tag first', () => {
    class A extends HTMLElement {}
    customElements.define('lenig-test-define-b', A);
    registry.tags.set('lenig-test-define-b', '0.0.1-older');
    const c = capture();
    try {
      define('lenig-test-define-b', class extends HTMLElement {});
      define('lenig-test-define-b', class extends HTMLElement {});
    } finally {
      c.restore();
    }
    expect(c.warnings).to.have.length(1);
    expect(c.warnings[0]).to.contain('0.0.1-older').and.contain(VERSION);
  });

  it('says once when a script that is not lenig holds the tag', () => {
    customElements.define('lenig-test-define-c', class extends HTMLElement {});
    const c = capture();
    try {
      define('lenig-test-define-c', class extends HTMLElement {});
      define('lenig-test-define-c', class extends HTMLElement {});
    } finally {
      c.restore();
    }
    expect(c.warnings).to.have.length(1);
    expect(c.warnings[0]).to.contain('lenig-test-define-c');
  });
});
