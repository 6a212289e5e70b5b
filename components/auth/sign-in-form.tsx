"use client";

/**
 * Sign-in with the admin token. `npm run demo` prints a link with a one-time sign-in code in the URL
 * *fragment* (`/sign-in#code=…`; `#token=…` carries the admin token itself): browsers never send a
 * fragment to the server or in a Referer, so it reaches no log; this form reads it, POSTs it, and removes
 * it from the address bar at once.
 */
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { safeNext } from "@/components/auth/safe-next";
import { useSession, useSignIn } from "@/components/auth/use-session";
import styles from "@/components/auth/auth.module.css";

export function SignInForm() {
  const router = useRouter();
  const next = useSearchParams().get("next");
  const session = useSession();
  const signIn = useSignIn();
  const [token, setToken] = useState("");
  const [name, setName] = useState("");
  const fromFragment = useRef(false);

  const submit = (credential: { token: string } | { code: string }, n: string) =>
    signIn.mutate(
      { ...credential, ...(n.trim() ? { name: n.trim() } : {}) },
      { onSuccess: () => router.replace(safeNext(next, window.location.origin)) },
    );

  useEffect(() => {
    const match = /(?:^|&)(token|code)=([^&]+)/.exec(window.location.hash.slice(1));
    if (!match?.[2] || fromFragment.current) return;
    fromFragment.current = true;
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    let value: string;
    try {
      value = decodeURIComponent(match[2]);
    } catch {
      return; // a mangled link: the form below still works
    }
    submit(match[1] === "code" ? { code: value } : { token: value }, "");
    // Runs once on mount: the fragment is read and removed immediately.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (token) submit({ token }, name);
  };

  if (session.data && !session.data.authEnabled)
    return (
      <p className={styles.note} data-testid="sign-in-disabled">
        This dashboard is read-only: it was started without <code>EVENTSCOPE_ADMIN_TOKEN</code>.
      </p>
    );
  return (
    <form className={styles.form} onSubmit={onSubmit} data-testid="sign-in-form">
      <label>
        Admin token
        <input
          type="password"
          autoComplete="current-password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
          autoFocus
          data-testid="sign-in-token"
        />
      </label>
      <label>
        Your name <span className={styles.muted}>(optional, shown in the audit log)</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={64}
          autoComplete="name"
          data-testid="sign-in-name"
        />
      </label>
      {signIn.error ? (
        <p className={styles.error} role="alert" data-testid="sign-in-error">
          {signIn.error.message}
        </p>
      ) : null}
      {session.data?.signedIn ? <p className={styles.note}>Signed in as {session.data.user}.</p> : null}
      <Button type="submit" variant="primary" disabled={signIn.isPending} data-testid="sign-in-submit">
        {signIn.isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
