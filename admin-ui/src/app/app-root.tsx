import { useEffect } from 'react';
import { LoginScreen } from '../auth/login-screen';
import { BillingScreen } from '../billing/billing-screen';
import { useMe } from '../auth/use-me';
import { PackRequestsScreen } from '../pack-requests/pack-requests-screen';
import { PacksScreen } from '../packs/packs-screen';
import { ReportsScreen } from '../reports/reports-screen';
import { ReportWorkspace } from '../workspace/report-workspace';
import { AppHeader } from './app-header';
import { StatusLine } from './status-line';
import { navigate, useRoute } from './use-route';

/** Signs in, then routes by path: /reports, /reports/{id}, /packs. */
export function AppRoot() {
  const me = useMe();
  const path = useRoute();
  useEffect(() => {
    if (me.data && (path === '/' || path === '/login')) navigate('/reports');
  }, [me.data, path]);

  if (me.isPending) return <StatusLine pending label="Checking your session…" />;
  if (me.error) return <StatusLine error={me.error} />;
  if (!me.data) return <LoginScreen />;

  const reportMatch = /^\/reports\/([0-9a-f-]{36})$/.exec(path);
  let screen;
  if (reportMatch) screen = <ReportWorkspace reportId={reportMatch[1]!} me={me.data} />;
  else if (path.startsWith('/packs')) screen = <PacksScreen me={me.data} />;
  else if (path.startsWith('/pack-requests')) screen = <PackRequestsScreen me={me.data} />;
  else if (path.startsWith('/billing')) screen = <BillingScreen me={me.data} />;
  else screen = <ReportsScreen me={me.data} />;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader me={me.data} path={path} />
      <main id="main" tabIndex={-1}>
        {screen}
      </main>
    </>
  );
}
