import { Anchor } from '@mantine/core';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../session/session-context';
import { AuthLayout } from './auth-layout';
import { RegisterForm } from './register-form';
import { safeNext } from './safe-next';

export function RegisterPage() {
  const state = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const next = safeNext(location.search);
  if (state.status === 'authenticated') return <Navigate to={next} replace />;
  return (
    <AuthLayout
      title="Register your organization"
      subtitle="You become its owner and can invite your team afterwards."
      footer={
        <>
          Already registered?{' '}
          <Anchor component={Link} to={`/login${location.search}`}>
            Sign in
          </Anchor>
        </>
      }
    >
      <RegisterForm onRegistered={() => navigate(next, { replace: true })} />
    </AuthLayout>
  );
}
