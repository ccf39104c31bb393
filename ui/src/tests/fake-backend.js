// A fake of the Rust side for UI tests: the real command names and shapes, with state kept in memory.
// Plain script (no imports or exports) so that the same file runs in vitest and, as an init script, in Chromium.
// Validation here is a small stand-in for the domain's (which has its own tests in Rust).
/**
 * @param {'setup' | 'locked' | 'unlocked'} initial
 * @param {{ cmd: string, args: any }[]} calls
 * @returns {(cmd: string, args: any) => unknown}
 */
globalThis.sleutelFakeBackend = function sleutelFakeBackend(initial, calls) {
  let state = initial
  let failed = 0
  let nextId = 1
  const today = new Date().toISOString().slice(0, 10)
  const month = today.slice(0, 7)
  /** @type {Map<number, any>} */
  const activities = new Map()
  /** @type {Map<number, any>} */
  const referrals = new Map()
  let settings = { auto_lock_minutes: 2, retention_months: 24, wipe_after: null, discreet: false, duress_passphrase_set: false }
  /** @type {{ form: string, body: string, updated_at: string } | null} */
  let draft = null
  /** @type {{ name: string, folder: string, bytes: number }[]} */
  const backups = []
  /** @type {any} */
  let sync = { enrolled: false, organisation: null, coordinator: null, last_success_at: null, pending: 0, rejected: 0, problem: null, running: false }
  // As over the real IPC: arguments arrive as JSON, never as the page's own (reactive) objects.
  const clone = (/** @type {any} */ value) => JSON.parse(JSON.stringify(value))
  const status = () => ({
    state,
    failed_attempts: failed,
    retry_after_secs: 0,
    wipe_after: settings.wipe_after,
    attempts_before_wait: Math.max(0, 3 - failed),
    discreet: state !== 'setup' && settings.discreet,
  })
  const lifecycle = {
    proposed: ['made', 'declined', 'unknown'],
    made: ['contact_confirmed', 'help_started', 'closed', 'declined', 'unknown'],
    contact_confirmed: ['help_started', 'closed', 'declined', 'unknown'],
    help_started: ['closed', 'unknown'],
    closed: [],
    declined: [],
    unknown: ['made', 'contact_confirmed', 'help_started', 'closed', 'declined'],
  }
  /** @param {string} code @param {string | null} [field] */
  const fail = (code, field = null) => {
    throw { code, field, message: code }
  }
  const unlocked = () => state === 'unlocked' || fail('locked')
  /** @param {any} a */
  const checkActivity = (a) => {
    if (a.date > today) fail('date_in_future', 'date')
    if (!a.municipality) fail('unknown_code', 'municipality')
    if (a.women + a.men + a.other === 0) fail('tally_empty', 'participants')
    if (a.themes.length === 0) fail('code_required', 'theme')
  }
  /** @param {number} id @param {any} r */
  const referralView = (id, r) => ({
    id,
    code: r.code,
    date: r.date,
    destination: r.destination,
    themes: r.themes,
    urgency: r.urgency,
    status: r.status,
    status_date: r.status_date,
    next_statuses: /** @type {any} */ (lifecycle)[r.status],
    follow_up: r.follow_up || null,
    follow_up_due: !['closed', 'declined'].includes(r.status) && !!r.follow_up && r.follow_up <= today,
    activity_id: r.activity_id ?? null,
  })
  const total = (/** @type {any} */ a) => a.women + a.men + a.other
  const changed = () => {
    if (sync.enrolled) sync.pending += 3
  }
  /** @param {string} cmd @param {any} args */
  return function handle(cmd, args) {
    calls.push({ cmd, args })
    switch (cmd) {
      case 'app_status':
        return status()
      case 'setup':
        state = 'locked'
        return { recovery_code: '7K3F-Q9XM-2D4P-RT8V-W6HJ' }
      case 'unlock':
        if (settings.duress_passphrase_set && args.secret.value === 'noodwachtzin') {
          // Erased: the app answers like a first start.
          state = 'setup'
          settings = { ...settings, discreet: false, duress_passphrase_set: false }
          return status()
        }
        if (args.secret.value !== 'juiste wachtzin') {
          failed += 1
          fail('wrong_secret')
        }
        state = 'unlocked'
        failed = 0
        return status()
      case 'lock':
        state = 'locked'
        return status()
      case 'home_summary': {
        unlocked()
        const mine = [...activities.values()].filter((a) => a.date.startsWith(month))
        const due = [...referrals.entries()].filter(([id, r]) => referralView(id, r).follow_up_due).length
        return {
          month,
          follow_ups_due: due,
          activities: 1234 + mine.length,
          participants: 56 + mine.reduce((n, a) => n + total(a), 0),
          referrals: referrals.size,
        }
      }
      case 'reference_data':
        return {
          activity_types: ['home_visit', 'group_meeting', 'individual_talk', 'phone_contact', 'other'],
          themes: ['huiselijk_geweld', 'huwelijksdwang', 'achterlating', 'opvoeding', 'isolement', 'overig'],
          location_types: ['home', 'community_centre', 'mosque', 'phone', 'other'],
          languages: ['nl', 'en', 'tr', 'ar', 'tzm', 'so', 'pl', 'other'],
          organisations: ['veilig_thuis', 'wijkteam', 'huisarts', 'politie', 'other'],
          age_bands: ['under_18', '18_29', '30_49', '50_64', '65_plus'],
          community_groups: ['turks', 'marokkaans', 'somalisch', 'pools', 'surinaams_hindostaans', 'antilliaans', 'afghaans', 'iraaks', 'iraans', 'koerdisch', 'syrisch', 'eritrees', 'other'],
          statements: ['knows_help', 'would_talk', 'recognises_signs'],
          signals: ['letsel', 'angst', 'controle', 'bedreiging', 'isolement', 'geld', 'kinderen', 'reis_huwelijk', 'zelfbeschadiging', 'other'],
          municipalities: [
            { code: 'GM0363', name: 'Amsterdam' },
            { code: 'GM0599', name: 'Rotterdam' },
            { code: 'GM0202', name: 'Arnhem' },
          ],
        }
      case 'pii_check': {
        /** @type {{ kind: string, start: number, end: number, start_utf16: number, end_utf16: number }[]} */
        const found = []
        for (const m of String(args.text).matchAll(/06-?\d{8}/g)) {
          const start = m.index ?? 0
          found.push({ kind: 'phone', start, end: start + m[0].length, start_utf16: start, end_utf16: start + m[0].length })
        }
        return found
      }
      case 'form_defaults': {
        unlocked()
        const last = [...activities.values()].reverse().find((a) => a.kind === args.kind)
        const single = [...activities.values()].reverse().find((a) => a.kind === args.kind && total(a) === 1)
        return {
          date: today,
          municipality: 'GM0363',
          languages: ['ar', 'nl'],
          frequent_themes: ['opvoeding', 'isolement'],
          location: last?.location ?? null,
          duration_minutes: last?.duration_minutes ?? null,
          last_gender: single ? (single.women ? 'women' : single.men ? 'men' : 'other') : args.kind === 'individual_talk' ? 'women' : null,
          // As an organisation that counts age bands and community groups: every field of the form is laid out.
          reach_details: true,
        }
      }
      case 'set_window_title':
        globalThis.document && (document.title = args.title)
        return null
      case 'save_draft':
        unlocked()
        draft = { form: args.form, body: args.body, updated_at: `${today}T10:00:00Z` }
        return null
      case 'draft':
        unlocked()
        return draft && { ...draft }
      case 'discard_draft':
        unlocked()
        draft = null
        return null
      case 'record_activity': {
        unlocked()
        checkActivity(args.input)
        const id = nextId++
        activities.set(id, clone(args.input))
        draft = null
        changed()
        return { id }
      }
      case 'get_activity':
        unlocked()
        return clone(activities.get(args.id) ?? fail('not_found'))
      case 'update_activity':
        unlocked()
        if (!activities.has(args.id)) fail('not_found')
        checkActivity(args.input)
        activities.set(args.id, clone(args.input))
        draft = null
        changed()
        return { id: args.id }
      case 'delete_activity': {
        unlocked()
        const a = activities.get(args.id) ?? fail('not_found')
        activities.delete(args.id)
        changed()
        return a
      }
      case 'recent_activities':
        unlocked()
        return [...activities.entries()].reverse().map(([id, a]) => ({
          id, kind: a.kind, date: a.date, municipality: a.municipality, participants: total(a), themes: a.themes,
        }))
      case 'record_referral': {
        unlocked()
        const input = args.input
        if (input.follow_up && input.follow_up < input.date) fail('follow_up_before_referral', 'follow_up')
        const id = nextId++
        const code = `R${String(id).padStart(3, '0')}-Q9XM`
        if (args.fromActivity != null && !activities.has(args.fromActivity)) fail('not_found')
        referrals.set(id, { ...clone(input), code, status_date: input.date, activity_id: args.fromActivity ?? null })
        draft = null
        changed()
        return referralView(id, referrals.get(id))
      }
      case 'referrals':
        unlocked()
        return [...referrals.entries()].reverse().map(([id, r]) => referralView(id, r))
      case 'get_referral': {
        unlocked()
        const r = referrals.get(args.id) ?? fail('not_found')
        const { code, status_date, activity_id, ...input } = r
        return clone(input)
      }
      case 'update_referral': {
        unlocked()
        const r = referrals.get(args.id) ?? fail('not_found')
        referrals.set(args.id, { ...r, ...clone(args.input), status: r.status })
        return referralView(args.id, referrals.get(args.id))
      }
      case 'change_referral_status': {
        unlocked()
        const r = referrals.get(args.id) ?? fail('not_found')
        if (!(/** @type {any} */ (lifecycle)[r.status]).includes(args.status)) fail('status_transition_not_allowed', 'status')
        if (args.date > today) fail('date_in_future', 'status_date')
        r.status = args.status
        r.status_date = args.date
        changed()
        return referralView(args.id, r)
      }
      case 'set_referral_follow_up': {
        unlocked()
        const r = referrals.get(args.id) ?? fail('not_found')
        r.follow_up = args.followUp
        return referralView(args.id, r)
      }
      case 'delete_referral':
        unlocked()
        if (!referrals.delete(args.id)) fail('not_found')
        changed()
        return null
      case 'my_work': {
        unlocked()
        /** @type {{ month: string, activities: number, participants: number, referrals: number }[]} */
        const months = []
        const now = new Date(`${month}-01T00:00:00Z`)
        for (let back = 11; back >= 0; back--) {
          const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))
          const m = d.toISOString().slice(0, 7)
          const list = [...activities.values()].filter((a) => a.date.startsWith(m))
          months.push({
            month: m,
            activities: list.length + (back === 1 ? 4 : 0),
            participants: list.reduce((n, a) => n + total(a), 0) + (back === 1 ? 23 : 0),
            referrals: [...referrals.values()].filter((r) => r.date.startsWith(m)).length,
          })
        }
        /** @type {Record<string, number>} */
        const themes = {}
        /** @type {Record<string, number>} */
        const kinds = {}
        for (const a of activities.values()) {
          kinds[a.kind] = (kinds[a.kind] ?? 0) + 1
          for (const th of a.themes) themes[th] = (themes[th] ?? 0) + 1
        }
        const ranked = (/** @type {Record<string, number>} */ o) =>
          Object.entries(o).map(([code, total]) => ({ code, total })).sort((a, b) => b.total - a.total)
        const sum = (/** @type {'activities' | 'participants' | 'referrals'} */ k) => months.reduce((n, m) => n + m[k], 0)
        return {
          months,
          total_activities: sum('activities'),
          total_participants: sum('participants'),
          total_referrals: sum('referrals'),
          by_theme: ranked(themes),
          by_kind: ranked(kinds),
        }
      }
      case 'sync_status':
        unlocked()
        return { ...sync }
      case 'support': {
        unlocked()
        // Once connected, the organisation's contact has arrived and requests for a talk have been sent.
        const contact = sync.enrolled ? { name: 'Amina (coördinator Stichting Oost)', phone: '+31 6 1234 5678', email: 'steun@stichting-oost.example' } : null
        return {
          contact,
          dial: contact ? '+31612345678' : null,
          organisation: sync.organisation,
          waiting_talks: sync.enrolled ? 0 : [...activities.values()].filter((a) => a.debrief).length,
        }
      }
      case 'read_enrolment_link': {
        // The real reading is sleutel_protocol::enrolment_link (tested in Rust); this double knows one shape.
        const link = URL.canParse(String(args.text).trim()) ? new URL(String(args.text).trim()) : null
        const server = link?.searchParams.get('server')
        const code = link?.searchParams.get('code')
        if (link?.protocol !== 'sleutel:' || !server || !code) fail('not_an_enrolment_link')
        return { server, code }
      }
      case 'plugin:barcode-scanner|scan':
        // What the phone's camera would read from the coordinator's QR code.
        return { content: 'sleutel://enrol?server=https%3A%2F%2Fsleutel.example.nl&code=DEMO-CODE-2026', format: 'QR_CODE' }
      case 'enrol':
        unlocked()
        if (!String(args.coordinator).startsWith('https://') && !String(args.coordinator).startsWith('http://127.0.0.1')) {
          fail('insecure_url')
        }
        if (args.code !== 'DEMO-CODE-2026') fail('enrolment_code_invalid')
        sync = { ...sync, enrolled: true, organisation: 'Stichting Demo', coordinator: args.coordinator, pending: 0 }
        sync.last_success_at = `${today}T09:30:00.000Z`
        return { ...sync }
      case 're_enrol':
        unlocked()
        if (!sync.enrolled) fail('not_enrolled')
        if (args.code !== 'NIEUW-CODE-2026') fail('enrolment_code_invalid')
        sync = { ...sync, problem: null, pending: 0, last_success_at: `${today}T09:30:00.000Z` }
        return { ...sync }
      case 'sync_now':
        unlocked()
        if (!sync.enrolled) return { ...sync, problem: 'not_enrolled' }
        // A coordinator that revoked this device (set up by a test with the code below).
        if (sync.coordinator === 'https://ingetrokken.example.nl') return { ...sync, problem: 'device_revoked' }
        sync = { ...sync, pending: 0, problem: null, last_success_at: `${today}T09:30:00.000Z` }
        return { ...sync }
      case 'get_settings':
        unlocked()
        return { ...settings }
      case 'update_settings':
        unlocked()
        if (args.settings.auto_lock_minutes < 1 || args.settings.auto_lock_minutes > 30) fail('invalid_setting')
        settings = { ...args.settings, duress_passphrase_set: settings.duress_passphrase_set }
        return { ...settings }
      case 'set_duress_passphrase':
        unlocked()
        if (args.current !== 'juiste wachtzin') fail('wrong_secret')
        if (args.duress !== null && String(args.duress).length < 8) fail('passphrase_too_short')
        settings = { ...settings, duress_passphrase_set: args.duress !== null }
        return { ...settings }
      case 'change_passphrase':
        unlocked()
        if (args.current !== 'juiste wachtzin') fail('wrong_secret')
        if (String(args.new).length < 8) fail('passphrase_too_short')
        return { recovery_code: 'N3WC-0D3A-B7KQ-M2XR-P9TV' }
      case 'new_recovery_code':
        unlocked()
        if (args.passphrase !== 'juiste wachtzin') fail('wrong_secret')
        return { recovery_code: 'N3WC-0D3A-B7KQ-M2XR-P9TW' }
      case 'create_backup': {
        unlocked()
        const file = { name: `sleutel-backup-${today}-120000.sleutel`, folder: '/home/vrijwilliger/Documents/Sleutel', bytes: 40960 }
        backups.unshift(file)
        return file
      }
      case 'backups':
        return [...backups]
      case 'restore_backup':
        if (args.secret.value !== 'juiste wachtzin') fail('wrong_secret')
        state = 'unlocked'
        return status()
      default:
        throw { code: 'unknown_command', field: null, message: cmd }
    }
  }
}
