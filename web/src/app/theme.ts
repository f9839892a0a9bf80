import {
  Anchor,
  Modal,
  Notification,
  Select,
  createTheme,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';
import { darken, darkenUntil } from './accessible-colors';

/**
 * One theme for the app: system fonts (nothing fetched from the network), blue primary at shade 8
 * (white on Mantine's default blue 6 is 3.56:1, below AA; blue 8 is 5.02:1).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Labels stay visible above inputs (placeholders alone are not accessible labels).
    TextInput: { defaultProps: { size: 'sm' } },
    // The × of every dialog has a name. Initial focus goes to the dialog's first field
    // (`data-autofocus`, see components/app-dialog.tsx), not to this button.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
    }),
    // A select opens on click or the arrow keys, not on focus: a dialog whose first field is a
    // select opens with the form in view, not with a list over it.
    Select: Select.extend({ defaultProps: { openOnFocus: false } }),
    // Links are underlined, not told apart from the text around them by colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

const white = '#ffffff';

/**
 * The light scheme's text and fill colours, each darkened from Mantine's palette until it reads
 * at AA (4.5:1) where it is drawn:
 * - `*-light-color` / `*-text` (light badges, subtle buttons, alerts, coloured text) against the
 *   colour's own tints 1 and 2 (badge and hover backgrounds), white and the grey of striped rows;
 * - `*-filled` (filled badges and buttons) under white text;
 * - dimmed labels, placeholders and error text against white and the light greys.
 */
export function accessibleLightColours(
  colors: Record<string, MantineColorsTuple>,
  primaryShade = 8,
): Record<string, string> {
  const gray = colors.gray ?? ([] as unknown as MantineColorsTuple);
  const greys = [white, gray[0] ?? '#f8f9fa', gray[1] ?? '#f1f3f5'];
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    if (name === 'dark') continue; // the dark scheme's greys, never drawn on light backgrounds
    const text = darkenUntil(shades[9], [shades[1], shades[2], ...greys]);
    const filled = darkenUntil(shades[primaryShade] ?? shades[9], [white]);
    variables[`--mantine-color-${name}-light-color`] = text;
    variables[`--mantine-color-${name}-text`] = text;
    variables[`--mantine-color-${name}-filled`] = filled;
    variables[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.12);
    variables[`--mantine-color-${name}-outline`] = filled;
  }
  const dimmed = darkenUntil(gray[6] ?? '#868e96', greys);
  variables['--mantine-color-dimmed'] = dimmed;
  variables['--mantine-color-placeholder'] = dimmed;
  variables['--mantine-color-error'] = variables['--mantine-color-red-text'] ?? '#c92a2a';
  return variables;
}

/** For MantineProvider: the light scheme's AA colours; the dark scheme is not offered. */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: accessibleLightColours(
    resolved.colors,
    typeof resolved.primaryShade === 'object' ? resolved.primaryShade.light : resolved.primaryShade,
  ),
  dark: {},
});
