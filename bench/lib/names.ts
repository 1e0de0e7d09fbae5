/**
 * Invented proper names for synthetic records: pronounceable words built from syllables, so that
 * full-text search has realistic tokens (shared words, rare words) without copying anything real.
 */
import type { Rng } from './prng.ts';

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh', 'kh', 'tr', 'br', 'dj'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ei'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'm', 'k'];

/** A capitalised invented word of 2-3 syllables. */
export function word(rng: Rng): string {
  const syllables = rng.int(2, 3);
  let w = '';
  for (let i = 0; i < syllables; i++) {
    w += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
  }
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Initials of the capitalised words of a name, e.g. "Varo Liberation Front" -> "VLF". */
export function acronym(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

export const PURPOSES = [
  'counterterrorism training',
  'border security equipment',
  'maritime security',
  'peacekeeping support',
  'military education',
  'logistics and sustainment',
  'intelligence sharing',
  'aviation maintenance',
  'police training',
  'rule of law programs',
  'stipends for soldiers',
  'barracks construction',
  'communications equipment',
  'demining',
  'counter-narcotics',
] as const;

export const TOPICS = [
  'security sector reform',
  'coup-proofing',
  'partner capacity',
  'arms transfers',
  'peace operations',
  'insurgency',
  'oversight',
  'defense trade',
  'counterterrorism',
  'civil-military relations',
] as const;
