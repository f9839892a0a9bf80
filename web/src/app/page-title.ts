import { useDocumentTitle } from '@mantine/hooks';

/** The browser tab's name for a page: "Stock · SpareFlow" (just "SpareFlow" without a title). */
export function documentTitleOf(title: string | undefined): string {
  const trimmed = title?.trim();
  return trimmed ? `${trimmed} · SpareFlow` : 'SpareFlow';
}

/**
 * Names the browser tab after the page (WCAG 2.4.2): screen readers announce it on navigation
 * and people tell tabs apart by it. PageHeader and AuthLayout call it with their heading.
 */
export function usePageTitle(title: string | undefined): void {
  useDocumentTitle(documentTitleOf(title));
}
