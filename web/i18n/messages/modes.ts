/** The tabs that choose what the map is for (web/ui/mode-tabs.tsx). */
export const id = {
  'mode.label': 'Tampilan',
  'mode.explore': 'Jelajah',
  'mode.lagging': 'Tertinggal',
  'mode.clusters': 'Klaster',
  'mode.aksi': 'Aksi konvergensi',
  'mode.budget': 'Anggaran vs hasil',
} as const;

export const en: Record<keyof typeof id, string> = {
  'mode.label': 'View',
  'mode.explore': 'Explore',
  'mode.lagging': 'Lagging',
  'mode.clusters': 'Clusters',
  'mode.aksi': 'Convergence actions',
  'mode.budget': 'Budget vs outcome',
};
