// The coordinator's API as the dashboard uses it: same origin, the session cookie (HttpOnly, so scripts never see
// it) and the CSRF token from the login reply on every change. Errors carry the server's stable code only.

export type Role = 'admin' | 'coordinator' | 'municipality'
export type Session = {
  name: string
  role: Role
  organisations: number[] | null
  /** A municipality's account: its municipality (CBS code). */
  municipality?: string
  /** Two-factor sign-in is on. */
  two_factor: boolean
  /** An admin without two-factor sign-in: nothing works until it is switched on. */
  two_factor_required: boolean
  csrf_token: string
}
export type TwoFactorSetup = { secret: string; uri: string; qr_svg: string }
export type Organisation = { id: number; name: string; disclosure_threshold: number; reach_details: boolean }
export type Compared = { current: number; previous: number }
export type ComparedGroup = { code: string; current: number; previous: number }
export type Overview = {
  current: [string, string]
  previous: [string, string]
  activities: Compared
  participants: Compared
  referrals: Compared
  meldingen_veilig_thuis: Compared
  active_volunteers: Compared
  activities_by_type: ComparedGroup[]
  participants_by_gender: ComparedGroup[]
  referrals_by_destination: ComparedGroup[]
  referrals_by_status: ComparedGroup[]
  activities_by_municipality: ComparedGroup[]
  activities_by_theme: ComparedGroup[]
}
export type Indicator = { name: string; metric: string; filters: Record<string, string>; target: number | null }
export type Project = {
  id: number
  organisation: number
  name: string
  funder: string
  first_month: string
  last_month: string
  indicators: Indicator[]
}
export type ProjectRequest = Omit<Project, 'id' | 'indicators'> & { indicators: Indicator[] | null }
export type IndicatorProgress = { name: string; target: number | null; realised: number; percent: number | null; cumulative: number[] }
export type Correction = { metric: string; changed: number; net: number }
export type ClosedPeriod = {
  organisation: number
  first_month: string
  last_month: string
  closed_at: number
  closed_by: string
  corrections: Correction[]
}
export type ProjectProgress = { project: Project; months: string[]; indicators: IndicatorProgress[] }
export type DeviceRow = {
  id: string
  organisation_id: number
  label: string
  enrolled_on: string
  last_report_month: string | null
  revoked: boolean
}
export type CodeReply = { code: string; organisation: number; expires_at: number; link: string | null; qr_svg: string }
export type AuditEntry = { at: number; actor: string; action: string; detail: unknown }
export type AccountRow = {
  id: number
  name: string
  role: Role
  organisations: number[]
  municipality: string | null
  has_password: boolean
}
export type NewPassword = { account: AccountRow; password: string }
export type Labels = { dimensions: Record<string, string>; values: Record<string, Record<string, string>> }
export type PeriodKind = 'month' | 'quarter' | 'year'
export type SupportContact = { name: string; phone: string; email: string }
export type SupportContactReply = { organisation: number; contact: SupportContact | null }
export type DebriefRequest = { id: number; organisation_id: number; label: string | null; received_at: number }
/** A month's heavy activities and talks asked: `null` when hidden under the organisation's threshold. */
export type WellbeingMonth = {
  period: string
  activities: number
  heavy_activities: number | null
  debriefs_asked: number | null
}
export type Wellbeing = { organisation: number; threshold: number; months: WellbeingMonth[] }
/** A statement's shows of hands: `null` counts are hidden under the threshold. */
export type StatementEffect = {
  statement: string
  meetings: number | null
  participants: number | null
  before: number | null
  after: number | null
  before_percent: number | null
  after_percent: number | null
}
export type Effects = { organisation: number; from: string; to: string; threshold: number; statements: StatementEffect[] }

/** A refusal or failure, by the server's code (`unauthorized`, `forbidden`, …) or `network`. */
export class ApiError extends Error {
  constructor(readonly code: string) {
    super(code)
  }
}

let csrfToken = ''

/** What to do when the session has ended (expired, logged out elsewhere): the app shows the login page. */
let onSessionEnded: () => void = () => {}
export function whenSessionEnds(handler: () => void) {
  onSessionEnded = handler
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError('network')
  }
  if (response.status === 204) return undefined as T
  const reply = await response.json().catch(() => null)
  if (!response.ok) {
    const code = typeof reply?.code === 'string' ? reply.code : 'internal_error'
    if (code === 'unauthorized' && path !== '/api/v1/session') onSessionEnded()
    throw new ApiError(code)
  }
  return reply as T
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value))
  }
  return search.toString()
}

export type OverviewFilters = {
  period: PeriodKind
  at: string
  organisation: number | null
  municipality: string
  theme: string
}

export type ExportRequest = {
  metric: string
  from: string
  to: string
  rows: string
  columns: string
  organisation: number | null
  municipality: string
  lang: string
  /** 5: shown counts rounded to fives (for publishing). */
  rounding: number | null
}

