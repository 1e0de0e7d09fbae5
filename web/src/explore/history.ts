/** Undo for canvas actions (expand, collapse, hide, show all, focus mode). */

export interface UndoEntry {
  label: string;
  undo(): void;
}

/** A bounded stack of undo entries. */
export class History {
  private entries: UndoEntry[] = [];

  constructor(
    private readonly onChange: (top: UndoEntry | undefined) => void = () => {},
    private readonly max = 100,
  ) {}

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.max) this.entries.shift();
    this.onChange(this.peek());
  }

  /** Undo the latest action; false when there is nothing to undo. */
  undo(): boolean {
    const entry = this.entries.pop();
    if (!entry) return false;
    entry.undo();
    this.onChange(this.peek());
    return true;
  }

  peek(): UndoEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  clear(): void {
    this.entries = [];
    this.onChange(undefined);
  }
}
