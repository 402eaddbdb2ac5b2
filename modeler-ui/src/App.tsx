import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, ApiError, getToken, onUnauthorized } from './api/client';
import type { Location, Me, Theme, Workflow } from './api/types';
import { Header } from './components/Header';
import { LocationsView } from './components/LocationsView';
import { LoginForm } from './components/LoginForm';
import { WorkflowList } from './components/WorkflowList';
import { pushConsoleUrl, readConsoleUrl, type ConsoleUrl } from './consoleUrl';
import {
  applyTheme,
  DEFAULT_THEME_ID,
  readDiagramTheme,
  rememberThemeId,
  type DiagramTheme,
} from './theme';

// bpmn-js is by far the biggest dependency: load it only once someone is signed in.
const WorkflowModeler = lazy(() => import('./components/WorkflowModeler'));

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const isUnauthorized = (e: unknown) => e instanceof ApiError && e.status === 401;

export default function App() {
  const [booting, setBooting] = useState(() => getToken() !== null);
  const [session, setSession] = useState<Me | null>(null);
  const [loginNotice, setLoginNotice] = useState<string | null>(null);
  const [themes, setThemes] = useState<Theme[]>([]);
  const [pendingThemeId, setPendingThemeId] = useState<string | null>(null);
  const [diagramTheme, setDiagramTheme] = useState<DiagramTheme>(() => readDiagramTheme());
  const [workflows, setWorkflows] = useState<Workflow[] | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [locations, setLocations] = useState<Location[] | null>(null);
  const [url, setUrl] = useState<ConsoleUrl>(readConsoleUrl);

  // The chosen location (URL), else the agency's first.
  const location = locations?.find((l) => l.id === url.locationId) ?? locations?.[0] ?? null;
  const locationId = location?.id ?? null;

  const navigate = useCallback(
    (change: Partial<ConsoleUrl>) => {
      const next = { ...url, ...change };
      pushConsoleUrl(next);
      setUrl(next);
    },
    [url],
  );

  // Back and forward move between views and locations.
  useEffect(() => {
    const onPopState = () => setUrl(readConsoleUrl());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  /** Forget the session locally and show the login form with the default theme. */
  const endSession = useCallback((notice: string | null) => {
    api.logout();
    rememberThemeId(null);
    setSession(null);
    setLocations(null);
    setWorkflows(null);
    setSelectedKey(null);
    setThemes([]);
    setError(null);
    setLoginNotice(notice);
    setBooting(false);
    void applyTheme(DEFAULT_THEME_ID).then(() => setDiagramTheme(readDiagramTheme()));
  }, []);

  /** Adopt a session: paint with the agency theme before showing the console. */
  const startSession = useCallback(async (me: Me) => {
    await applyTheme(me.agency.themeId);
    rememberThemeId(me.agency.themeId);
    setDiagramTheme(readDiagramTheme());
    setLoginNotice(null);
    setError(null);
    setLocations(me.locations);
    setSession(me);
  }, []);

  // Any 401 on an authenticated call: back to the login form.
  useEffect(() => {
    onUnauthorized(() => endSession('Your session has expired. Please sign in again.'));
    return () => onUnauthorized(null);
  }, [endSession]);

  // A reload keeps the session (token in sessionStorage): fetch who we are.
  useEffect(() => {
    if (!getToken()) {
      void applyTheme(DEFAULT_THEME_ID).then(() => setDiagramTheme(readDiagramTheme()));
      return;
    }
    let cancelled = false;
    api
      .me()
      .then((me) => (cancelled ? undefined : startSession(me)))
      .catch((e: unknown) => {
        if (!cancelled && !isUnauthorized(e)) endSession(`Could not restore your session: ${message(e)}`);
      })
      .finally(() => {
        if (!cancelled) setBooting(false);
      });
    return () => {
      cancelled = true;
    };
  }, [startSession, endSession]);

  const refreshWorkflows = useCallback(async (locId: string) => {
    const list = await api.listWorkflows(locId);
    setWorkflows(list);
    setSelectedKey((current) => (current && list.some((w) => w.key === current) ? current : (list[0]?.key ?? null)));
    return list;
  }, []);

  // Once signed in: themes and the workflows of the first location.
  const userId = session?.user.id ?? null;
  useEffect(() => {
    if (!userId) return;
    api
      .listThemes()
      .then(setThemes)
      .catch((e: unknown) => isUnauthorized(e) || setError(`Could not load themes: ${message(e)}`));
  }, [userId]);

  const refreshLocations = useCallback(async () => {
    const list = await api.listLocations();
    setLocations(list);
    return list;
  }, []);

  // The Locations view lists what the server has now (another user may have added one).
  useEffect(() => {
    if (!userId || url.view !== 'locations') return;
    refreshLocations().catch((e: unknown) => isUnauthorized(e) || setError(`Could not load locations: ${message(e)}`));
  }, [userId, url.view, refreshLocations]);

  const createLocation = useCallback(
    async (name: string): Promise<Location> => {
      const created = await api.createLocation(name); // a refused name rejects with the problem: the form shows it
      setLocations((list) => (list?.some((l) => l.id === created.id) ? list : [...(list ?? []), created]));
      refreshLocations().catch(() => undefined);
      return created;
    },
    [refreshLocations],
  );

  useEffect(() => {
    if (!locationId) return;
    setWorkflows(null);
    setSelectedKey(null); // another location: its own workflows
    refreshWorkflows(locationId).catch(
      (e: unknown) => isUnauthorized(e) || setError(`Could not load workflows: ${message(e)}`),
    );
  }, [locationId, refreshWorkflows]);

  async function signIn(email: string, password: string) {
    const { token: _token, expiresAt: _expiresAt, ...me } = await api.login({ email, password });
    await startSession(me);
  }

  async function changeTheme(themeId: string) {
    if (!session || themeId === session.agency.themeId) return;
    setPendingThemeId(themeId);
    setError(null);
    try {
      const agency = await api.setAgencyTheme(themeId); // 1. persist
      await applyTheme(agency.themeId); // 2. swap the stylesheet and wait for it
      rememberThemeId(agency.themeId);
      setSession((s) => (s ? { ...s, agency: { ...s.agency, ...agency } } : s));
      setDiagramTheme(readDiagramTheme()); // 3. rebuild the diagram in the new colours
    } catch (e) {
      if (!isUnauthorized(e)) setError(`Could not change the theme: ${message(e)}`);
    } finally {
      setPendingThemeId(null);
    }
  }

  const deploy = useCallback(
    async (xml: string): Promise<Workflow> => {
      if (!locationId) throw new Error('No location selected.');
      const deployed = await api.deployWorkflow(locationId, xml);
      setSelectedKey(deployed.key);
      try {
        await refreshWorkflows(locationId);
      } catch {
        // The deploy worked; show it even if the refresh did not.
        setWorkflows((list) => list && list.map((w) => (w.key === deployed.key ? deployed : w)));
      }
      return deployed;
    },
    [locationId, refreshWorkflows],
  );

  if (booting) {
    return <p className="p-6 text-muted">Loading…</p>;
  }

  if (!session) {
    return <LoginForm onSignIn={signIn} notice={loginNotice} />;
  }

  return (
    <div className="flex h-full flex-col">
      <Header
        agency={pendingThemeId ? { ...session.agency, themeId: pendingThemeId } : session.agency}
        logoThemeId={session.agency.themeId}
        user={session.user}
        locations={locations ?? []}
        location={location}
        onLocationChange={(id) => navigate({ locationId: id })}
        view={url.view}
        onViewChange={(view) => navigate({ view })}
        themes={themes}
        themeBusy={pendingThemeId !== null}
        onThemeChange={(id) => void changeTheme(id)}
        onSignOut={() => endSession(null)}
      />
      {error && (
        <p role="alert" className="whitespace-pre-line border-b border-primary bg-surface px-5 py-2 text-sm">
          {error}
        </p>
      )}
      {url.view === 'locations' && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <LocationsView
            locations={locations}
            currentLocationId={locationId}
            onCreate={createLocation}
            onOpen={(id) => navigate({ locationId: id, view: 'workflows' })}
          />
        </main>
      )}
      {url.view === 'workflows' && (
        <div className="flex min-h-0 flex-1">
          <aside className="w-72 shrink-0 border-r border-border bg-surface">
            <WorkflowList workflows={workflows} selectedKey={selectedKey} onSelect={setSelectedKey} />
          </aside>
          <main className="min-w-0 flex-1">
            {!location && <p className="p-6 text-muted">Your account has no location yet.</p>}
            {location && workflows?.length === 0 && (
              <p className="p-6 text-muted">Deploy a workflow to this location to edit it here.</p>
            )}
            {location && selectedKey && (
              <Suspense fallback={<p className="p-6 text-muted">Loading the modeler…</p>}>
                <WorkflowModeler
                  locationId={location.id}
                  workflowKey={selectedKey}
                  workflowName={workflows?.find((w) => w.key === selectedKey)?.name}
                  theme={diagramTheme}
                  onSave={deploy}
                />
              </Suspense>
            )}
          </main>
        </div>
      )}
    </div>
  );
}
