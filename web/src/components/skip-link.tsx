import type { MouseEvent } from 'react';

/** The id of the element "Skip to main content" jumps to (the page's `main`). */
export const mainContentId = 'main-content';

/** Moves focus into the page itself (the router would otherwise treat the #hash as navigation). */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById(mainContentId);
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/**
 * The first tab stop of every page (WCAG 2.4.1): past the header and navigation straight to the
 * page. Hidden until focused (styles in app/app.css). The target needs `tabIndex={-1}`.
 */
export function SkipLink() {
  return (
    <a className="app-skip-link" href={`#${mainContentId}`} onClick={skipToMain}>
      Skip to main content
    </a>
  );
}
