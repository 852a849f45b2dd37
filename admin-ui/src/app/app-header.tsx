import { useMutation, useQueryClient } from '@tanstack/react-query';
import { messageOf } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import type { Me } from '../api/api-types';
import { ME_QUERY_KEY } from '../auth/use-me';
import { useBillingAccount } from '../billing/use-billing-account';
import { AppLink } from './app-link';
import { navigate } from './use-route';

export function AppHeader({ me, path }: { me: Me; path: string }) {
  const client = useQueryClient();
  const billing = useBillingAccount(me.tenant.id);
  const logout = useMutation({
    mutationFn: () => apiFetch<undefined>('/v1/auth/logout', { method: 'POST' }),
    onSettled: () => {
      client.setQueryData(ME_QUERY_KEY, null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      navigate('/');
    },
  });
  const authorsPacks = me.role === 'admin' || me.role === 'author';
  const nav = [
    { to: '/reports', label: 'Reports', show: true },
    // A bank sees the packs it may use (its own and the published global ones), read-only.
    { to: '/packs', label: 'Packs', show: authorsPacks || me.role === 'bank' },
    { to: '/pack-requests', label: 'Pack requests', show: me.role === 'bank' || authorsPacks },
    // A failed read still leads to the billing screen, which says what failed.
    { to: '/billing', label: 'Billing', show: Boolean(billing.data ?? billing.error) && (me.role === 'admin' || me.role === 'operator') },
  ];
  return (
    <header className="app-header">
      <AppLink to="/reports" className="brand">
        Repogen
      </AppLink>
      <nav aria-label="Main">
        {nav
          .filter((item) => item.show)
          .map((item) => (
            <AppLink key={item.to} to={item.to} className={path.startsWith(item.to) ? 'nav-link active' : 'nav-link'}>
              {item.label}
            </AppLink>
          ))}
      </nav>
      <div className="who" aria-label="Signed in as">
        <span className="tenant" title={`tenant ${me.tenant.slug} (${me.tenant.kind})`}>
          {me.tenant.name}
        </span>
        <span className="user">{me.user.label}</span>
        <span className={`role role-${me.role}`}>{me.role}</span>
        {billing.data ? (
          <span className="balance" data-testid="credit-balance" title={`${billing.data.mode} account`}>
            {billing.data.mode === 'CREDIT' ? (
              <>
                Credits: {billing.data.available} available
                <span className="small">
                  {' '}
                  · balance {billing.data.balance} · reserved {billing.data.reserved}
                </span>
              </>
            ) : billing.data.mode === 'POSTPAID' ? (
              'Postpaid billing'
            ) : (
              'Not billed'
            )}
          </span>
        ) : billing.error ? (
          <span className="balance balance-error" role="alert" data-testid="billing-error" title={messageOf(billing.error)}>
            Billing unavailable: {messageOf(billing.error)}
          </span>
        ) : null}
        <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
          {logout.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </header>
  );
}
