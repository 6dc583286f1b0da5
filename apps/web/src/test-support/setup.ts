// jsdom lacks what antd measures the screen with; these stand-ins answer "a desktop screen, nothing moves".
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import '../app/i18n/i18n';

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      // Grid.useBreakpoint asks min-width queries: all true is a wide screen.
      matches: /min-width/.test(query),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (!('ResizeObserver' in window)) {
  class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserver });
}

// antd's scrollbar measuring calls getComputedStyle with a pseudo-element, which jsdom does not implement.
const computed = window.getComputedStyle.bind(window);
window.getComputedStyle = (el: Element) => computed(el);

afterEach(() => cleanup());
