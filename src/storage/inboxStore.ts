/**
 * The storage port of the durable inbox: updates as Telegram sent them, written before Telegram is
 * told they arrived, and marked done once answered. `sqliteInbox.ts` implements it. Ids are scoped
 * by the bot's own id, so a new token never collides with the old bot's update ids.
 */
export interface ReceivedUpdate {
  updateId: number;
  receivedAt: number;
  /** The update as JSON; kept only until it is done. */
  json: string;
}

export interface InboxStore {
  /** Writes the updates not seen before in one transaction; returns the ids that were new. */
  receive(botId: number, updates: readonly ReceivedUpdate[]): Set<number>;
  /** Its first reply is about to be sent: from now on a restart must not handle it again. */
  markReplying(botId: number, updateId: number): void;
  /** Marks updates done, in one transaction, and forgets their content. */
  markDone(botId: number, updateIds: readonly number[], at: number): void;
  /** Updates received and not done, oldest first; `replying` when a reply had been started. */
  pending(botId: number): Array<ReceivedUpdate & { replying: boolean }>;
  /** Deletes done rows older than `before`; returns how many. */
  prune(before: number): number;
  close(): void;
}