export const api = {
  async currentSession(): Promise<Session | null> {
    try {
      const session = await request<Session>('GET', '/api/v1/session')
      csrfToken = session.csrf_token
      return session
    } catch (e) {
      if (e instanceof ApiError && e.code === 'unauthorized') return null
      throw e
    }
  },
  async login(name: string, password: string, code: string | null = null): Promise<Session> {
    const session = await request<Session>('POST', '/api/v1/session', { name, password, code })
    csrfToken = session.csrf_token
    return session
  },
  beginTwoFactor: (password: string) => request<TwoFactorSetup>('POST', '/api/v1/session/two-factor', { password }),
  confirmTwoFactor: (code: string) =>
    request<{ recovery_codes: string[] }>('PUT', '/api/v1/session/two-factor', { code }),
  disableTwoFactor: (password: string, code: string) =>
    request<void>('POST', '/api/v1/session/two-factor/off', { password, code }),
  async logout(): Promise<void> {
    await request<void>('DELETE', '/api/v1/session')
    csrfToken = ''
  },
  organisations: () => request<Organisation[]>('GET', '/api/v1/organisations'),
  labels: (lang: string) => request<Labels>('GET', `/api/v1/labels?${query({ lang })}`),
  overview: (f: OverviewFilters) => request<Overview>('GET', `/api/v1/overview?${query(f)}`),
  projects: (organisation: number) => request<Project[]>('GET', `/api/v1/projects?${query({ organisation })}`),
  createProject: (p: ProjectRequest) => request<Project>('POST', '/api/v1/projects', p),
  replaceProject: (id: number, p: ProjectRequest) => request<Project>('PUT', `/api/v1/projects/${id}`, p),
  deleteProject: (id: number) => request<void>('DELETE', `/api/v1/projects/${id}`),
  closedPeriods: (organisation: number) =>
    request<ClosedPeriod[]>('GET', `/api/v1/closed-periods?${query({ organisation })}`),
  closePeriod: (organisation: number, first_month: string, last_month: string) =>
    request<ClosedPeriod>('POST', '/api/v1/closed-periods', { organisation, first_month, last_month }),
  reopenPeriod: (organisation: number, first_month: string) =>
    request<void>('DELETE', `/api/v1/closed-periods/${organisation}/${encodeURIComponent(first_month)}`),
  projectProgress: (id: number) => request<ProjectProgress>('GET', `/api/v1/projects/${id}/progress`),
  devices: (organisation: number | null) => request<DeviceRow[]>('GET', `/api/v1/devices?${query({ organisation })}`),
  issueCode: (organisation: number) => request<CodeReply>('POST', '/api/v1/devices/codes', { organisation }),
  revoke: (id: string) => request<void>('POST', `/api/v1/devices/${encodeURIComponent(id)}/revoke`),
  audit: () => request<AuditEntry[]>('GET', '/api/v1/audit?limit=500'),
  supportContact: (organisation: number) =>
    request<SupportContactReply>('GET', `/api/v1/organisations/${organisation}/support-contact`),
  setSupportContact: (organisation: number, contact: SupportContact) =>
    request<SupportContactReply>('PUT', `/api/v1/organisations/${organisation}/support-contact`, contact),
  debriefRequests: (organisation: number) =>
    request<DebriefRequest[]>('GET', `/api/v1/debrief-requests?${query({ organisation })}`),
  debriefHandled: (id: number) => request<void>('POST', `/api/v1/debrief-requests/${id}/handled`),
  effects: (r: { organisation: number; from: string; to: string }) =>
    request<Effects>('GET', `/api/v1/effects?${query(r)}`),
  wellbeing: (organisation: number) => request<Wellbeing>('GET', `/api/v1/wellbeing?${query({ organisation })}`),
  setReachDetails: (organisation: number, enabled: boolean) =>
    request<Organisation>('PUT', `/api/v1/organisations/${organisation}/reach-details`, { enabled }),
  setThreshold: (organisation: number, threshold: number) =>
    request<Organisation>('PUT', `/api/v1/organisations/${organisation}/threshold`, { threshold }),
  accounts: () => request<AccountRow[]>('GET', '/api/v1/accounts'),
  createAccount: (name: string, role: Role, organisations: number[], municipality: string | null = null) =>
    request<NewPassword>('POST', '/api/v1/accounts', { name, role, organisations, municipality }),
  deleteAccount: (account: number) => request<void>('DELETE', `/api/v1/accounts/${account}`),
  resetPassword: (account: number) => request<NewPassword>('POST', `/api/v1/accounts/${account}/password`),
  setAccountOrganisations: (account: number, organisations: number[]) =>
    request<AccountRow>('PUT', `/api/v1/accounts/${account}/organisations`, { organisations }),
  createOrganisation: (name: string) => request<Organisation>('POST', '/api/v1/organisations', { name }),
  changePassword: (current: string, next: string) =>
    request<void>('PUT', '/api/v1/session/password', { current, new: next }),
}

/** The address of an export download (a GET with the session cookie; the server writes it to the audit log). */
export function exportUrl(r: ExportRequest, format: 'csv' | 'xlsx'): string {
  return `/api/v1/exports/table?${query({ ...r, format })}`
}

/**
 * Downloads an export (a table, or a project's card): fetched first, so a refusal (a table too large, an ended session) becomes a message on the
 * page instead of a failed file; then saved under the server's file name.
 */
export async function downloadExport(r: ExportRequest, format: 'csv' | 'xlsx'): Promise<void> {
  return download(exportUrl(r, format), format)
}

/** A project's card for its funder, in the page's language. */
export async function downloadProject(id: number, format: 'csv' | 'xlsx', lang: string): Promise<void> {
  return download(`/api/v1/projects/${id}/export?${query({ format, lang })}`, format)
}

async function download(url: string, format: 'csv' | 'xlsx'): Promise<void> {
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin' })
  } catch {
    throw new ApiError('network')
  }
  if (!response.ok) {
    const reply = await response.json().catch(() => null)
    const code = typeof reply?.code === 'string' ? reply.code : 'internal_error'
    if (code === 'unauthorized') onSessionEnded()
    throw new ApiError(code)
  }
  const disposition = response.headers.get('content-disposition') ?? ''
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `sleutel-export.${format}`
  const href = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = href
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}
