import type { MouseEvent, ReactNode } from 'react';
import { navigate } from './use-route';

/** A real link (new tab and keyboard work) that navigates inside the app on a plain click. */
export function AppLink({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className}>
      {children}
    </a>
  );
}
