import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import styles from "@/components/auth/auth.module.css";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <h1>Sign in to Eventscope</h1>
        <p className={styles.note}>
          Everything is readable without signing in. Re-driving dead letters needs the admin token (
          <code>EVENTSCOPE_ADMIN_TOKEN</code>); <code>npm run demo</code> prints a link that signs you in.
        </p>
        <Suspense>
          <SignInForm />
        </Suspense>
        <Link href="/dlq">← Back to the dashboard</Link>
      </div>
    </main>
  );
}
