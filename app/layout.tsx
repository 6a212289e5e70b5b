import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { themeBootScript } from "@/components/ui/theme-script";
import "@/app/globals.css";

export const metadata: Metadata = {
  title: { default: "Eventscope", template: "%s · Eventscope" },
  description: "Live flows, traces, consumer lag and dead letters of your Kafka system.",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Static script from our own source (see theme-script.ts); no message content is ever inlined. */}
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
