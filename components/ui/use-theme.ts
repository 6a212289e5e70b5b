"use client";

import { useSyncExternalStore } from "react";

export type Theme = "light" | "dark";

const readTheme = (): Theme => (document.documentElement.dataset.theme === "dark" ? "dark" : "light");

function subscribeToTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

/**
 * The theme the boot script put on <html data-theme>, kept current when the toggle flips it. For widgets
 * that cannot read our CSS variables themselves (canvas-like libraries, colorMode props). The server
 * cannot know the theme, so it renders "light".
 */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribeToTheme, readTheme, () => "light");
}
