"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSession, useSignOut } from "@/components/auth/use-session";
import styles from "@/components/auth/auth.module.css";

/** Top-bar control: who is signed in (and sign out), "Sign in", or "Read-only" when sign-in is off. */
export function SessionControl() {
  const pathname = usePathname();
  const { data } = useSession();
  const signOut = useSignOut();
  if (!data) return null;
  if (!data.authEnabled)
    return (
      <span
        className={styles.readOnly}
        title="Start Eventscope with EVENTSCOPE_ADMIN_TOKEN to allow re-drives"
        data-testid="session-read-only"
      >
        Read-only
      </span>
    );
  if (!data.signedIn)
    return (
      <Link
        href={`/sign-in?next=${encodeURIComponent(pathname)}`}
        className={styles.signIn}
        data-testid="session-sign-in"
      >
        Sign in
      </Link>
    );
  return (
    <span className={styles.user} data-testid="session-user">
      <span title="Signed in as admin">{data.user}</span>
      <button
        type="button"
        className={styles.signOut}
        onClick={() => signOut.mutate()}
        data-testid="session-sign-out"
      >
        Sign out
      </button>
    </span>
  );
}
