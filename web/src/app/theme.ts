import { createTheme } from '@mantine/core';

/** One theme for the app: system fonts (nothing fetched from the network), blue primary. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Labels stay visible above inputs (placeholders alone are not accessible labels).
    TextInput: { defaultProps: { size: 'sm' } },
  },
});
