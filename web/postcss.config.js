// Mantine's PostCSS preset: its mixins and rem/breakpoint helpers in our CSS modules.
export default {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
