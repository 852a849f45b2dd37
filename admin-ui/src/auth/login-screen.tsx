import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiFetch } from '../api/api-fetch';
import type { Me } from '../api/api-types';
import { StatusLine } from '../app/status-line';
import { ME_QUERY_KEY } from './use-me';

export function LoginScreen() {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => apiFetch<Me>('/v1/auth/login', { method: 'POST', body: { email, password } }),
    onSuccess: (me) => {
      client.setQueryData(ME_QUERY_KEY, me);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  return (
    <main className="login">
      <form className="card login-card" onSubmit={onSubmit} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to Repogen</h1>
        <label htmlFor="login-email">Email</label>
        <input id="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        <label htmlFor="login-password">Password</label>
        <input id="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="primary" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <StatusLine pending={login.isPending} error={login.error} label="Signing in…" />
      </form>
    </main>
  );
}
