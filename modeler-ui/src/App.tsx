import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, ApiError, getToken, onUnauthorized } from './api/client';
import type { Location, LoginResponse, Me, Theme, Workflow } from './api/types';
import { AcceptInvitationForm } from './components/AcceptInvitationForm';
import { AgencyView } from './components/AgencyView';
import { CompaniesView } from './components/crm/CompaniesView';
import { ContactPage } from './components/crm/ContactPage';
import { ContactsView } from './components/crm/ContactsView';
import { useLocationUsers } from './components/crm/locationUsers';
import { MyTasksView } from './components/crm/MyTasksView';
import { PipelineBoardView } from './components/crm/PipelineBoardView';
import { SettingsView } from './components/crm/SettingsView';
import { Header, navViewOf, type NavView } from './components/Header';
import { NotificationBell } from './components/NotificationBell';
import { ImportsView } from './components/imports/ImportsView';
import { LocationsView } from './components/LocationsView';
import { LoginForm } from './components/LoginForm';
import { PluginSettingsView } from './components/plugins/PluginSettingsView';
import { PluginsView } from './components/plugins/PluginsView';
import { TrustView } from './components/plugins/TrustView';
import { SegmentBuilder } from './components/segments/SegmentBuilder';
import { SegmentsView } from './components/segments/SegmentsView';
import { SegmentView } from './components/segments/SegmentView';
import { RunsView } from './components/runs/RunsView';
import { WorkflowList } from './components/WorkflowList';
import {
  clearInvitationToken,
  consoleHref,
  pushConsoleUrl,
  readConsoleUrl,
  readInvitationToken,
  type ConsoleUrl,
  type View,
} from './consoleUrl';
import { appliedThemeId, may, mayInLocation } from './permissions';
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
  const [invitationToken, setInvitationToken] = useState<string | null>(readInvitationToken);
  const [booting, setBooting] = useState(() => getToken() !== null && readInvitationToken() === null);
  const [session, setSession] = useState<Me | null>(null);
  const [loginNotice, setLoginNotice] = useState<string | null>(null);
  const [themes, setThemes] = useState<Theme[]>([]);
  /** A theme change in flight: the user's own (`mine`, null = the agency's) or the agency's. */
  const [pendingTheme, setPendingTheme] = useState<{ mine: string | null } | { agency: string } | null>(null);
  const [diagramTheme, setDiagramTheme] = useState<DiagramTheme>(() => readDiagramTheme());
  const [workflows, setWorkflows] = useState<Workflow[] | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [locations, setLocations] = useState<Location[] | null>(null);
  const [url, setUrl] = useState<ConsoleUrl>(readConsoleUrl);

  // The chosen location (URL), else the agency's first.
  const location = locations?.find((l) => l.id === url.locationId) ?? locations?.[0] ?? null;
  const locationId = location?.id ?? null;
  const users = useLocationUsers(session, locationId);

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

  /** Adopt a session: paint with the user's theme (else the agency's) before showing the console. */
  const startSession = useCallback(async (me: Me) => {
    await applyTheme(appliedThemeId(me));
    rememberThemeId(appliedThemeId(me));
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

  // A reload keeps the session (token in sessionStorage): fetch who we are. An invitation link asks first.
  useEffect(() => {
    if (!getToken() || readInvitationToken() !== null) {
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

  /** The sign-in answer lacks the user's own theme: ask who we are, as a reload does. */
  async function adopt(signedIn: LoginResponse) {
    const { token: _token, expiresAt: _expiresAt, ...rest } = signedIn;
    const me = await api.me().catch((): Me => rest);
    await startSession(me);
  }

  async function signIn(email: string, password: string) {
    await adopt(await api.login({ email, password }));
  }

  async function acceptInvitation(password: string) {
    if (!invitationToken) return;
    const signedIn = await api.acceptInvitation(invitationToken, password); // 404 and 400: the form shows them
    clearInvitationToken();
    setInvitationToken(null);
    await adopt(signedIn);
  }

  /** Repaints with the theme `me` says, if it is not the one shown. */
  async function repaint(me: Me) {
    await applyTheme(appliedThemeId(me)); // swap the stylesheet and wait for it
    rememberThemeId(appliedThemeId(me));
    setDiagramTheme(readDiagramTheme()); // rebuild the diagram in the new colours
  }

  /** The user's own theme (header); null follows the agency's. */
  async function changeMyTheme(themeId: string | null) {
    if (!session || themeId === (session.themeId ?? null)) return;
    setPendingTheme({ mine: themeId });
    setError(null);
    try {
      const me = await api.setMyTheme(themeId);
      await repaint(me);
      setSession(me);
    } catch (e) {
      if (!isUnauthorized(e)) setError(`Could not change the theme: ${message(e)}`);
    } finally {
      setPendingTheme(null);
    }
  }

  /** The agency's theme (Agency view): what every user sees who chose none. */
  async function changeAgencyTheme(themeId: string) {
    if (!session || themeId === session.agency.themeId) return;
    setPendingTheme({ agency: themeId });
    setError(null);
    try {
      const agency = await api.setAgencyTheme(themeId);
      const me = { ...session, agency: { ...session.agency, ...agency } };
      await repaint(me);
      setSession(me);
    } catch (e) {
      if (!isUnauthorized(e)) setError(`Could not change the agency's theme: ${message(e)}`);
    } finally {
      setPendingTheme(null);
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

  if (invitationToken) {
    return (
      <AcceptInvitationForm
        onAccept={acceptInvitation}
        onSignInInstead={() => {
          clearInvitationToken();
          setInvitationToken(null);
          if (getToken()) window.location.reload(); // a session of this tab: restore it
        }}
      />
    );
  }

  if (booting) {
    return <p className="p-6 text-muted">Loading…</p>;
  }

  if (!session) {
    return <LoginForm onSignIn={signIn} notice={loginNotice} />;
  }

  // Only what the user may do (the server refuses the rest anyway).
  const manageUsers = may(session, 'agency.users');
  const manageAgencyTheme = may(session, 'agency.theme');
  const readLocation = location !== null && mayInLocation(session, location.id, 'location.read');
  const views: NavView[] = [
    'workflows',
    ...(readLocation ? (['runs'] as const) : []),
    ...(readLocation ? (['contacts', 'segments', 'companies', 'pipeline', 'tasks', 'custom-fields', 'imports'] as const) : []),
    'locations',
    ...(may(session, 'plugins.read') ? (['plugins'] as const) : []),
    ...(may(session, 'platform.plugins') ? (['trust'] as const) : []),
    ...(manageUsers || manageAgencyTheme ? (['agency'] as const) : []),
  ];
  const editContacts = location !== null && mayInLocation(session, location.id, 'location.contacts');
  const view: View =
    views.includes(navViewOf(url.view)) &&
    (url.view !== 'contact' || url.contactId) &&
    (url.view !== 'plugin-settings' || url.pluginId) &&
    (url.view !== 'segment' || url.segmentId) &&
    (url.view !== 'segment-edit' || url.segmentId || editContacts)
      ? url.view
      : 'workflows';
  const editSettings = location !== null && mayInLocation(session, location.id, 'location.settings');
  const contactHref = (contactId: string) => consoleHref({ view: 'contact', locationId, contactId });
  const openContact = (contactId: string) => navigate({ view: 'contact', contactId });
  const segmentHref = (segmentId: string) => consoleHref({ view: 'segment', locationId, contactId: null, segmentId });
  const boardHref = (pipelineId: string) => consoleHref({ view: 'pipeline', locationId, contactId: null, pipelineId });
  const readOnlyReason =
    location && !mayInLocation(session, location.id, 'location.workflows')
      ? `your role in ${location.name} does not let you deploy workflows.`
      : null;

  return (
    <div className="flex h-full flex-col">
      <Header
        agency={session.agency}
        themeChoice={pendingTheme && 'mine' in pendingTheme ? pendingTheme.mine : (session.themeId ?? null)}
        logoThemeId={appliedThemeId(session)}
        user={session.user}
        locations={locations ?? []}
        location={location}
        onLocationChange={(id) =>
          // a contact, company or pipeline belongs to its location: another location opens its list
          navigate(
            view === 'contact'
              ? { locationId: id, view: 'contacts', contactId: null }
              : view === 'segment' || view === 'segment-edit'
                ? { locationId: id, view: 'segments', segmentId: null }
                : { locationId: id, companyId: null, pipelineId: null, runId: null, contactId: null },
          )
        }
        views={views}
        view={view}
        onViewChange={(v) => navigate(v === 'runs' ? { view: v, contactId: null, runId: null } : { view: v })}
        themes={themes}
        themeBusy={pendingTheme !== null}
        onThemeChange={(id) => void changeMyTheme(id)}
        onSignOut={() => endSession(null)}
        bell={
          location && (
            <NotificationBell
              key={location.id}
              locationId={location.id}
              onOpenContact={openContact}
              onOpenRun={(runId) => navigate({ view: 'runs', runId, contactId: null })}
            />
          )
        }
      />
      {error && (
        <p role="alert" className="whitespace-pre-line border-b border-primary bg-surface px-5 py-2 text-sm">
          {error}
        </p>
      )}
      {view === 'agency' && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <AgencyView
            agencyId={session.agency.id}
            selfId={session.user.id}
            locations={locations ?? session.locations}
            manageUsers={manageUsers}
            agencyTheme={
              manageAgencyTheme
                ? {
                    themes,
                    themeId: pendingTheme && 'agency' in pendingTheme ? pendingTheme.agency : session.agency.themeId,
                    busy: pendingTheme !== null,
                    onChange: (id) => void changeAgencyTheme(id),
                  }
                : null
            }
          />
        </main>
      )}
      {view === 'contacts' && location && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <ContactsView
            key={location.id}
            locationId={location.id}
            canEdit={editContacts}
            onOpen={(contactId) => navigate({ view: 'contact', contactId })}
            contactHref={contactHref}
          />
        </main>
      )}
      {view === 'segments' && location && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <SegmentsView
            key={location.id}
            locationId={location.id}
            canEdit={editContacts}
            segmentHref={segmentHref}
            onOpen={(segmentId) => navigate({ view: 'segment', segmentId })}
            onEdit={(segmentId) => navigate({ view: 'segment-edit', segmentId })}
            onNew={() => navigate({ view: 'segment-edit', segmentId: null })}
          />
        </main>
      )}
      {view === 'segment' && location && url.segmentId && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <SegmentView
            key={`${location.id}:${url.segmentId}`}
            locationId={location.id}
            segmentId={url.segmentId}
            canEdit={editContacts}
            contactHref={contactHref}
            onOpenContact={openContact}
            onEdit={() => navigate({ view: 'segment-edit' })}
            backHref={consoleHref({ view: 'segments', locationId, contactId: null })}
            onBack={() => navigate({ view: 'segments', segmentId: null })}
            onDeleted={() => navigate({ view: 'segments', segmentId: null })}
          />
        </main>
      )}
      {view === 'segment-edit' && location && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <SegmentBuilder
            key={`${location.id}:${url.segmentId ?? 'new'}`}
            locationId={location.id}
            segmentId={url.segmentId ?? null}
            canEdit={editContacts}
            users={users.list}
            contactHref={contactHref}
            onOpenContact={openContact}
            onSaved={(segment) => navigate({ view: 'segment', segmentId: segment.id })}
            onCancel={() => navigate(url.segmentId ? { view: 'segment' } : { view: 'segments' })}
          />
        </main>
      )}
      {view === 'contact' && location && url.contactId && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <ContactPage
            key={`${location.id}:${url.contactId}`}
            locationId={location.id}
            contactId={url.contactId}
            canEdit={editContacts}
            selfId={session.user.id}
            users={users}
            onBack={() => navigate({ view: 'contacts', contactId: null })}
            backHref={consoleHref({ view: 'contacts', locationId, contactId: null })}
            boardHref={boardHref}
            runsHref={consoleHref({ view: 'runs', locationId, contactId: url.contactId })}
            onOpenRuns={() => navigate({ view: 'runs', runId: null })}
          />
        </main>
      )}
      {view === 'companies' && location && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <CompaniesView
            key={location.id}
            locationId={location.id}
            companyId={url.companyId ?? null}
            onOpen={(companyId) => navigate({ view: 'companies', companyId })}
            companyHref={(companyId) => consoleHref({ view: 'companies', locationId, contactId: null, companyId })}
            canEdit={editContacts}
            contactHref={contactHref}
            onOpenContact={openContact}
          />
        </main>
      )}
      {view === 'pipeline' && location && (
        <main className="min-h-0 flex-1 overflow-hidden">
          <PipelineBoardView
            key={location.id}
            locationId={location.id}
            locationName={location.name}
            pipelineId={url.pipelineId ?? null}
            onPipelineChange={(pipelineId) => navigate({ view: 'pipeline', pipelineId })}
            canEdit={editContacts}
            onOpenSettings={editSettings ? () => navigate({ view: 'pipelines' }) : null}
            contactHref={contactHref}
            onOpenContact={openContact}
          />
        </main>
      )}
      {view === 'tasks' && location && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <MyTasksView
            key={location.id}
            locationId={location.id}
            locationName={location.name}
            canEdit={editContacts}
            contactHref={contactHref}
            onOpenContact={openContact}
          />
        </main>
      )}
      {(view === 'custom-fields' || view === 'custom-values' || view === 'pipelines' || view === 'crm-settings') && location && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <SettingsView
            locationId={location.id}
            locationName={location.name}
            page={view}
            onPageChange={(page) => navigate({ view: page })}
            canEdit={editSettings}
          />
        </main>
      )}
      {view === 'imports' && location && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <ImportsView key={location.id} locationId={location.id} locationName={location.name} canImport={editContacts} />
        </main>
      )}
      {view === 'plugins' && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <PluginsView
            canManage={may(session, 'platform.plugins')}
            location={readLocation ? location : null}
            canChangeLocation={editSettings}
            settingsHref={(pluginId) => consoleHref({ view: 'plugin-settings', locationId, contactId: null, pluginId })}
            onOpenSettings={(pluginId) => navigate({ view: 'plugin-settings', pluginId })}
          />
        </main>
      )}
      {view === 'trust' && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <TrustView selfId={session.user.id} usersOf={manageUsers ? session.agency.id : null} />
        </main>
      )}
      {view === 'plugin-settings' && location && url.pluginId && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <PluginSettingsView
            key={`${location.id}:${url.pluginId}`}
            locationId={location.id}
            locationName={location.name}
            pluginId={url.pluginId}
            canEdit={editSettings}
            backHref={consoleHref({ view: 'plugins', locationId, contactId: null })}
            onBack={() => navigate({ view: 'plugins', pluginId: null })}
          />
        </main>
      )}
      {view === 'locations' && (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <LocationsView
            locations={locations}
            currentLocationId={locationId}
            onCreate={may(session, 'agency.locations') ? createLocation : null}
            onOpen={(id) => navigate({ locationId: id, view: 'workflows' })}
          />
        </main>
      )}
      {view === 'runs' && location && (
        <main className="flex min-h-0 flex-1">
          <RunsView
            key={location.id}
            locationId={location.id}
            locationName={location.name}
            canAct={mayInLocation(session, location.id, 'location.workflows')}
            runId={url.runId ?? null}
            contactId={url.contactId}
            onOpenRun={(runId) => navigate({ runId })}
            onClearContact={() => navigate({ contactId: null, runId: null })}
            contactHref={contactHref}
            onOpenContact={openContact}
          />
        </main>
      )}
      {view === 'workflows' && (
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
                  readOnlyReason={readOnlyReason}
                />
              </Suspense>
            )}
          </main>
        </div>
      )}
    </div>
  );
}
