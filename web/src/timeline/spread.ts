/**
 * Event marks on the year track: in year then name order (so Tab moves through them in time),
 * each in the lowest lane where it keeps a gap to the marks already there. Events of one year no
 * longer sit on top of one another, so each can be clicked.
 */
import type { TimelineEvent } from './timeline.ts';

export interface PlacedMark extends TimelineEvent {
  /** Left edge in percent of the track. */
  left: number;
  /** 0 = the lane next to the slider. */
  lane: number;
}

/** `gap`: the smallest distance between two marks of one lane, in percent of the track. */
export function spreadMarks(marks: TimelineEvent[], min: number, max: number, gap = 2): PlacedMark[] {
  const span = max - min || 1;
  const sorted = [...marks].sort((a, b) => a.year - b.year || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const laneEnds: number[] = [];
  return sorted.map((m) => {
    const left = Math.round(((m.year - min) / span) * 10000) / 100;
    let lane = laneEnds.findIndex((end) => left - end >= gap);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = left;
    return { ...m, left, lane };
  });
}
