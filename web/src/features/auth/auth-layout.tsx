import { Anchor, Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { mainContentId } from '../../components/skip-link';

/** The frame of the signed-out pages: brand mark, a card, and links below it. */
export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <Center component="main" id={mainContentId} tabIndex={-1} mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={440}>
        <Stack gap="lg">
          <Anchor component={Link} to="/" fw={700} size="xl" ta="center" underline="never">
            SpareFlow
          </Anchor>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <Stack gap="md">
              <div>
                <Title order={1} size="h3">
                  {title}
                </Title>
                {subtitle && (
                  <Text c="dimmed" size="sm" mt={4}>
                    {subtitle}
                  </Text>
                )}
              </div>
              {children}
            </Stack>
          </Paper>
          {footer && (
            <Text size="sm" ta="center" component="div">
              {footer}
            </Text>
          )}
        </Stack>
      </Box>
    </Center>
  );
}
