import {
  AppShell,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconLogout2 } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { SkipLink, mainContentId } from '../components/skip-link';
import { humanise } from '../lib/format';
import { showSubmitError } from '../lib/forms';
import { session, useMe } from '../session/session-context';
import { visibleNavigation } from './navigation';
import { EmailVerificationBanner } from './email-verification-banner';
import { OrganizationSwitcher } from './organization-switcher';
import { useSystemInfo } from './system-info';

function SandboxBadge() {
  const system = useSystemInfo();
  if (!system.data?.sandbox) return null;
  const sandboxed = Object.entries(system.data.integrations)
    .filter(([, mode]) => mode === 'sandbox')
    .map(([name]) => name)
    .join(', ');
  return (
    <Tooltip label={`Simulated integrations: ${sandboxed}. Nothing leaves this machine.`}>
      <Badge color="orange" variant="filled" size="lg" aria-label="Sandbox mode">
        Sandbox
      </Badge>
    </Tooltip>
  );
}

function UserMenu() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const leave = async (everywhere: boolean) => {
    try {
      if (everywhere) await session.logoutEverywhere();
      else await session.logout();
      queryClient.clear();
      await navigate('/login');
    } catch (error) {
      showSubmitError(null, error);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* Named by what it shows (WCAG 2.5.3): "Asha Rao, account menu"; on a phone, where
            the name is hidden, "Account menu". */}
        <UnstyledButton>
          <Group gap={4} wrap="nowrap">
            <Text size="sm" fw={500} visibleFrom="sm" truncate maw={180}>
              {me.user.name}
              <VisuallyHidden>, </VisuallyHidden>
            </Text>
            <VisuallyHidden>Account menu</VisuallyHidden>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Label>
          {humanise(me.role)} · {me.organization.name}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void leave(false)}>
          Log out
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout2 size={16} />} onClick={() => void leave(true)}>
          Log out everywhere
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The frame of every signed-in page: header, navigation by organization type and role, page. */
export function AppShellLayout() {
  const me = useMe();
  const system = useSystemInfo();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  // On a phone the closed navigation slides off-screen; `inert` also takes it out of the tab
  // order and the accessibility tree until the burger opens it.
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const items = visibleNavigation(me, { sandboxMailbox: system.data?.sandboxMailbox ?? false });
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Text component={Link} to="/" fw={700} size="lg" c="blue.8">
              SpareFlow
            </Text>
            <SandboxBadge />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <OrganizationSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation" inert={isPhone && !opened}>
        <Text size="xs" c="dimmed" px="sm" py={6} truncate>
          {me.organization.name} · {humanise(me.organization.type)}
        </Text>
        {items.map((item) => (
          <NavLink
            key={`${item.path}-${item.label}`}
            component={Link}
            to={item.path}
            label={item.label}
            leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
            active={
              item.path === '/'
                ? location.pathname === '/'
                : location.pathname.startsWith(item.path)
            }
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id={mainContentId} tabIndex={-1}>
        <EmailVerificationBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
