/**
 * Runs before first paint (inlined in <head>) so the page never flashes the wrong theme. A fixed string
 * authored here, never built from data, which is why inlining it is safe.
 */
export const THEME_STORAGE_KEY = "eventscope-theme";

export const themeBootScript = `(function(){try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t!=="light"&&t!=="dark"){t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"}document.documentElement.dataset.theme=t}catch(e){document.documentElement.dataset.theme="light"}})();`;
