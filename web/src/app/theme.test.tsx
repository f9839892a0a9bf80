import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './accessible-colors';
import { AppProviders } from './app-providers';
import { accessibleLightColours, theme } from './theme';

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
const colours = accessibleLightColours(resolved.colors, 8);
const variable = (name: string) => {
  const value = colours[name];
  if (!value) throw new Error(`no ${name}`);
  return value;
};
const white = '#ffffff';
const { gray } = resolved.colors;

describe('the theme reads at AA (4.5:1) in the light scheme', () => {
  it('fixes the badges and labels of issue 11', () => {
    const yellow = resolved.colors.yellow;
    const green = resolved.colors.green;
    // PENDING (yellow light badge), ACTIVE (green light badge), SANDBOX (orange filled badge).
    expect(
      contrastRatio(variable('--mantine-color-yellow-light-color'), yellow[1]),
    ).toBeGreaterThanOrEqual(4.5);
    expect(
      contrastRatio(variable('--mantine-color-green-light-color'), green[1]),
    ).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(white, variable('--mantine-color-orange-filled'))).toBeGreaterThanOrEqual(
      4.5,
    );
    // Grey ("dimmed") labels on white, on striped rows and on the sign-in page's grey.
    for (const background of [white, gray[0], gray[1]])
      expect(contrastRatio(variable('--mantine-color-dimmed'), background)).toBeGreaterThanOrEqual(
        4.5,
      );
  });

  it('every colour: light text on its tints, white on its fill, error and placeholder text', () => {
    for (const [name, shades] of Object.entries(resolved.colors)) {
      if (name === 'dark') continue;
      const text = variable(`--mantine-color-${name}-light-color`);
      for (const background of [shades[1], shades[2], white, gray[0]])
        expect({ name, ratio: contrastRatio(text, background) >= 4.5 }).toEqual({
          name,
          ratio: true,
        });
      expect({
        name,
        filled: contrastRatio(white, variable(`--mantine-color-${name}-filled`)) >= 4.5,
      }).toEqual({ name, filled: true });
    }
    expect(contrastRatio(variable('--mantine-color-error'), white)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(variable('--mantine-color-placeholder'), white)).toBeGreaterThanOrEqual(
      4.5,
    );
  });

  it('the primary colour is blue 8: white on it reads at 5:1', () => {
    expect(resolved.primaryShade).toEqual({ light: 8, dark: 8 });
    expect(contrastRatio(white, resolved.colors.blue[8])).toBeGreaterThanOrEqual(4.5);
  });

  it('reaches the page: MantineProvider writes the AA variables for the light scheme', () => {
    render(
      <AppProviders>
        <p>SpareFlow</p>
      </AppProviders>,
    );
    const css = [...document.querySelectorAll('style')]
      .map((style) => style.textContent)
      .join('\n');
    expect(css).toContain(
      `--mantine-color-yellow-light-color: ${variable('--mantine-color-yellow-light-color')}`,
    );
    expect(css).toContain(`--mantine-color-dimmed: ${variable('--mantine-color-dimmed')}`);
  });
});

describe('named controls', () => {
  it('a notification’s × is named', async () => {
    render(
      <AppProviders>
        <p>SpareFlow</p>
      </AppProviders>,
    );
    act(() => {
      notifications.show({ message: 'CMP-15 adjusted: 15 on hand, 15 available.' });
    });
    expect(await screen.findByRole('button', { name: 'Close notification' })).toBeInTheDocument();
  });
});
