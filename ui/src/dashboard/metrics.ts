// The figures the dashboard offers, with the dimensions each is counted by (as the coordinator's metrics are).

/** For exports: a table of one figure by two of its dimensions. */
export const EXPORT_METRICS: Record<string, string[]> = {
  activities: ['activity', 'municipality'],
  participants: ['activity', 'gender', 'municipality'],
  activities_by_theme: ['municipality', 'theme'],
  referrals: ['destination', 'municipality', 'status'],
  meldingen_veilig_thuis: ['municipality'],
  heavy_activities: ['activity', 'municipality'],
  participants_by_age: ['activity', 'age_band', 'municipality'],
  activities_by_community: ['community_group', 'municipality'],
  referrals_by_occurrence: ['destination', 'municipality', 'occurrence'],
  referrals_by_signal: ['destination', 'municipality', 'signal'],
  hands_before: ['municipality', 'statement'],
  hands_after: ['municipality', 'statement'],
  meetings_with_hands: ['municipality', 'statement'],
}

/** For project indicators: a figure narrowed by some of its dimensions; active volunteers by none. */
export const PROJECT_METRICS: Record<string, string[]> = {
  activities: ['activity', 'municipality'],
  participants: ['activity', 'gender', 'municipality'],
  new_participants: ['activity', 'municipality'],
  referrals: ['destination', 'municipality', 'status'],
  meldingen_veilig_thuis: ['municipality'],
  participants_by_age: ['activity', 'age_band', 'municipality'],
  activities_by_community: ['community_group', 'municipality'],
  referrals_by_occurrence: ['destination', 'municipality', 'occurrence'],
  referrals_by_signal: ['destination', 'municipality', 'signal'],
  hands_before: ['municipality', 'statement'],
  hands_after: ['municipality', 'statement'],
  meetings_with_hands: ['municipality', 'statement'],
  active_volunteers: [],
}
