/**
 * Who is signed in on which client. A session locks itself after the idle timeout (measured
 * here, on the service side, so a client that stops sending activity cannot keep it open).
 */
export interface Session {
  userId: number;
  locked: boolean;
  lastActivity: number;
}

export class SessionTable {
  private readonly sessions = new Map<string, Session>();

  get(sessionId: string): Session | undefined {
    return this.sessions.get(sessionId);
  }

  start(sessionId: string, userId: number, now: number): Session {
    const s = { userId, locked: false, lastActivity: now };
    this.sessions.set(sessionId, s);
    return s;
  }

  end(sessionId: string): Session | undefined {
    const s = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    return s;
  }

  /** Locks the session if it has been idle longer than the limit; returns true if it just locked. */
  applyIdle(s: Session, now: number, idleMinutes: number): boolean {
    if (!s.locked && now - s.lastActivity > idleMinutes * 60_000) {
      s.locked = true;
      return true;
    }
    return false;
  }

  endAll(): void {
    this.sessions.clear();
  }

  /** Sessions of a user (for role changes and disabling, which take effect at once). */
  forUser(userId: number): Session[] {
    return [...this.sessions.values()].filter((s) => s.userId === userId);
  }
}
